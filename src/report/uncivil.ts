import type { CommentResult } from '../analyze/pipeline.js';

/**
 * The one place that decides whether a comment counts as uncivil for the thread view (disagreement
 * pairs): the incivility analyzer's label, or hostile tone (a hostile cue the incivility rules may
 * score below their threshold still derails an exchange).
 */
export function isUncivil(result: CommentResult | undefined): boolean {
  if (!result) return false;
  return result.incivility?.label === 'uncivil' || result.tone?.label === 'hostile';
}
