import type { Report, ReportClaim } from '../model/index.js';

/** "unsupported", "corroborated", ... for assertions; the role otherwise ("echo", "hedged"). */
export function claimVerdict(c: ReportClaim): string {
  return c.role === 'assertion' && c.status ? c.status : c.role;
}

/** What a moderator reads under a claim: the role's reason for non-assertions, the evidence for assertions. */
export function claimNotes(c: ReportClaim): string[] {
  if (c.role !== 'assertion') return c.evidence.length ? c.evidence.map((e) => e.text) : [c.roleReason];
  const notes = c.evidence.filter((e) => e.kind !== 'articles-searched' || c.status !== 'corroborated').map((e) => e.text);
  return notes;
}

export interface ClaimCounts {
  assertions: number;
  flagged: number;
  byStatus: Record<'corroborated' | 'contradicted' | 'attributed' | 'unsupported', number>;
}

/** Counts for the section heading: assertions by status, and how many of them a claim rule flagged. */
export function claimCounts(r: Report): ClaimCounts {
  const byStatus = { corroborated: 0, contradicted: 0, attributed: 0, unsupported: 0 };
  let flagged = 0;
  for (const c of r.claims) {
    if (c.role !== 'assertion' || !c.status) continue;
    byStatus[c.status]++;
    const comment = r.comments[c.index];
    if (comment?.findings.some((f) => f.category === 'claim' && f.span.start === c.span.start && f.span.end === c.span.end)) flagged++;
  }
  return { assertions: Object.values(byStatus).reduce((a, b) => a + b, 0), flagged, byStatus };
}

export function countsLine(k: ClaimCounts): string {
  const parts = (['unsupported', 'contradicted', 'attributed', 'corroborated'] as const).filter((s) => k.byStatus[s] > 0).map((s) => `${k.byStatus[s]} ${s}`);
  return `${k.assertions} stated as fact${parts.length ? ` (${parts.join(', ')})` : ''}; ${k.flagged} flagged`;
}
