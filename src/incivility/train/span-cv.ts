import { splitPoint, type SpanPost } from '../../eval/datasets.js';
import { findingChars } from '../../eval/incivility-figures.js';
import { charF1 } from '../../eval/metrics.js';
import type { Finding } from '../../model/index.js';
import { EMPTY_CONTEXT, runRules, type RuleCheck } from '../../rules/index.js';
import { prepareText, type PreparedText } from '../../text/index.js';
import { DIM, modelWords } from '../features.js';
import { LearnedScorer, type HeadWeights } from '../scorer.js';
import { modelSpans } from '../spans.js';
import { tokenExamples } from './examples.js';
import { trainLR, type LRParams } from './logreg.js';

/**
 * Span thresholds by k-fold cross-validation on Toxic Spans train: the token head is refitted on k−1
 * folds and scores the k-th, so every post gets an out-of-fold token probability; the thresholds are
 * then chosen on all of train at once (a 10% dev split left too few posts to tell settings apart).
 */

export interface SpanSettings {
  spanThreshold: number;
  spanRelative: number;
  spanFallback: number;
}

interface OofPost {
  text: string;
  gold: number[];
  p: PreparedText;
  words: number[];
  findings: Finding[];
  probs: Float64Array;
}

export const spanFold = (text: string, folds: number): number => Math.floor(splitPoint(text, 'span-fold') * folds);

export function outOfFoldTokenProbs(posts: readonly SpanPost[], folds: number, params: LRParams, checks: readonly { check: RuleCheck }[], log: (s: string) => void): OofPost[] {
  const out: OofPost[] = posts.map((post) => {
    const p = prepareText(post.text);
    return { text: post.text, gold: post.spans, p, words: modelWords(p), findings: runRules(checks, p, EMPTY_CONTEXT), probs: new Float64Array(0) };
  });
  const none: HeadWeights = { weights: new Float32Array(DIM), bias: 0 };
  for (let f = 0; f < folds; f++) {
    const token = trainLR(tokenExamples(posts.filter((p) => spanFold(p.text, folds) !== f)), DIM, params);
    const scorer = new LearnedScorer({ comment: none, token });
    for (const o of out) if (spanFold(o.text, folds) === f) o.probs = scorer.tokenProbs(o.p, o.words);
    log(`span fold ${f + 1}/${folds} done`);
  }
  return out;
}

/** The characters `threadlens eval incivility` counts for a post, from the precomputed findings: a grid of thresholds costs no rescoring. */
export function spanChars(o: OofPost, s: SpanSettings): number[] {
  const learned = modelSpans(o.p, { prob: 0, words: o.words, contributions: new Float64Array(0) }, o.probs, s, o.findings);
  return findingChars(o.text, [...o.findings, ...learned]);
}

export function meanCharF1(posts: readonly OofPost[], s: SpanSettings): number {
  let sum = 0;
  for (const o of posts) sum += charF1(spanChars(o, s), o.gold);
  return posts.length ? sum / posts.length : NaN;
}

export function chooseSpanSettings(posts: readonly OofPost[], grid: { thresholds: readonly number[]; relatives: readonly number[]; fallbacks: readonly number[] }): SpanSettings & { charF1: number } {
  let best = { spanThreshold: 0.5, spanRelative: 0, spanFallback: 0, charF1: -1 };
  for (const spanThreshold of grid.thresholds) {
    for (const spanRelative of grid.relatives) {
      for (const spanFallback of grid.fallbacks) {
        const f1 = meanCharF1(posts, { spanThreshold, spanRelative, spanFallback });
        if (f1 > best.charF1) best = { spanThreshold, spanRelative, spanFallback, charF1: f1 };
      }
    }
  }
  return best;
}
