import type { Finding } from '../model/index.js';

export interface Segment {
  start: number;
  end: number;
  /** Findings covering this stretch of text (empty for plain text). */
  findings: Finding[];
}

/**
 * Cut text into segments at every finding boundary so overlapping findings can be highlighted
 * without nesting problems: each segment knows every finding that covers it.
 */
export function segments(text: string, findings: readonly Finding[]): Segment[] {
  const cuts = new Set<number>([0, text.length]);
  for (const f of findings) {
    cuts.add(Math.max(0, Math.min(text.length, f.span.start)));
    cuts.add(Math.max(0, Math.min(text.length, f.span.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    out.push({ start, end, findings: findings.filter((f) => f.span.start <= start && f.span.end >= end) });
  }
  return out;
}
