import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import type { PreparedText } from '../text/index.js';
import { isContentWord } from '../text/content-words.js';
import { PROFANITY_CLASS, PROFANITY_NAMES, PROFANITY_PHRASES, PROFANITY_PREFIXES, PROFANITY_SUFFIXES } from './lexicons.js';

/**
 * Profanity via the maintained `obscenity` library (its English dataset, leetspeak and confusable
 * resolution: "f*ck", "sh1t", "fuuuck"), not a home-made list. obscenity costs ~60 µs on a whole
 * comment, far over the per-comment budget, so it runs on whitespace-delimited chunks and the answer
 * for each distinct chunk is memoised: a comment then costs one Map lookup per chunk. Runs of single
 * letters ("f u c k") are joined and checked as one chunk, which obscenity itself does not do.
 */

export interface ProfanityHit {
  start: number;
  end: number;
  /** obscenity's base word ("fuck" for "f*cking"). */
  term: string;
  kind: 'vulgar' | 'slur';
}

const dataset = englishDataset.build();
const matcher = new RegExpMatcher({ ...dataset, ...englishRecommendedTransformers });
type Rel = readonly [start: number, end: number, term: string];
const memo = new Map<string, readonly Rel[]>();
const MEMO_CAP = 200_000;
const NONE: readonly Rel[] = [];
const hitsMemo = new WeakMap<PreparedText, ProfanityHit[]>();

function check(chunk: string): readonly Rel[] {
  if (chunk.length < 3) return NONE;
  let r = memo.get(chunk);
  if (r) return r;
  const found = matcher.getAllMatches(chunk, true);
  r = found.length === 0 ? NONE : found.map((m) => [m.startIndex, m.endIndex + 1, englishDataset.getPayloadWithPhraseMetadata(m).phraseMetadata?.originalWord ?? 'profanity'] as const);
  if (memo.size >= MEMO_CAP) memo.clear();
  memo.set(chunk, r);
  return r;
}

/** Profane words in the comment (clinical terms such as "rape" or "sex" excluded), memoised per text. */
export function profanity(p: PreparedText): readonly ProfanityHit[] {
  const cached = hitsMemo.get(p);
  if (cached) return cached;
  const { tokens, text } = p;
  const out: ProfanityHit[] = [];
  const push = (start: number, end: number, term: string) => {
    const cls = PROFANITY_CLASS.get(term);
    if (cls === 'clinical') return;
    // Widen to the whole word ("f*ck" → "f*cking"), and keep one hit per span (terms can repeat).
    const matchStart = start;
    const matchEnd = end;
    while (start > 0 && isWordish(text.charCodeAt(start - 1))) start--;
    while (end < text.length && isWordish(text.charCodeAt(end))) end++;
    if (!passesGate(text, start, matchStart, matchEnd, end)) return;
    if (inFixedPhrase(text, start, end, term) || isPartOfName(text, start, end, term)) return;
    if (out.some((h) => h.start === start && h.end === end)) return;
    out.push({ start, end, term, kind: cls === 'slur' ? 'slur' : 'vulgar' });
  };
  let letters: { start: number; end: number }[] = [];
  const flushLetters = () => {
    if (letters.length >= 3) {
      const joined = letters.map((l) => text.slice(l.start, l.end)).join('');
      for (const [s, e, term] of check(joined)) push(letters[s]!.start, letters[e - 1]!.end, term);
    }
    letters = [];
  };
  for (let i = 0; i < tokens.length; ) {
    let j = i + 1;
    while (j < tokens.length && tokens[j]!.start === tokens[j - 1]!.end) j++;
    const start = tokens[i]!.start;
    const end = tokens[j - 1]!.end;
    if (end - start === 1 && tokens[i]!.kind === 'word') {
      letters.push({ start, end });
    } else {
      flushLetters();
      // Word norms are lower case already (shared memo keys); obscenity lower-cases the rest itself.
      const norm = tokens[i]!.norm;
      const key = j === i + 1 && norm.length === end - start ? norm : text.slice(start, end);
      for (const [s, e, term] of check(key)) push(start + s, start + e, term);
    }
    i = j;
  }
  flushLetters();
  hitsMemo.set(p, out);
  return out;
}

/**
 * The profanity gate. obscenity matches profane strings anywhere, skipping punctuation, so on its own it
 * flags "trafficking", "Shiite", "niggardly", "cockpit", paths such as "modules/utilities" and bare
 * numbers ("455" read as "ass"). A match counts only when it does not run across path or identifier
 * punctuation (/ \\ _), the word is not all digits, and whatever the word adds around the match is a listed
 * ending or compound part (src/rules/lexicons/profanity-affixes.json).
 */
function passesGate(text: string, wordStart: number, matchStart: number, matchEnd: number, wordEnd: number): boolean {
  if (/[/\\_]/.test(text.slice(matchStart, matchEnd))) return false;
  if (/^[0-9]+$/.test(text.slice(wordStart, wordEnd))) return false;
  const before = text.slice(wordStart, matchStart).toLowerCase().replace(/[^\p{L}]/gu, '');
  const after = text.slice(matchEnd, wordEnd).toLowerCase().replace(/[^\p{L}]/gu, '');
  if (before !== '' && !PROFANITY_PREFIXES.has(before)) return false;
  return after === '' || PROFANITY_SUFFIXES.has(after) || PROFANITY_SUFFIXES.has(after.replace(/(.)\1+/gu, '$1'));
}

/** "magna cum laude": the hit lies inside a listed phrase for its term (profanity-exceptions.json). */
function inFixedPhrase(text: string, start: number, end: number, term: string): boolean {
  for (const phrase of PROFANITY_PHRASES.get(term) ?? []) {
    const lo = Math.max(0, start - phrase.length);
    const window = text.slice(lo, end + phrase.length).toLowerCase();
    for (let i = window.indexOf(phrase); i >= 0; i = window.indexOf(phrase, i + 1)) {
      if (lo + i <= start && end <= lo + i + phrase.length) return true;
    }
  }
  return false;
}

/**
 * "Dick Cheney", "Moby Dick", "Philip K. Dick": a term that is also a name, written as a name
 * (capitalised, not shouted), beside another capitalised content word or an initial. "Don't be a
 * Dick." and "DICK" still count.
 */
function isPartOfName(text: string, start: number, end: number, term: string): boolean {
  if (!PROFANITY_NAMES.has(term) || !/^\p{Lu}\p{Ll}+$/u.test(text.slice(start, end))) return false;
  const prev = /(\p{Lu}\p{L}*\.?)[ \t]+$/u.exec(text.slice(Math.max(0, start - 40), start))?.[1];
  if (prev && (/^\p{Lu}\.$/u.test(prev) || (/^\p{Lu}\p{Ll}+$/u.test(prev) && isContentWord(prev.toLowerCase())))) return true;
  const next = /^[ \t]+(\p{Lu}\p{Ll}+)/u.exec(text.slice(end, end + 40))?.[1];
  return next !== undefined && isContentWord(next.toLowerCase());
}

/** Letters, digits and the symbols used to disguise letters inside a word ("f*ck", "sh!t", "@ss"). */
function isWordish(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 42 || c === 64 || c === 36 || (c > 127 && c !== 0x2019 && c < 0x2000);
}
