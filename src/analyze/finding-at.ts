import type { Evidence, Finding, FindingCategory, Severity } from '../model/index.js';

/**
 * Build a finding for `text.slice(start, end)`. Going through here guarantees the invariant every
 * consumer relies on: `actual` is exactly the spanned text.
 */
export function findingAt(
  text: string,
  start: number,
  end: number,
  f: { ruleId: string; category: FindingCategory; severity: Severity; score: number; reason: string; evidence?: Evidence[] },
): Finding {
  if (start < 0 || end > text.length || start > end) {
    throw new RangeError(`span ${start}..${end} outside text of length ${text.length} (rule ${f.ruleId})`);
  }
  const finding: Finding = {
    ruleId: f.ruleId,
    category: f.category,
    severity: f.severity,
    score: Math.min(1, Math.max(0, f.score)),
    span: { start, end },
    actual: text.slice(start, end),
    reason: f.reason,
  };
  if (f.evidence && f.evidence.length > 0) finding.evidence = f.evidence;
  return finding;
}
