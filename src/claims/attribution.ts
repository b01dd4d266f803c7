import type { ClaimSource } from '../model/index.js';
import type { NumberMention, PreparedText, Token } from '../text/index.js';
import { FIRST_PERSON, INTRODUCER_STARTS, REPORTING_VERBS, SOURCE_INTRODUCERS, VAGUE_SOURCES } from './lexicon.js';

/** Words allowed between a source and its reporting verb ("Wiki has listed", "CNN has reportedly said"). */
const BETWEEN = new Set(['has', 'have', 'had', 'is', 'was', 'were', 'are', 'been', 'also', 'just', 'already', 'reportedly', 'publicly', 'recently', 'once', 'even']);
const SUBJECT_WORDS = 4;
const RANK: Record<ClaimSource['quality'], number> = { vague: 1, 'first-hand': 2, named: 3, linked: 4 };

/**
 * The source a comment gives for a number, if any: a URL in the sentence or the next one, "according
 * to X" / "per X" / "source: X", or a reporting verb with its subject ("The Pentagon said",
 * "Wiki has listed"). The writer as subject ("I said") is not a source; failing any other, a number
 * in a sentence about the writer's own experience ("I paid $100", "my 2 kids") is first-hand. The
 * best-linked source wins.
 */
export function findSource(p: PreparedText, m: NumberMention): ClaimSource | null {
  const s = p.sentences[m.sentence]!;
  const next = p.sentences[m.sentence + 1];
  let best: ClaimSource | null = null;
  const offer = (c: ClaimSource | null) => {
    if (c && (!best || RANK[c.quality] > RANK[best.quality])) best = c;
  };
  const { tokens } = p;
  for (let i = s.firstToken; i < (next ? next.endToken : s.endToken); i++) {
    const t = tokens[i]!;
    if (t.kind === 'url') offer({ text: t.text, quality: 'linked', url: t.text, span: { start: t.start, end: t.end } });
  }
  for (let i = s.firstToken; i < s.endToken; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word') continue;
    if (i >= m.firstToken && i < m.endToken) continue;
    const intro = INTRODUCER_STARTS.has(t.norm) ? introducerAt(tokens, i, s.endToken) : null;
    if (intro !== null) offer(namedAfter(p, intro, s.endToken));
    else if (REPORTING_VERBS.has(t.norm)) offer(subjectBefore(p, i, s.firstToken));
  }
  return best ?? firstHand(p, s.firstToken, m.firstToken);
}

function firstHand(p: PreparedText, from: number, to: number): ClaimSource | null {
  for (let i = from; i < to; i++) {
    const t = p.tokens[i]!;
    if (t.kind === 'word' && FIRST_PERSON.has(t.norm)) return { text: t.text, quality: 'first-hand', url: null, span: { start: t.start, end: t.end } };
  }
  return null;
}

/** Index of the first token after "according to" / "per" / "source:" at i, or null. */
function introducerAt(tokens: readonly Token[], i: number, end: number): number | null {
  for (const words of SOURCE_INTRODUCERS) {
    let ok = i + words.length <= end;
    for (let w = 0; w < words.length && ok; w++) ok = tokens[i + w]!.norm === words[w];
    if (!ok) continue;
    let j = i + words.length;
    if (words[0] === 'source' || words[0] === 'sources') {
      if (tokens[j]?.text !== ':') continue;
      j++;
    } else if (words[0] === 'per' || words[0] === 'via') {
      const n = tokens[j];
      if (!n || n.kind !== 'word' || !isCapitalised(n.text)) continue;
    }
    return j;
  }
  return null;
}

function namedAfter(p: PreparedText, j: number, end: number): ClaimSource | null {
  const { tokens } = p;
  if (tokens[j]?.kind === 'url') return null; // the URL pass already offered it
  let k = j;
  while (k < end && k - j < SUBJECT_WORDS && tokens[k]!.kind === 'word') k++;
  if (k === j) return null;
  return source(p, j, k);
}

/** The subject before a reporting verb at `v`: up to four words, skipping auxiliaries in between. */
function subjectBefore(p: PreparedText, v: number, first: number): ClaimSource | null {
  const { tokens } = p;
  let k = v - 1;
  while (k >= first && tokens[k]!.kind === 'word' && BETWEEN.has(tokens[k]!.norm)) k--;
  const end = k + 1;
  while (k >= first && end - k <= SUBJECT_WORDS && tokens[k]!.kind === 'word') {
    const t = tokens[k]!;
    // a subject is a name ("The Pentagon", "Wiki") or an unnamed source ("reports", "they")
    if (!(isCapitalised(t.text) || VAGUE_SOURCES.has(t.norm) || FIRST_PERSON.has(t.norm) || t.norm === 'the')) break;
    k--;
  }
  const start = k + 1;
  if (start >= end) return null;
  const words = tokens.slice(start, end).map((t) => t.norm);
  if (words.some((w) => FIRST_PERSON.has(w))) return null;
  if (words.every((w) => w === 'the')) return null;
  return source(p, start, end);
}

function source(p: PreparedText, from: number, to: number): ClaimSource {
  const { tokens, text } = p;
  const words = tokens.slice(from, to).map((t) => t.norm);
  const vague = words.some((w) => VAGUE_SOURCES.has(w));
  const start = tokens[from]!.start;
  const end = tokens[to - 1]!.end;
  return { text: text.slice(start, end), quality: vague ? 'vague' : 'named', url: null, span: { start, end } };
}

function isCapitalised(w: string): boolean {
  const c = w.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c > 127 && w[0] !== w[0]!.toLowerCase());
}
