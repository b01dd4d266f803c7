import type { DecisionAction, Finding, ReviewState } from '../model/index.js';

/** The stable id of a finding: a rule at a span of the (immutable) comment text. */
export const findingId = (f: Pick<Finding, 'ruleId' | 'span'>): string => `${f.ruleId}:${f.span.start}-${f.span.end}`;

export interface ItemMemory {
  state: ReviewState;
  /** Finding ids a moderator dismissed one by one. */
  dismissed: readonly string[];
  /** Finding ids present when the item was last approved / removed / escalated. */
  decidedFindings: readonly string[];
}

/**
 * What a new analysis does to an item a moderator may already have handled. A decision covers the
 * findings it was made on: an approved (or fully dismissed) comment comes back to the queue only when
 * the new analysis finds something nobody has looked at. `removed` and `escalated` stand.
 */
export function stateAfterReanalysis(item: ItemMemory, currentIds: readonly string[]): ReviewState {
  const unseen = currentIds.filter((id) => !item.dismissed.includes(id) && !item.decidedFindings.includes(id));
  if ((item.state === 'approved' || item.state === 'dismissed') && unseen.length > 0) return 'pending';
  if (item.state === 'pending' && currentIds.length > 0 && currentIds.every((id) => item.dismissed.includes(id))) return 'dismissed';
  return item.state;
}

/** The item after a decision (the caller has checked that `findingId` names a current finding). */
export function applyDecision(item: ItemMemory, action: DecisionAction, currentIds: readonly string[], dismissId?: string): ItemMemory {
  switch (action) {
    case 'approve':
      return { state: 'approved', dismissed: item.dismissed, decidedFindings: currentIds };
    case 'remove':
      return { state: 'removed', dismissed: item.dismissed, decidedFindings: currentIds };
    case 'escalate':
      return { state: 'escalated', dismissed: item.dismissed, decidedFindings: currentIds };
    case 'dismiss-finding': {
      const dismissed = item.dismissed.includes(dismissId!) ? item.dismissed : [...item.dismissed, dismissId!];
      const allGone = currentIds.every((id) => dismissed.includes(id));
      // Dismissing the last open finding of a pending item settles it; other states are a moderator's call.
      return { state: allGone && item.state === 'pending' ? 'dismissed' : item.state, dismissed, decidedFindings: item.decidedFindings };
    }
  }
}
