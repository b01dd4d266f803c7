import type { Token } from '../tokenize.js';
import { CARDINALS, DETERMINERS, IRREGULAR_PLURALS, PHRASE_LEAD_SKIP, PHRASE_STOPS } from './lexicon.js';
import type { CountedThing } from './types.js';

const MAX_PHRASE_WORDS = 4;
const OPEN_QUOTES = new Set(['"', '“', "'", '‘']);

/**
 * The noun phrase counted by the number that ends before token `j` ("308 jihadi groups have ..." →
 * "jihadi groups", head "group"). No tagger: the phrase runs over content words until a function
 * word, a verb form after the first word, punctuation or another number; the head is its last word.
 * `partitive` allows "of the ..." first ("80% of the regime's effective fighters", "hundreds of shells").
 */
export function countedAfter(text: string, tokens: readonly Token[], j: number, end: number, partitive = true): CountedThing | null {
  let k = j;
  if (partitive && tokens[k]?.kind === 'word' && tokens[k]!.norm === 'of') {
    k++;
    if (k < end && DETERMINERS.has(tokens[k]!.norm)) k++;
    // a possessive before the phrase: "the regime's effective fighters"
    if (k + 1 < end && tokens[k]!.kind === 'word' && tokens[k]!.norm.endsWith("'s") && tokens[k + 1]!.kind === 'word') k++;
  }
  if (k < end && OPEN_QUOTES.has(tokens[k]!.text) && tokens[k + 1]?.start === tokens[k]!.end) k++;
  while (k < end && tokens[k]!.kind === 'word' && PHRASE_LEAD_SKIP.has(tokens[k]!.norm)) k++;
  let first = -1;
  let last = -1;
  let words = 0;
  while (k < end && words < MAX_PHRASE_WORDS) {
    const t = tokens[k]!;
    if (t.kind !== 'word') break;
    const n = t.norm;
    if (PHRASE_STOPS.has(n) || CARDINALS.has(n)) break;
    if (words > 0 && n.length > 4 && (n.endsWith('ing') || n.endsWith('ed'))) break; // "12 alliances forming ..."
    if (first < 0) first = k;
    last = k;
    words++;
    k++;
    // hyphenated compounds stay one word: "battle-ready", "pro-regime"
    const h = tokens[k];
    if (h && h.text === '-' && h.start === t.end && tokens[k + 1]?.kind === 'word' && tokens[k + 1]!.start === h.end) k++;
  }
  if (first < 0) return null;
  const a = tokens[first]!;
  const b = tokens[last]!;
  return { text: text.slice(a.start, b.end), head: headNoun(b.norm), start: a.start, end: b.end, inferred: false };
}

/** Lower-case singular of a head noun: "groups" → "group", "Bosnian's" → "bosnian", "men" → "man". */
export function headNoun(norm: string): string {
  let w = norm;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  const irregular = IRREGULAR_PLURALS.get(w);
  if (irregular) return irregular;
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 4 && /(?:ss|sh|ch|x|z)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}
