import { inferReplies } from '../../thread/reply-inference.js';
import { need, type AnalysisContext, type Slots } from '../context.js';

/**
 * Reply links for every comment: explicit ones as the source gave them, inferred ones (with confidence
 * and evidence) for comments whose source gave none. Reuses the prepared tokens; the post is the same
 * text `threadlens parse` infers against, so both show the same tree.
 */
export function repliesPhase(ctx: AnalysisContext): Slots['replies'] {
  const threshold = typeof ctx.options.replyThreshold === 'number' ? ctx.options.replyThreshold : undefined;
  return inferReplies(ctx.thread.comments, need(ctx, 'prepared'), need(ctx, 'source').post, threshold !== undefined ? { threshold } : {});
}
