import { beforeAll, describe, expect, it } from 'vitest';
import type { CommentResult } from '../../src/analyze/index.js';
import { makeChecker, Report, ThreadView } from '../../src/model/index.js';
import { buildReport, renderHtml, renderMarkdown, renderText } from '../../src/report/index.js';
import { buildThreadView } from '../../src/report/thread-view.js';
import { isUncivil } from '../../src/report/uncivil.js';
import { seedAnalysis } from '../helpers/seed.js';

describe('thread view on the seed', () => {
  let report: Report;
  beforeAll(async () => {
    report = buildReport(await seedAnalysis(), { generatedAt: null });
  });

  it('matches the schema', () => {
    expect(makeChecker(ThreadView).problems(report.threadView)).toEqual([]);
    expect(makeChecker(Report).problems(report)).toEqual([]);
  });

  it('draws the reply tree depth-first with inferred links marked and evidenced', () => {
    const tree = report.threadView.tree;
    expect(tree.map((n) => n.index + 1)).toEqual([1, 2, 3, 4, 5, 7, 6]);
    const n4 = tree.find((n) => n.index === 3)!;
    expect(n4).toMatchObject({ link: 'inferred', depth: 1, parentId: report.comments[2]!.id });
    expect(n4.evidence).toContain('echoes "308 groups" from comment 3');
    expect(tree.find((n) => n.index === 0)).toMatchObject({ link: 'post', depth: 0 });
    expect(report.threadView.links).toEqual({ explicit: 0, inferred: 3, post: 4 });
    // The report's comments carry the inferred links too.
    expect(report.comments[3]!.parentSource).toBe('inferred');
  });

  it('summarises stance: counts and who supports / denies', () => {
    const s = report.threadView.stance;
    expect(s.toSource.support + s.toSource.deny + s.toSource.query + s.toSource.comment).toBe(7);
    expect(s.deniers).toContainEqual({ author: 'bn', indices: [1] });
    expect(s.supporters).toContainEqual({ author: 'Jay Farquharson', indices: [2] });
  });

  it('finds the derailing pair: bn answering Jay Farquharson with disagreement and incivility', () => {
    const pair = report.threadView.disagreements[0]!;
    expect([...pair.authors].sort()).toEqual(['Jay Farquharson', 'bn']);
    expect(pair.exchanges[0]).toMatchObject({ index: 3, author: 'bn', repliesToIndex: 2, stance: 'disagree', uncivil: true });
    // efFlh43 disagrees with bn but civilly: not a derailing pair.
    expect(report.threadView.disagreements.some((p) => p.authors.includes('efFlh43'))).toBe(false);
  });

  it('has a thread section in every renderer', () => {
    const text = renderText(report);
    expect(text).toMatch(/^Thread$/m);
    expect(text).toMatch(/└┄ #4 bn · comment · disagree with #3 · UNCIVIL \(inferred 0\.\d+: echoes "308 groups" from comment 3/);
    expect(text).toMatch(/Jay Farquharson ↔ bn: #4 bn → #3 disagree, uncivil/);
    expect(text).toMatch(/stance: deny \(0\.\d\d\) toward the source/);
    const md = renderMarkdown(report);
    expect(md).toMatch(/^## Thread$/m);
    expect(md).toMatch(/^### Disagreement pairs$/m);
    expect(md).toMatch(/^ {2}- ┄ \\#4 bn/m);
    const html = renderHtml(report);
    expect(html).toMatch(/<h2 id="thr">Thread<\/h2>/);
    expect(html).toMatch(/<li class="link-inferred uncivil" title="\(inferred 0\.\d+: echoes &quot;308 groups&quot;/);
    // Balanced nested lists.
    const tree = html.slice(html.indexOf('<div class="tree">'), html.indexOf('</div>', html.indexOf('<div class="tree">')));
    expect(tree.match(/<ul>/g)!.length).toBe(tree.match(/<\/ul>/g)!.length);
    expect(tree.match(/<li /g)!.length).toBe(tree.match(/<\/li>/g)!.length);
  });
});

describe('isUncivil', () => {
  const base: CommentResult = { tone: { label: 'neutral', score: 0, findings: [], discounted: [] }, incivility: null, stance: null, findings: [], claims: [] };
  it.each([
    ['neutral tone', base, false],
    ['hostile tone', { ...base, tone: { ...base.tone!, label: 'hostile' as const } }, true],
    ['incivility analyzer says uncivil', { ...base, incivility: { label: 'uncivil' } }, true],
    ['incivility analyzer says civil', { ...base, incivility: { label: 'civil' } }, false],
  ])('%s', (_, r, expected) => {
    expect(isUncivil(r as CommentResult)).toBe(expected);
  });

  it('an empty analysis has an empty view', async () => {
    const a = await seedAnalysis();
    const v = buildThreadView({ ...a, thread: { ...a.thread, comments: [] }, comments: [] });
    expect(v).toEqual({ tree: [], links: { explicit: 0, inferred: 0, post: 0 }, stance: { toSource: { support: 0, deny: 0, query: 0, comment: 0 }, toParent: { agree: 0, disagree: 0, neutral: 0 }, supporters: [], deniers: [] }, disagreements: [] });
  });
});
