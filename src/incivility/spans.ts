import { findingAt } from '../analyze/finding-at.js';
import type { Finding } from '../model/index.js';
import type { PreparedText } from '../text/index.js';
import type { CommentScore } from './scorer.js';

export const MODEL_RULE_ID = 'learned-incivility';
const EVIDENCE = {
  kind: 'model',
  text: 'hashed logistic regression over words and character n-grams, trained on Toxic Spans, Reddit and GitHub incivility data',
  ref: { type: 'model' as const, id: 'incivility-lr', title: 'src/incivility/model/PROVENANCE.md' },
};

/**
 * Findings from the token head: runs of adjacent words whose probability reaches `spanThreshold` and
 * `spanRelative` × the comment's highest probability (joined across spaces only), skipping words a
 * medium- or high-severity rule finding already explains. A low-severity finding (an aspersion on an
 * idea, "crap" as a pejorative for speech) marks context and does not hide the word from the model.
 * In an uncivil comment with no other finding, the single most likely word is shown so the label
 * never comes without words.
 */
export function modelSpans(
  p: PreparedText,
  cs: CommentScore,
  probs: Float64Array,
  t: { spanThreshold: number; spanFallback: number; spanRelative?: number },
  ruleFindings: readonly Finding[],
): Finding[] {
  const { tokens, text } = p;
  const strong = ruleFindings.filter((f) => f.severity !== 'low');
  const covered = (k: number) => {
    const t = tokens[cs.words[k]!]!;
    return strong.some((f) => f.span.start <= t.start && f.span.end >= t.end);
  };
  let peak = 0;
  for (let k = 0; k < probs.length; k++) if (probs[k]! > peak) peak = probs[k]!;
  const threshold = Math.max(t.spanThreshold, (t.spanRelative ?? 0) * peak);
  const marked: number[] = [];
  for (let k = 0; k < probs.length; k++) if (probs[k]! >= threshold && !covered(k)) marked.push(k);
  if (marked.length === 0 && strong.length === 0 && probs.length > 0) {
    let best = 0;
    for (let k = 1; k < probs.length; k++) if (probs[k]! > probs[best]!) best = k;
    if (probs[best]! >= t.spanFallback) marked.push(best);
  }
  const out: Finding[] = [];
  for (let i = 0; i < marked.length; ) {
    let j = i;
    while (j + 1 < marked.length && marked[j + 1] === marked[j]! + 1 && /^\s*$/.test(text.slice(tokens[cs.words[marked[j]!]!]!.end, tokens[cs.words[marked[j + 1]!]!]!.start))) j++;
    const start = tokens[cs.words[marked[i]!]!]!.start;
    const end = tokens[cs.words[marked[j]!]!]!.end;
    let top = 0;
    for (let k = i; k <= j; k++) top = Math.max(top, probs[marked[k]!]!);
    const said = text.slice(start, end);
    out.push(
      findingAt(text, start, end, {
        ruleId: MODEL_RULE_ID,
        category: 'incivility',
        severity: top >= 0.75 ? 'medium' : 'low',
        score: Math.round(top * 1000) / 1000,
        reason: `the learned model reads "${said}" as uncivil wording (${Math.round(top * 100)}% for ${j > i ? 'its strongest word' : 'this word'}); no rule names it`,
        evidence: [EVIDENCE],
      }),
    );
    i = j + 1;
  }
  return out;
}
