import { beforeAll, describe, expect, it } from 'vitest';
import type { ThreadAnalysis } from '../../src/analyze/index.js';
import { makeChecker, StanceResult } from '../../src/model/index.js';
import { threadClaim } from '../../src/stance/claim.js';
import { STANCE_RULES } from '../../src/stance/rules.js';
import { stanceOf, STANCE_MODELS } from '../../src/stance/stance.js';
import { contentStems } from '../../src/text/content-words.js';
import { prepareText } from '../../src/text/index.js';
import { scoreTone } from '../../src/tone/index.js';
import { seedAnalysis } from '../helpers/seed.js';

const checkStance = makeChecker(StanceResult);

describe('stance on the seed thread', () => {
  let a: ThreadAnalysis;
  beforeAll(async () => {
    a = await seedAnalysis();
  });
  const st = (n: number) => a.comments[n - 1]!.stance!;

  it('comment 2 denies the article (mocking question)', () => {
    expect(st(2).toSource.label).toBe('deny');
    expect(st(2).toSource.cues.map((c) => c.cue).join(' ')).toMatch(/What are you smoking/);
  });

  it('comment 3 supports it (figures on the story\'s subject)', () => {
    expect(st(3).toSource.label).toBe('support');
  });

  it('comment 4 disagrees with its parent, comment 3', () => {
    expect(st(4).toParent).not.toBeNull();
    expect(st(4).toParent!.parentId).toBe(a.thread.comments[2]!.id);
    expect(st(4).toParent!.label).toBe('disagree');
  });

  it('comment 6 is a comment (off the article\'s claim)', () => {
    expect(st(6).toSource.label).toBe('comment');
    expect(st(6).toSource.cues[0]!.cue).toMatch(new RegExp(`^${STANCE_RULES.offClaim}:`));
  });

  it('gives parent stance to replies only, and every result matches the schema with exact cue spans', () => {
    a.comments.forEach((r, i) => {
      const c = a.thread.comments[i]!;
      expect(checkStance.problems(r.stance)).toEqual([]);
      expect(r.stance!.toParent === null).toBe(c.parentId === null);
      for (const cue of [...r.stance!.toSource.cues, ...(r.stance!.toParent?.cues ?? [])]) {
        if (cue.span) expect(c.text.slice(cue.span.start, cue.span.end)).toBe(cue.actual);
      }
      expect(r.stance!.toSource.cues.length).toBeGreaterThan(0);
    });
  });

  it('shows no stop-word-only or punctuation n-grams as cues ("is a", "...")', () => {
    for (const r of a.comments) {
      for (const cue of [...r.stance!.toSource.cues, ...(r.stance!.toParent?.cues ?? [])]) {
        if (cue.kind !== 'model' || !cue.cue.startsWith('"')) continue;
        expect(cue.cue).not.toMatch(/^"(is a|is|\.\.\.|the|"|and is)"$/);
      }
    }
  });
});

describe('stanceOf', () => {
  const claim = threadClaim({ title: 'Minister resigns over expenses scandal', lead: 'The minister resigned on Monday after reports about his expenses.' });
  const run = (text: string, parent?: string) => {
    const p = prepareText(text);
    const pp = parent ? prepareText(parent) : null;
    return stanceOf(
      { prepared: p, depth: pp ? 2 : 1, claim, tone: scoreTone(p, { isReply: true }), parent: pp ? { prepared: pp, stems: contentStems(pp) } : null },
      pp ? 'p1' : null,
    );
  };

  it('reads a request for evidence as a query', () => {
    expect(run('Is this true? Any source for the resignation?').toSource.label).toBe('query');
  });

  it('reads an explicit dispute as deny', () => {
    expect(run('This is fake news, the minister did not resign. Total hoax.').toSource.label).toBe('deny');
  });

  it('turns a mocking question into deny, with the rule as the first cue', () => {
    const r = run('The minister resigned? LOL what are you smoking?');
    expect(r.toSource.label).toBe('deny');
    expect(r.toSource.cues[0]).toMatchObject({ kind: 'rule' });
  });

  it('agrees and disagrees with a parent comment', () => {
    const parent = 'The expenses rules were far too loose for years.';
    expect(run('Exactly, I agree completely. Thanks for saying it.', parent).toParent!.label).toBe('agree');
    expect(run('No, that is wrong. The rules were strict, you clearly never read them.', parent).toParent!.label).toBe('disagree');
  });

  it('reports probabilities as confidences in 0..1', () => {
    const r = run('Reports say he resigned on Monday.');
    expect(r.toSource.confidence).toBeGreaterThan(0);
    expect(r.toSource.confidence).toBeLessThanOrEqual(1);
  });
});

describe('the committed model', () => {
  const prov = STANCE_MODELS.provenance as Record<string, Record<string, unknown>>;

  it('records its provenance: data hashes, sources, licences, command and date', () => {
    expect(prov.toSource!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(prov.toParent!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(String(prov.toSource!.data)).toMatch(/split "train" only/);
    expect(prov.toSource!.licence).toBeTruthy();
    expect(prov.toParent!.source).toMatch(/Lei & Huang 2022/);
    expect(String(prov.command)).toMatch(/npm run train:stance/);
    expect(String(prov.createdAt)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('has both label sets and a shared vocabulary', () => {
    expect(STANCE_MODELS.toSource.labels).toEqual(['support', 'deny', 'query', 'comment']);
    expect(STANCE_MODELS.toParent.labels).toEqual(['agree', 'disagree', 'neutral']);
    expect(STANCE_MODELS.vocab.unigrams.size).toBeGreaterThan(500);
  });
});
