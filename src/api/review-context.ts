import type { Report, ReviewItem, ReviewState } from '../model/index.js';
import { claimNotes, claimVerdict } from '../report/claims.js';
import type { ReviewContext } from './schemas.js';

export interface ThreadItemBrief {
  id: string;
  commentId: string;
  state: ReviewState;
}

/**
 * The context of a review item, read from the report of the analysis that flagged it (not the
 * latest one: what the moderator sees must match the spans and findings of the item).
 */
export function reviewContext(item: ReviewItem, report: Report, items: readonly ThreadItemBrief[]): ReviewContext {
  const byId = new Map(report.comments.map((c) => [c.id, c] as const));
  const me = byId.get(item.comment.id);
  const ref = (c: { id: string; index: number; author: string; text: string }) => ({ commentId: c.id, index: c.index, author: c.author, text: c.text });

  let parent: ReviewContext['parent'] = null;
  const p = me?.parentId ? byId.get(me.parentId) : undefined;
  if (me && p) parent = { ...ref(p), link: me.parentSource === 'inferred' ? 'inferred' : 'explicit' };

  // A challenge is a reply that disagrees, or a later comment that repeats one of this comment's figures with doubt.
  const reasons = new Map<string, string[]>();
  const note = (id: string, why: string) => reasons.set(id, [...(reasons.get(id) ?? []), why]);
  for (const c of report.comments) {
    const toParent = c.stance?.toParent;
    if (c.parentId === item.comment.id && toParent?.label === 'disagree') {
      const cues = toParent.cues.slice(0, 2).map((q) => q.cue);
      note(c.id, `disagrees with it (${toParent.confidence.toFixed(2)})${cues.length ? `: ${cues.join('; ')}` : ''}`);
    }
  }
  const own = report.claims.filter((c) => c.commentId === item.comment.id && c.role !== 'not-a-claim');
  for (const claim of own) for (const ch of claim.challengedBy) note(ch.commentId, `doubts “${claim.actual}”: “${ch.cue}”`);
  const challenges = [...reasons.entries()]
    .map(([id, why]) => ({ c: byId.get(id), why }))
    .filter((x): x is { c: NonNullable<typeof x.c>; why: string[] } => x.c !== undefined)
    .sort((a, b) => a.c.index - b.c.index)
    .map(({ c, why }) => ({ ...ref(c), reasons: why }));

  const claims = own.map((c) => ({
    span: c.span,
    actual: c.actual,
    role: c.role,
    status: c.status,
    verdict: claimVerdict(c),
    notes: claimNotes(c),
    evidence: c.evidence,
  }));

  const itemOf = new Map(items.map((i) => [i.commentId, i] as const));
  const authorFlagged = report.review
    .filter((e) => e.author === item.comment.author && e.commentId !== item.comment.id)
    .sort((a, b) => a.index - b.index)
    .map((e) => {
      const c = byId.get(e.commentId);
      const it = itemOf.get(e.commentId);
      return {
        commentId: e.commentId,
        index: e.index,
        author: e.author,
        text: c?.text ?? '',
        severity: e.severity,
        reasons: e.reasons,
        itemId: it?.id ?? null,
        state: it?.state ?? null,
      };
    });

  return { itemId: item.id, threadId: item.threadId, analysisVersion: item.analysisVersion, parent, challenges, claims, authorFlagged };
}
