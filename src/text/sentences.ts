import type { Token } from './tokenize.js';

export interface Sentence {
  start: number;
  end: number;
  /** Index of the first token in the sentence, and one past the last. */
  firstToken: number;
  endToken: number;
}

// Words whose trailing "." is an abbreviation, not a sentence end ("Aug. 9", "Col. Ryder").
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'gen', 'col', 'lt', 'sgt', 'capt', 'maj', 'adm',
  'gov', 'sen', 'sens', 'rep', 'reps', 'pres', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
  'oct', 'nov', 'dec', 'vs', 'etc', 'approx', 'no', 'nos', 'fig', 'vol', 'inc', 'ltd', 'co', 'corp', 'dept',
]);

const TERMINAL = /^(?:[.!?]+|…|\.{2,})$/;
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']']);

/**
 * Split into sentences on terminal punctuation followed by a capital, digit or quote, and on line
 * breaks (comment paragraphs are often unpunctuated). Abbreviations and lower-case continuations
 * ("308 groups wow ... so tell me") do not end a sentence.
 */
export function splitSentences(text: string, tokens: Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let first = 0;
  const close = (endTok: number) => {
    if (endTok <= first) return;
    sentences.push({ start: tokens[first]!.start, end: tokens[endTok - 1]!.end, firstToken: first, endToken: endTok });
    first = endTok;
  };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const next = tokens[i + 1];
    if (next && hasNewline(text, tok.end, next.start)) {
      close(i + 1);
      continue;
    }
    if (tok.kind !== 'punct' || !TERMINAL.test(tok.text)) continue;
    if (tok.text === '.' && i > 0) {
      const prev = tokens[i - 1]!;
      if (prev.end === tok.start && prev.kind === 'word' && ABBREVIATIONS.has(prev.norm)) continue;
    }
    // A decimal point that starts a number (".08", "costs .5 million") does not end a sentence.
    if (tok.text === '.' && next?.kind === 'number' && next.start === tok.end && (i === 0 || tokens[i - 1]!.end < tok.start)) continue;
    // Swallow closing quotes/brackets that belong to this sentence.
    let endTok = i + 1;
    while (endTok < tokens.length && CLOSERS.has(tokens[endTok]!.text) && tokens[endTok]!.start === tokens[endTok - 1]!.end) endTok++;
    const after = tokens[endTok];
    if (!after) break;
    const startsNew = /^[\p{Lu}\p{N}"“‘'(\[]/u.test(after.text) || after.kind !== 'word';
    if (startsNew && after.kind !== 'punct') close(endTok);
    i = endTok - 1;
  }
  close(tokens.length);
  return sentences;
}

function hasNewline(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}
