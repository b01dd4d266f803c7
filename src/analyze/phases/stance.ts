import { contentStems } from '../../text/content-words.js';
import { stanceOf } from '../../stance/stance.js';
import { threadClaim } from '../../stance/claim.js';
import { need, type AnalysisContext, type Slots } from '../context.js';

/**
 * Stance per live comment. The claim is the thread's headline, the headline it quotes and the lead of
 * the post (or, without a post, of the first article): what RumourEval calls the source.
 */
export function stancePhase(ctx: AnalysisContext): Slots['stance'] {
  const prepared = need(ctx, 'prepared');
  const replies = need(ctx, 'replies');
  const tone = need(ctx, 'tone');
  const t = ctx.thread.thread;
  const first = ctx.articles[0];
  const source = need(ctx, 'source');
  const claim = t.post
    ? threadClaim({ title: t.title, quotedFrom: t.post.quotedFrom ?? null, lead: t.post.text }, source.post)
    : threadClaim({ title: t.title ?? first?.title ?? null, lead: first?.body ?? null });
  // The story's subject: every content word of the post and the articles (the source vocabulary,
  // stemmed), read from their lexemes, where each word form's stem is already cached.
  const topic = new Set<string>();
  for (const p of [source.post, ...source.articles.map((a) => a.prepared)]) {
    if (!p) continue;
    for (const i of p.words) {
      const s = p.lexemes[i]!.contentStem;
      if (s !== null) topic.add(s);
    }
  }
  for (const s of claim ?? []) topic.add(s); // the claim is part of the topic (features.ts relies on it)
  const index = new Map(ctx.thread.comments.map((c, i) => [c.id, i] as const));
  const stems = new Map<number, Set<string>>();
  return ctx.thread.comments.map((_, i) => {
    const p = prepared[i];
    if (!p) return null;
    const parentId = replies[i]?.parentId ?? null;
    const j = parentId !== null ? index.get(parentId) : undefined;
    const pp = j !== undefined ? prepared[j] : null;
    let parent = null;
    if (pp) {
      let s = stems.get(j!);
      if (!s) stems.set(j!, (s = contentStems(pp)));
      parent = { prepared: pp, stems: s };
    }
    return stanceOf({ prepared: p, depth: parentId !== null ? 2 : 1, claim, topic: topic.size ? topic : claim, tone: tone[i] ?? null, parent }, pp ? parentId : null);
  });
}
