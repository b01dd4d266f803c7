import { CLASS_BY_HEAD, STAKES_WEIGHT, type Stakes } from '../../claims/lexicon.js';
import type { Claim, Severity } from '../../model/index.js';

export type Precision = 'precise' | 'round' | 'small';

/** Score weights of precision: a precise figure ("308") claims exact knowledge; a round one ("500") is closer to an estimate. */
export const PRECISION_WEIGHT: Record<Precision, number> = { precise: 0.3, round: 0.1, small: 0 };
export const BASE_SCORE = 0.3;
/** Each later comment that challenges the figure adds this (up to two). */
export const CHALLENGE_WEIGHT = 0.05;
/** A vague source ("Wiki has listed") lowers the score: the writer points somewhere, if not checkably. */
export const VAGUE_SOURCE_DISCOUNT = 0.2;
export const SEVERITY_AT = { high: 0.75, medium: 0.5 } as const;

/**
 * small: under 10; round: one significant digit, or two ending in 5 at 100 or more ("40", "500",
 * "1,000", "2,500"), or spelled out ("ten thousand"); precise: anything else ("308", "4,851", "57").
 */
export function precisionOf(c: Claim): Precision {
  const v = Math.abs(c.value);
  if (v < 10) return 'small';
  if (!/\d/.test(c.actual)) return 'round';
  if (!Number.isInteger(v)) return 'precise';
  const digits = String(v).replace(/0+$/, '');
  const sig = digits.length;
  if (sig <= 1) return 'round';
  if (sig === 2 && v >= 100 && digits.endsWith('5')) return 'round';
  return 'precise';
}

/** People and groups matter most (casualties, fighters, defections), then money and shares. */
export function stakesOf(c: Claim): Stakes {
  if (c.kind === 'money') return 'money';
  const cls = c.counted ? CLASS_BY_HEAD.get(c.counted.head) : undefined;
  if (cls) return cls.stakes;
  // A capitalised counted word is a nationality or a named group of people ("112 French", "108 Poles").
  if (c.counted && /^\p{Lu}/u.test(c.counted.text)) return 'people';
  return c.kind === 'percent' ? 'percent' : 'other';
}

export function severityOf(score: number): Severity {
  return score >= SEVERITY_AT.high ? 'high' : score >= SEVERITY_AT.medium ? 'medium' : 'low';
}

export function weightOf(s: Stakes): number {
  return STAKES_WEIGHT.get(s) ?? 0.05;
}
