import { analyzeClaims } from '../../claims/analyze.js';
import { countedKey } from '../../claims/lexicon.js';
import { buildNumberIndex, type CorpusSource } from '../../corpus/number-index.js';
import type { Claim, Finding } from '../../model/index.js';
import { claimFindings } from '../../rules/claims/index.js';
import { need, type AnalysisContext, type Slots } from '../context.js';

export interface CommentClaims {
  /** Every number in the comment with its role and, for assertions, its status and evidence. */
  claims: Claim[];
  /** unsupported-numeric-claim / contradicted-numeric-claim findings. */
  findings: Finding[];
}

/**
 * Numeric claims: index the numbers of the articles (and the post) once for the thread, then give
 * each comment's numbers a role and check the assertions against the index. Number mentions come
 * from the prepared text; nothing is re-parsed here. Option `claimTolerance` (0..1, default 0.05) is
 * the relative difference under which two figures are the same.
 */
export function claimsPhase(ctx: AnalysisContext): Slots['claims'] {
  const prepared = need(ctx, 'prepared');
  const source = need(ctx, 'source');
  const sources: CorpusSource[] = source.articles.map((a) => ({ id: a.article.id, title: a.article.title, kind: 'article', prepared: a.prepared }));
  // The post is usually the story itself (a repost or the blog's own article); skip it when it is one of the articles verbatim.
  if (source.post && !ctx.articles.some((a) => a.body === source.post!.text)) {
    sources.unshift({ id: 'post', title: ctx.thread.thread.title, kind: 'post', prepared: source.post });
  }
  const index = buildNumberIndex(sources, countedKey);
  const t = ctx.options['claimTolerance'];
  const tolerance = typeof t === 'number' && t >= 0 && t < 1 ? t : undefined;
  const comments = ctx.thread.comments.map((c, i) => ({ id: c.id, author: c.author, prepared: prepared[i] ?? null }));
  const claims = analyzeClaims(comments, index, tolerance === undefined ? {} : { tolerance });
  return claims.map((cs, i) =>
    prepared[i] ? { claims: cs, findings: claimFindings(cs, { text: ctx.thread.comments[i]!.text, index }) } : null,
  );
}
