import type { PreparedText } from '../text/index.js';
import { FIRST_PERSON, IDENTITY_TERMS, SECOND_PERSON, VOCATIVES } from './lexicons.js';
import type { RuleContext } from './types.js';

/** Who harsh words are aimed at. Issue 3: an insult aimed at a participant is the most severe. */
export type Target = 'participant' | 'third-party' | 'self';

export interface TargetInfo {
  target: Target;
  /** A phrase a moderator can read: "aimed at the reader ("you")". */
  why: string;
}

const BEFORE = 5;
const AFTER = 3;
const DETERMINERS = new Set(['the', 'a', 'an', 'that', 'this', 'some', 'any', 'every', 'no', 'his', 'her', 'their', 'our', 'my', 'old']);

/**
 * Decide the target of the words `first..last` (indices into `p.words`) from the words around them in
 * the same sentence: a second-person pronoun, a vocative ("mn", "dude") or a participant's name means
 * a participant; a first-person subject with no "you" means the writer themself; otherwise a third
 * party (a public figure, a group, a thing). In a reply, a bare exclamation ("Idiot.") is aimed at the
 * writer being answered.
 */
export function targetOf(p: PreparedText, ctx: RuleContext, first: number, last: number): TargetInfo {
  const { tokens, words } = p;
  const sentence = sentenceWords(p, first);
  const lo = Math.max(sentence.lo, first - BEFORE);
  const hi = Math.min(sentence.hi, last + AFTER);
  let self = false;
  for (let w = lo; w <= hi; w++) {
    if (w >= first && w <= last) continue;
    const norm = tokens[words[w]!]!.norm;
    if (SECOND_PERSON.has(norm)) return { target: 'participant', why: `aimed at the reader ("${tokens[words[w]!]!.text}")` };
    if (VOCATIVES.has(norm) && isVocative(p, w)) return { target: 'participant', why: `addressed to the reader ("${tokens[words[w]!]!.text}")` };
    if (ctx.participants.has(norm) && norm.length >= 3) return { target: 'participant', why: `names a participant ("${tokens[words[w]!]!.text}")` };
    if (FIRST_PERSON.has(norm) && w < first) self = true;
  }
  if (self) return { target: 'self', why: 'the writer speaks of themself' };
  if (ctx.isReply && sentence.hi - sentence.lo <= 3 && !hasSubject(p, sentence)) return { target: 'participant', why: 'a bare exclamation in a reply, aimed at the writer being answered' };
  return { target: 'third-party', why: 'about someone outside the conversation (a public figure, a group or a thing)' };
}

const SUBJECT_MARKERS = new Set(['is', 'are', 'was', 'were', "he's", "she's", "they're", "it's", "that's", 'he', 'she', 'they']);

/** "Idiot." or "What a moron!" has no subject of its own; "Muslims are vermin" does. */
function hasSubject(p: PreparedText, s: { lo: number; hi: number }): boolean {
  for (let w = s.lo; w <= s.hi; w++) {
    const norm = p.tokens[p.words[w]!]!.norm;
    if (SUBJECT_MARKERS.has(norm) || IDENTITY_TERMS.has(norm)) return true;
  }
  return false;
}

/** A vocative is not governed by a determiner: "dude, ..." or "... mn" but not "the man". */
function isVocative(p: PreparedText, w: number): boolean {
  if (w === 0) return true;
  return !DETERMINERS.has(p.tokens[p.words[w - 1]!]!.norm);
}

/** The range of word indices (into `p.words`) of the sentence holding word `w`. */
export function sentenceWords(p: PreparedText, w: number): { lo: number; hi: number } {
  const t = p.words[w]!;
  const s = p.sentences.find((x) => t >= x.firstToken && t < x.endToken);
  if (!s) return { lo: w, hi: w };
  let lo = w;
  let hi = w;
  while (lo > 0 && p.words[lo - 1]! >= s.firstToken) lo--;
  while (hi + 1 < p.words.length && p.words[hi + 1]! < s.endToken) hi++;
  return { lo, hi };
}

/** True when one of `terms` occurs within `window` words before word `w` (same sentence). */
export function precededBy(p: PreparedText, w: number, terms: ReadonlySet<string>, window: number): boolean {
  const { lo } = sentenceWords(p, w);
  for (let k = w - 1; k >= Math.max(lo, w - window); k--) if (terms.has(p.tokens[p.words[k]!]!.norm)) return true;
  return false;
}

const NEGATORS = new Set(['not', "isn't", "aren't", "wasn't", "weren't", 'never', "don't", "doesn't", "didn't", 'no', "ain't", "won't", "can't"]);

/** "not an idiot", "you're not stupid": a negator within two words before. */
export function isNegated(p: PreparedText, w: number): boolean {
  return precededBy(p, w, NEGATORS, 3);
}
