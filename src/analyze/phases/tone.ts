import { scoreTone } from '../../tone/index.js';
import { need, type AnalysisContext, type Slots } from '../context.js';

/**
 * Tone per comment. Numbers stated earlier in the thread (or in the post) are passed along so that
 * "308 groups wow ..." reads as sarcasm about someone else's figure.
 */
export function tonePhase(ctx: AnalysisContext): Slots['tone'] {
  const prepared = need(ctx, 'prepared');
  const source = need(ctx, 'source');
  const prior = new Set<string>();
  if (source.post) for (const t of source.post.tokens) if (t.kind === 'number') prior.add(t.text);
  return ctx.thread.comments.map((c, i) => {
    const p = prepared[i];
    if (!p) return null;
    const result = scoreTone(p, {
      topicTerms: source.vocabulary,
      priorNumbers: prior,
      isReply: c.parentId !== null || i > 0,
    });
    for (const t of p.tokens) if (t.kind === 'number') prior.add(t.text);
    return result;
  });
}
