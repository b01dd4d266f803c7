import { createRules, type RuleSettings } from '../rules/index.js';
import type { IncivilityEngine } from './combine.js';
import { LearnedScorer, type ModelWeights } from './scorer.js';

/** Rules (created once with their options) plus a learned scorer over the given weights. */
export function makeEngine(weights: ModelWeights, rules: RuleSettings = {}): IncivilityEngine {
  return { checks: createRules(rules), scorer: new LearnedScorer(weights) };
}
