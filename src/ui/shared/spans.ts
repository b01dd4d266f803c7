/**
 * Highlight groups for a comment: overlapping (or touching-inside) finding spans merge into one
 * stretch that lists every finding in it, so the page shows one mark per flagged phrase rather than
 * fragments, and the mark's text is the whole phrase a moderator reads.
 */
export interface Spanned {
  span: { start: number; end: number };
}

export interface SpanGroup<F extends Spanned> {
  start: number;
  end: number;
  /** The findings in this stretch, in order of their start; empty for plain text between marks. */
  findings: F[];
}

/** Cut `text` into plain stretches and merged marks that together cover it exactly, in order. */
export function spanGroups<F extends Spanned>(text: string, findings: readonly F[]): SpanGroup<F>[] {
  const clamp = (n: number) => Math.max(0, Math.min(text.length, n));
  const sorted = findings
    .map((f) => ({ f, start: clamp(f.span.start), end: clamp(f.span.end) }))
    .filter((x) => x.end > x.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const marks: SpanGroup<F>[] = [];
  for (const x of sorted) {
    const last = marks[marks.length - 1];
    // Strictly overlapping only: two findings that merely touch stay separate marks.
    if (last && x.start < last.end) {
      last.end = Math.max(last.end, x.end);
      last.findings.push(x.f);
    } else {
      marks.push({ start: x.start, end: x.end, findings: [x.f] });
    }
  }
  const out: SpanGroup<F>[] = [];
  let at = 0;
  for (const m of marks) {
    if (m.start > at) out.push({ start: at, end: m.start, findings: [] });
    out.push(m);
    at = m.end;
  }
  if (at < text.length || out.length === 0) out.push({ start: at, end: text.length, findings: [] });
  return out;
}

const RANK = { low: 1, medium: 2, high: 3 } as const;

/** The highest severity among findings (for the mark's colour). */
export function worstSeverity(findings: readonly { severity: 'low' | 'medium' | 'high' }[]): 'low' | 'medium' | 'high' {
  let worst: 'low' | 'medium' | 'high' = 'low';
  for (const f of findings) if (RANK[f.severity] > RANK[worst]) worst = f.severity;
  return worst;
}
