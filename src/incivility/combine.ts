import type { Finding, IncivilityResult } from '../model/index.js';
import { runRules, type RuleCheck, type RuleContext } from '../rules/index.js';
import type { PreparedText } from '../text/index.js';
import { modelSpans } from './spans.js';
import type { LearnedScorer } from './scorer.js';

export interface IncivilityEngine {
  checks: readonly { check: RuleCheck }[];
  scorer: LearnedScorer;
}

export interface IncivilityThresholds {
  /** Score at or above which a comment is labelled uncivil. */
  threshold: number;
  /** Token probability at or above which a word joins a learned-span finding. */
  spanThreshold: number;
  /** In an uncivil comment with no other finding, the top word is shown if its probability reaches this. */
  spanFallback: number;
  /**
   * A word also needs at least this fraction of the comment's highest token probability (0 = off):
   * next to a clear insult, a merely harsh word is context, not the toxic span.
   */
  spanRelative?: number;
}

/**
 * `auto`: learned spans only for comments labelled uncivil (the product). `always`: as if every comment
 * were uncivil, the Toxic Spans setting, where every post comes from a comment already rated toxic.
 */
export type SpanMode = 'auto' | 'always';

/**
 * In the product ('auto'), a learned word becomes a finding only at this token probability or above:
 * its reason tells the moderator the model "reads it as uncivil wording", which needs better-than-even
 * odds. The trained span thresholds (a floor of 0.05 plus half the comment's top probability) are
 * chosen for the Toxic Spans task, where every post is toxic and its likeliest words are the answer
 * however low they score; applied to the product they marked "the", "in" and "Assad" in the seed's
 * uncivil comments. The fallback (the top word of an uncivil comment no rule explains) still applies.
 */
export const SHOWN_SPAN_MIN = 0.5;

/**
 * score = 1 − (1 − model) × Π over rules (1 − strongest finding of that rule).
 * A noisy-OR: the learned model and each rule are independent pieces of evidence, a high-severity
 * rule alone (score 0.9) makes a comment uncivil, a low one (0.25) only tips a borderline model score.
 * Each rule counts once however often it fires, so a repeated word does not stack up.
 */
export function combine(modelProb: number, findings: readonly Finding[]): number {
  const strongest = new Map<string, number>();
  for (const f of findings) strongest.set(f.ruleId, Math.max(strongest.get(f.ruleId) ?? 0, f.score));
  let civil = 1 - modelProb;
  for (const s of strongest.values()) civil *= 1 - s;
  return 1 - civil;
}

export function scoreIncivility(engine: IncivilityEngine, p: PreparedText, ctx: RuleContext, t: IncivilityThresholds, spans: SpanMode = 'auto'): IncivilityResult {
  const ruleFindings = runRules(engine.checks, p, ctx);
  const cs = engine.scorer.scoreComment(p);
  const score = combine(cs.prob, ruleFindings);
  const label = score >= t.threshold ? 'uncivil' : 'civil';
  const findings = [...ruleFindings];
  // Learned spans explain an uncivil label; on civil comments they would be noise.
  if (label === 'uncivil' || spans === 'always') {
    const spanT = spans === 'always' ? t : { ...t, spanThreshold: Math.max(t.spanThreshold, SHOWN_SPAN_MIN) };
    findings.push(...modelSpans(p, cs, engine.scorer.tokenProbs(p, cs.words), spanT, ruleFindings));
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { score: Math.round(score * 1000) / 1000, label, modelScore: Math.round(cs.prob * 1000) / 1000, findings };
}
