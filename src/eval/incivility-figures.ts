import { scoreIncivility, type IncivilityEngine, type IncivilityThresholds, type SpanMode } from '../incivility/combine.js';
import { MODEL_RULE_ID } from '../incivility/spans.js';
import { EMPTY_CONTEXT } from '../rules/index.js';
import type { Finding } from '../model/index.js';
import { prepareText } from '../text/index.js';
import type { GithubComment, LabelledComment, SpanPost } from './datasets.js';
import { binaryFigures, charF1, rocAuc, type BinaryFigures } from './metrics.js';

/**
 * Which findings count as predicted toxic characters. `words`: learned spans plus rule findings of
 * medium or high severity (low-severity rule findings, such as a sweeping generalisation or laughter,
 * mark context around the toxic words, which Toxic Spans annotators do not mark). `all`: every finding.
 */
export type SpanSet = 'words' | 'all';

/** Character offsets covered by a comment's incivility findings. */
export function predictedChars(engine: IncivilityEngine, text: string, t: IncivilityThresholds, mode: SpanMode, set: SpanSet = 'words'): number[] {
  return findingChars(text, scoreIncivility(engine, prepareText(text), EMPTY_CONTEXT, t, mode).findings, set);
}

/**
 * The characters a set of findings predicts as toxic: what Toxic Spans counts, shared by the eval
 * and by training's span-threshold search (which has the findings already and must count the same way).
 */
export function findingChars(text: string, findings: readonly Finding[], set: SpanSet = 'words'): number[] {
  const chars = new Set<number>();
  for (const f of findings) {
    if (set === 'words' && f.severity === 'low' && f.ruleId !== MODEL_RULE_ID) continue;
    for (let c = f.span.start; c < f.span.end; c++) chars.add(c);
  }
  // Adjacent highlights separated only by spaces read as one span ("stupid idiot"), as annotators marked them.
  const sorted = [...chars].sort((a, b) => a - b);
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i]!;
    const b = sorted[i + 1]!;
    if (b - a > 1 && /^ +$/.test(text.slice(a + 1, b))) for (let c = a + 1; c < b; c++) chars.add(c);
  }
  return [...chars];
}

/** Mean per-post character F1 (SemEval-2021 Task 5). */
export function toxicSpansF1(engine: IncivilityEngine, posts: readonly SpanPost[], t: IncivilityThresholds, mode: SpanMode = 'always', set: SpanSet = 'words'): number {
  let sum = 0;
  for (const post of posts) sum += charF1(predictedChars(engine, post.text, t, mode, set), post.spans);
  return posts.length ? sum / posts.length : NaN;
}

export interface ClassifierFigures extends BinaryFigures {
  rocAuc: number;
}

export function classify(engine: IncivilityEngine, rows: readonly LabelledComment[], t: IncivilityThresholds): { scores: number[]; figures: ClassifierFigures } {
  const scores = rows.map((r) => scoreIncivility(engine, prepareText(r.text), EMPTY_CONTEXT, t).score);
  const labels = rows.map((r) => r.uncivil);
  const figures = binaryFigures(labels, scores.map((s) => s >= t.threshold));
  return { scores, figures: { ...figures, rocAuc: rocAuc(labels, scores) } };
}

export interface TypeRecall {
  type: string;
  n: number;
  found: number;
  recall: number;
}

/** Recall per GitHub incivility type, plus the false-positive rate on civil comments. */
export function githubPerType(engine: IncivilityEngine, rows: readonly GithubComment[], t: IncivilityThresholds): { types: TypeRecall[]; civil: { n: number; flagged: number; rate: number } } {
  const by = new Map<string, { n: number; found: number }>();
  const civil = { n: 0, flagged: 0, rate: 0 };
  for (const r of rows) {
    const uncivil = scoreIncivility(engine, prepareText(r.text), EMPTY_CONTEXT, t).label === 'uncivil';
    if (r.type === null) {
      civil.n++;
      if (uncivil) civil.flagged++;
      continue;
    }
    const e = by.get(r.type) ?? { n: 0, found: 0 };
    e.n++;
    if (uncivil) e.found++;
    by.set(r.type, e);
  }
  civil.rate = civil.n ? civil.flagged / civil.n : 0;
  const types = [...by.entries()].map(([type, e]) => ({ type, n: e.n, found: e.found, recall: e.n ? e.found / e.n : 0 })).sort((a, b) => b.n - a.n);
  return { types, civil };
}
