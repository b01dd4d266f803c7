import { prepareText } from '../../text/index.js';
import type { AnalysisContext, Slots, SourceView } from '../context.js';

/** Tokens and sentences for every live comment, computed once and shared by all analyzers. */
export function prepareComments(ctx: AnalysisContext): Slots['prepared'] {
  return ctx.thread.comments.map((c) => (c.status === 'live' && c.text.length > 0 ? prepareText(c.text) : null));
}

/** The post and the articles, prepared once; their vocabulary marks what the thread is about. */
export function prepareSource(ctx: AnalysisContext): SourceView {
  const t = ctx.thread.thread;
  const postText = t.post ? [t.title, t.post.quotedFrom, t.post.text].filter(Boolean).join('\n\n') : (t.title ?? '');
  const post = postText ? prepareText(postText) : null;
  const articles = ctx.articles.map((article) => ({ article, prepared: prepareText(article.body) }));
  const vocabulary = new Set<string>();
  for (const p of [post, ...articles.map((a) => a.prepared)]) {
    if (!p) continue;
    for (const i of p.words) vocabulary.add(p.tokens[i]!.norm);
  }
  return { post, articles, vocabulary };
}
