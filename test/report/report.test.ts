import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeThread } from '../../src/analyze/index.js';
import { makeChecker, Report, type Thread } from '../../src/model/index.js';
import { buildReport, renderHtml, renderMarkdown, renderText, segments, trend } from '../../src/report/index.js';
import { seedAnalysis, seedThread } from '../helpers/seed.js';

const checkReport = makeChecker(Report);

describe('seed report', () => {
  let report: Report;
  beforeAll(async () => {
    report = buildReport(await seedAnalysis(), { generatedAt: '2026-11-22T00:00:00.000Z' });
  });

  it('matches the documented Report schema', () => {
    expect(checkReport.problems(report)).toEqual([]);
  });

  it('summarises the thread', () => {
    expect(report.summary.commentCount).toBe(7);
    expect(report.summary.declaredCommentCount).toBe(7);
    expect(report.articles).toHaveLength(4);
    expect(report.summary.participants.map((p) => [p.author, p.comments])).toEqual([
      ['Jay Farquharson', 3],
      ['bn', 2],
      ['efFlh43', 2],
    ]);
    const c = report.summary.tone.counts;
    expect(c.hostile + c.negative + c.neutral + c.positive).toBe(7);
    expect(report.summary.tone.timeline.map((p) => p.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('ranks the hostile comments for review', () => {
    const ids = report.review.map((r) => r.commentId);
    expect(ids).toContain('c2');
    expect(ids).toContain('c4');
    expect(ids).not.toContain('c1');
    expect(report.review.every((r, i, all) => i === 0 || all[i - 1]!.priority >= r.priority)).toBe(true);
  });

  it('is reproducible: the same input gives byte-identical JSON', async () => {
    const again = buildReport(await seedAnalysis(), { generatedAt: '2026-11-22T00:00:00.000Z' });
    expect(JSON.stringify(again)).toBe(JSON.stringify(report));
  });

  it('renders Markdown with authors, tone and spans', () => {
    const md = renderMarkdown(report);
    expect(md).toContain('# Threadlens report: Russia Entices U.S.-Trained Syrian Rebels To Switch Sides');
    expect(md).toContain('### 4. bn: tone **hostile**');
    expect(md).toMatch(/`drug-insinuation` high \[\d+–\d+\] “leave the drugs mn or get better info”/);
    // Tone words outside every moderation span are still listed ...
    expect(md).toMatch(/`tone-ridicule` \w+ \[\d+–\d+\] “wow”/);
    // ... but the tone finding inside the drug-insinuation span would say the same thing twice.
    expect(md).not.toMatch(/`tone-hostile` \w+ \[\d+–\d+\] “leave the drugs”/);
  });

  it('renders HTML with highlighted spans that carry rule and reason', () => {
    const html = renderHtml(report);
    expect(html).toMatch(/^<!doctype html>/);
    // The tone cue and the incivility finding cover the same words: one mark, flagged, both reasons.
    expect(html).toMatch(/<mark class="flag high" tabindex="0" title="drug-insinuation: [^"]*\ntone-hostile: [^"]*" aria-label="[^"]*">leave the drugs<\/mark>/);
    expect(html).toMatch(/<mark class="toneword" tabindex="0" title="tone-ridicule: [^"]*" aria-label="[^"]*">wow<\/mark>/);
    expect(html).toContain('incivility <span class="inc uncivil">uncivil</span>');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<svg');
  });

  it('renders the terminal summary with every comment', () => {
    const txt = renderText(report);
    for (const a of ['efFlh43', 'bn', 'Jay Farquharson']) expect(txt).toContain(a);
    expect(txt.match(/^ {2}#\d /gm)).toHaveLength(7);
    expect(txt).toContain('HOSTILE');
    expect(txt).not.toContain('\x1b['); // no colour unless asked
  });
});

describe('report rendering safety', () => {
  it('escapes markup in comment text and authors', () => {
    const t = seedThread();
    const evil: Thread = {
      thread: { ...t.thread, title: '<b>x</b>' },
      comments: [{ ...t.comments[0]!, author: '<img src=x onerror=alert(1)>', text: 'Hi <script>alert(1)</script> you idiot LOL' }],
    };
    const html = renderHtml(buildReport(analyzeThread({ thread: evil })));
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;');
  });
});

describe('helpers', () => {
  it('cuts overlapping findings into segments', () => {
    const f = (start: number, end: number) => ({ ruleId: 'r', category: 'tone' as const, severity: 'low' as const, score: 0, span: { start, end }, actual: '', reason: 'x' });
    const segs = segments('abcdefgh', [f(1, 5), f(3, 7)]);
    expect(segs.map((s) => [s.start, s.end, s.findings.length])).toEqual([
      [0, 1, 0], [1, 3, 1], [3, 5, 2], [5, 7, 1], [7, 8, 0],
    ]);
  });

  it('calls a trend only with enough comments', () => {
    expect(trend([0.1, -0.5])).toBe('too-short');
    expect(trend([0.3, 0.2, -0.4, -0.6])).toBe('escalating');
    expect(trend([-0.6, -0.4, 0.2, 0.3])).toBe('cooling');
    expect(trend([0, 0.05, 0, -0.05])).toBe('steady');
  });
});
