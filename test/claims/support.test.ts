import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeSingle, analyzeThread } from '../../src/analyze/index.js';
import type { Article, Claim, Comment, Thread } from '../../src/model/index.js';
import { seedArticles } from '../helpers/seed.js';

const DB_2015 = 'dailybeast-2015-rebels-backing-out';
const DB_2016 = 'dailybeast-2016-08-05-russia-poach-rebels';

function thread(texts: string[]): Thread {
  const comments: Comment[] = texts.map((text, index) => ({
    id: `c${index + 1}`,
    index,
    author: index % 2 ? 'B' : 'A',
    createdAt: null,
    status: 'live',
    text,
    parentId: null,
    parentSource: 'none',
  }));
  return {
    thread: { id: 't', format: 'test', sourceFile: null, contentHash: 't', title: null, publishedAt: null, post: null, declaredCommentCount: null, warnings: [] },
    comments,
  };
}

describe('support check against the seed articles', () => {
  let articles: Article[];
  beforeAll(async () => {
    articles = await seedArticles();
  });
  const claimsOf = (text: string) => analyzeThread({ thread: thread([text]), articles }).comments[0]!;
  const only = (text: string): Claim => {
    const cs = claimsOf(text).claims.filter((c) => c.role === 'assertion');
    expect(cs).toHaveLength(1);
    return cs[0]!;
  };
  const cited = (c: Claim, kind: string) => c.evidence.filter((e) => e.kind === kind).map((e) => e.ref?.id);

  it('"The Pentagon said 3,700 Syrians volunteered" is corroborated by the 2015 Daily Beast article', () => {
    const c = only('The Pentagon said 3,700 Syrians volunteered.');
    expect(c.status).toBe('corroborated');
    expect(cited(c, 'corroborated-by')).toEqual([DB_2015]);
    expect(c.source).toMatchObject({ text: 'The Pentagon', quality: 'named' });
    const ev = c.evidence.find((e) => e.kind === 'corroborated-by')!;
    const body = articles.find((a) => a.id === DB_2015)!.body;
    expect(body.slice(ev.ref!.span!.start, ev.ref!.span!.end)).toBe('3,700 Syrians');
    expect(ev.text).toContain('said 3,700 Syrians had volunteered in total');
  });

  it('"1,000 fighters" is corroborated, the 2016 Daily Beast article among the citations', () => {
    const c = only('Sejry had 1,000 fighters.');
    expect(c.status).toBe('corroborated');
    expect(cited(c, 'corroborated-by')).toContain(DB_2016);
    expect(claimsOf('Sejry had 1,000 fighters.').findings).toEqual([]);
  });

  it('"500 fighters in the Mu\'tasim Brigade" is contradicted by the article saying 1,000, and flagged', () => {
    const r = claimsOf("There are 500 fighters in the Mu'tasim Brigade.");
    const c = r.claims[0]!;
    expect(c.status).toBe('contradicted');
    expect(cited(c, 'contradicted-by')).toContain(DB_2016);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ ruleId: 'contradicted-numeric-claim', category: 'claim', actual: '500 fighters' });
    expect(r.findings[0]!.reason).toMatch(/^States 500 fighters, but dailybeast-2016-08-05-russia-poach-rebels states "1,000 other affiliated rebels"/);
  });

  it('does not confuse money with a count: "$500 per fighter" is not a figure of 500 fighters', () => {
    const c = only('They were paid $500 per fighter.');
    expect(c.kind).toBe('money');
    expect(c.status).toBe('corroborated');
    expect(c.evidence.find((e) => e.kind === 'corroborated-by')!.text).toContain('$500 per fighter');
  });

  it('a figure no article states, for a thing no article counts, is unsupported', () => {
    const c = only('Exactly 4,200 Chechens fought in Aleppo.');
    expect(c.status).toBe('unsupported');
    expect(c.evidence.find((e) => e.kind === 'articles-searched')!.text).toContain('none states this figure');
  });

  it('respects the tolerance: 3,650 is within 5% of 3,700, 3,000 is not', () => {
    expect(only('The Pentagon said 3,650 Syrians volunteered.').status).toBe('corroborated');
    expect(only('The Pentagon said 3,000 Syrians volunteered.').status).toBe('contradicted');
    const strict = analyzeThread({ thread: thread(['The Pentagon said 3,650 Syrians volunteered.']), articles, options: { claimTolerance: 0 } });
    expect(strict.comments[0]!.claims[0]!.status).toBe('contradicted');
  });

  it('a linked source makes a figure attributed and unflagged', () => {
    const r = claimsOf('There were 4,200 Chechens in Aleppo https://example.org/report');
    expect(r.claims[0]!.status).toBe('attributed');
    expect(r.claims[0]!.source).toMatchObject({ quality: 'linked', url: 'https://example.org/report' });
    expect(r.findings).toEqual([]);
  });

  it('"according to" names a source', () => {
    const c = only('According to Reuters, 4,200 Chechens fought in Aleppo.');
    expect(c.source).toMatchObject({ text: 'Reuters', quality: 'named' });
    expect(c.status).toBe('attributed');
  });
});

describe('score: claims with source_text as the corpus', () => {
  it('reports claims and findings for the scored comment only, checked against source_text', async () => {
    const [a2016] = (await seedArticles()).filter((a) => a.id === DB_2016);
    const out = analyzeSingle({ id: 'x', text: "There are 500 fighters in the Mu'tasim Brigade.", source_text: a2016!.body, parent_text: 'Over 300 groups joined.' });
    expect(out.claims).toHaveLength(1);
    expect(out.claims[0]).toMatchObject({ span: { start: 10, end: 22 }, actual: '500 fighters', value: 500, counted: { text: 'fighters', head: 'fighter' }, role: 'assertion', status: 'contradicted' });
    expect(out.findings.map((f) => f.ruleId)).toEqual(['contradicted-numeric-claim']);
  });

  it('an echo of the parent\'s number is not a new assertion', () => {
    const out = analyzeSingle({ id: 1, text: '308 groups? Source please.', parent_text: 'Since Feb, 308 jihadi groups have disbanded.' });
    expect(out.claims[0]!.role).toBe('echo');
    expect(out.findings).toEqual([]);
  });
});
