import type { Sentence } from '../sentences.js';
import type { Token } from '../tokenize.js';
import { CARDINALS, DEFER_WORDS, VAGUE_QUANTIFIERS, WORD_FLAGS, fractionWord } from './lexicon.js';
import { recognizeRange } from './recognizer.js';
import { NumberScanner } from './scan.js';
import type { NumberAtom } from './types.js';

/**
 * How numbers are read:
 * - `hybrid` (default): the token scanner; the few stretches it cannot read go to the recogniser,
 *   each as a short window around the numeral rather than the whole sentence (the recogniser's cost
 *   grows with its input: ~100 us for a few words, over 1 ms for a long sentence);
 * - `scan`: the scanner alone (what it defers is dropped);
 * - `recognizer`: the recogniser on every sentence that holds a digit or a number word (the
 *   straightforward use of the library; measured by `eval numbers` and the bench for comparison).
 */
export type NumberReader = 'hybrid' | 'scan' | 'recognizer';

export interface AtomSource {
  text: string;
  tokens: readonly Token[];
  sentences: readonly Sentence[];
}

/** Tokens that can belong to one numeral expression: the recogniser's window grows over them. */
const JOINERS = new Set(['and', 'of', 'point', 'over', 'out', 'a', 'an', 'minus', 'negative']);
const JOIN_PUNCT = new Set(['-', '/', '.', ',', '^', '+', '$', '€', '£']);

/** Every numeral expression in the text, in order, each inside one sentence. */
export function findNumberAtoms(p: AtomSource, reader: NumberReader = 'hybrid'): NumberAtom[] {
  const out: NumberAtom[] = [];
  if (reader === 'recognizer') {
    for (const s of p.sentences) if (mayHoldNumber(p.tokens, s)) out.push(...recognizeRange(p.text, p.tokens, s.firstToken, s.endToken));
    return out;
  }
  // One pass over the whole text (a call per sentence costs more than the scan itself on short
  // comments); numerals do not span sentences in practice, and windows are widened per sentence.
  const windows: number[] = [];
  const scanner = new NumberScanner(p.text, p.tokens);
  if (!scanner.scan(0, p.tokens.length, out, windows) || reader === 'scan') return out;
  const read: NumberAtom[] = [];
  for (const [from, to] of widen(p.tokens, windows, p.sentences)) read.push(...recognizeRange(p.text, p.tokens, from, to));
  // Outside the windows the scanner's reading stands; inside, the recogniser's. What only the
  // scanner produces (vague sizes, ordinals, times, units) survives where the recogniser found nothing.
  const inWindow = (a: NumberAtom) => read.some((b) => b.start < a.end && a.start < b.end) || (!a.vague && a.tag === null && covered(windows, a));
  return [...read, ...out.filter((a) => !inWindow(a))].sort((a, b) => a.start - b.start);
}

/** Grow each deferred range over adjacent numeral tokens within its sentence, add one token of context, merge overlaps. */
function widen(tokens: readonly Token[], windows: readonly number[], sentences: readonly Sentence[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (let w = 0; w < windows.length; w += 2) {
    let from = windows[w]!;
    let to = windows[w + 1]!;
    const s = sentenceAt(sentences, from);
    while (from > s.firstToken && numeralish(tokens[from - 1]!)) from--;
    while (to < s.endToken && numeralish(tokens[to]!)) to++;
    from = Math.max(s.firstToken, from - 1);
    to = Math.min(s.endToken, to + 1);
    const last = ranges.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else ranges.push([from, to]);
  }
  return ranges;
}

function sentenceAt(sentences: readonly Sentence[], tok: number): Sentence {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid]!.firstToken <= tok) lo = mid;
    else hi = mid - 1;
  }
  return sentences[lo]!;
}

function numeralish(t: Token): boolean {
  if (t.kind === 'number') return true;
  if (t.kind === 'word') return WORD_FLAGS.has(t.norm) || JOINERS.has(t.norm);
  return t.kind === 'punct' && JOIN_PUNCT.has(t.text);
}

function covered(windows: readonly number[], a: NumberAtom): boolean {
  for (let w = 0; w < windows.length; w += 2) if (a.firstToken < windows[w + 1]! && windows[w]! < a.endToken) return true;
  return false;
}

/** A digit or a number word: the gate for calling the recogniser in `recognizer` mode. */
function mayHoldNumber(tokens: readonly Token[], s: Sentence): boolean {
  for (let i = s.firstToken; i < s.endToken; i++) {
    const t = tokens[i]!;
    if (t.kind === 'number') return true;
    if (t.kind === 'word' && (CARDINALS.has(t.norm) || VAGUE_QUANTIFIERS.has(t.norm) || DEFER_WORDS.get(t.norm) === 'always' || fractionWord(t.norm))) return true;
  }
  return false;
}
