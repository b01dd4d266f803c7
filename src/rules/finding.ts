import { findingAt } from '../analyze/finding-at.js';
import type { Evidence, Finding, Severity } from '../model/index.js';
import type { PreparedText } from '../text/index.js';
import type { PhraseMatch } from './scan.js';
import { SEVERITY_SCORE } from './types.js';

/** An incivility finding over `p.text.slice(start, end)`, scored by its severity. */
export function ruleFinding(
  p: PreparedText,
  ruleId: string,
  start: number,
  end: number,
  severity: Severity,
  reason: string,
  evidence?: Evidence[],
): Finding {
  return findingAt(p.text, start, end, {
    ruleId,
    category: 'incivility',
    severity,
    score: SEVERITY_SCORE[severity],
    reason,
    ...(evidence ? { evidence } : {}),
  });
}

/** Evidence naming the word-list entry that matched. */
export function lexiconEvidence(m: PhraseMatch, file: string): Evidence[] {
  return [{ kind: 'lexicon', text: `"${m.entry.phrase}" in ${file}`, ref: { type: 'lexicon', id: m.entry.lexicon, title: file } }];
}

/** Lower-case words `from..to` (indices into `p.words`). */
export function wordAt(p: PreparedText, w: number): string {
  return p.tokens[p.words[w]!]?.norm ?? '';
}
