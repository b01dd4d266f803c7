import type { Report, Thread } from '../../src/model/index.js';
import { analysisKey, processAnalyzeJob, type AnalyzeJobResult } from '../../src/queue/index.js';
import { seedThread } from './seed.js';

/** The seed thread under another id (and content hash): a distinct thread with the same comments. */
export function seedVariant(n: number | string): Thread {
  const t = seedThread();
  return { ...t, thread: { ...t.thread, id: `seed-variant-${n}`, contentHash: `variant-${n}-${t.thread.contentHash}` } };
}

/** Analyze a thread the way a queue job does. `analyzer` stands in for another analyzer version. */
export function analyzed(thread: Thread, analyzer?: string): AnalyzeJobResult {
  const r = processAnalyzeJob({ thread, articles: [] });
  return analyzer ? { ...r, analysisKey: analysisKey({ thread, articles: [] }, analyzer), report: { ...r.report, generator: { ...r.report.generator, version: analyzer } } } : r;
}

/**
 * A "rules change": the next analyzer version also flags `commentId` with an extra finding (the
 * first word of the comment), as a new incivility rule would.
 */
export function withExtraFinding(result: AnalyzeJobResult, commentId: string, analyzer: string): AnalyzeJobResult {
  const report: Report = structuredClone(result.report);
  const c = report.comments.find((x) => x.id === commentId)!;
  const end = c.text.search(/\W/) > 0 ? c.text.search(/\W/) : c.text.length;
  c.findings.push({
    ruleId: 'test-new-rule',
    category: 'incivility',
    severity: 'high',
    score: 0.9,
    span: { start: 0, end },
    actual: c.text.slice(0, end),
    reason: 'flagged by a rule added in the next analyzer version',
  });
  const entry = report.review.find((e) => e.commentId === commentId);
  if (entry) {
    entry.severity = 'high';
    entry.ruleIds = ['test-new-rule', ...entry.ruleIds];
  } else {
    report.review.push({ commentId, index: c.index, author: c.author, priority: 0.9, severity: 'high', ruleIds: ['test-new-rule'], reasons: [c.findings.at(-1)!.reason] });
  }
  report.generator = { ...report.generator, version: analyzer };
  return { ...result, analysisKey: `${result.analysisKey}-${analyzer}`, report };
}
