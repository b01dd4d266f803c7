import type { SourceStanceLabel, StanceCue } from '../model/index.js';
import { hasDense, type FeatureVector, type StanceInput } from './features.js';

/**
 * Documented overrides of the learned source-stance label, from the RumourEval annotation guidelines
 * (Zubiaga et al. 2016). Each was checked on RumourEval (out-of-fold on train, and dev) not to lower
 * macro-F1; the README lists how many predictions each changes. Each leaves a `rule` cue.
 */
export const STANCE_RULES = {
  /** A question that mocks (hostile or ridiculing wording) voices disbelief, not a request for evidence. */
  mockingQuestion: 'mocking-question',
  /** A direct reply that barely touches the claim and has no explicit support/deny wording is a comment. */
  offClaim: 'off-claim',
  /** A plain statement of figures on the story's subject, without negation, hedging or questions, backs it. */
  reportedFigures: 'reported-figures',
} as const;

/** Below this share of content words from the claim (headline + lead), a reply is "off the claim". */
export const OFF_CLAIM_OVERLAP = 0.15;
/** Figures and shared subject words a reported-figures statement needs. */
const MIN_FIGURES = 2;
const MIN_TOPIC_WORDS = 2;

export interface RuleOutcome {
  label: SourceStanceLabel;
  cue: StanceCue | null;
}

export function applySourceRules(label: SourceStanceLabel, input: StanceInput, f: FeatureVector): RuleOutcome {
  const hostile = hasDense(f, 'tone-hostile') || hasDense(f, 'tone-ridicule');
  if (label === 'query' && hostile) {
    return { label: 'deny', cue: { cue: `${STANCE_RULES.mockingQuestion}: the question mocks (hostile or ridiculing wording), so it voices disbelief rather than asking for evidence`, weight: 1, kind: 'rule' } };
  }
  if (input.depth !== 1 || !input.claim) return { label, cue: null };
  const { content, inClaim, figures, topicWords } = f.stats;
  const claimShare = content ? inClaim / content : 0;
  if ((label === 'deny' || label === 'support') && claimShare < OFF_CLAIM_OVERLAP && !hasDense(f, 'cue-deny') && !hasDense(f, 'cue-support') && !hostile) {
    return { label: 'comment', cue: { cue: `${STANCE_RULES.offClaim}: only ${Math.round(claimShare * 100)}% of its words touch the claim and nothing in it affirms or disputes it`, weight: 1, kind: 'rule' } };
  }
  const plain = !hasDense(f, 'cue-negation') && !hasDense(f, 'cue-hedge') && !hasDense(f, 'question-any') && !hasDense(f, 'addresses-you') && !hasDense(f, 'tone-negative') && !hostile;
  if (label === 'comment' && plain && figures >= MIN_FIGURES && topicWords >= MIN_TOPIC_WORDS) {
    return { label: 'support', cue: { cue: `${STANCE_RULES.reportedFigures}: states ${figures} figures about the story's subject (${topicWords} of its words) plainly, without negation, hedging or questions`, weight: 1, kind: 'rule' } };
  }
  return { label, cue: null };
}
