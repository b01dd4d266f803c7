import { extractNumbers, type NumberMention } from './numbers/index.js';
import { splitSentences, type Sentence } from './sentences.js';
import type { Lexeme } from './lexeme.js';
import { tokenize, type Token } from './tokenize.js';

/**
 * The shared, computed-once view of a piece of text that every analyzer reads.
 * Analyzers must not re-tokenize: add what they need here instead.
 */
export interface PreparedText {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  /** Indices into `tokens` of word tokens, in order (most analyzers only look at words). */
  words: number[];
  /** Quantities stated in the text, with their counted things (src/text/numbers): read once here. */
  numbers: NumberMention[];
  /** Per token: the word's lexeme (shared per word form, see lexeme.ts), null for other kinds. */
  lexemes: (Lexeme | null)[];
}

export function prepareText(text: string): PreparedText {
  const lexemes: (Lexeme | null)[] = [];
  const tokens = tokenize(text, lexemes);
  const sentences = splitSentences(text, tokens);
  const words: number[] = [];
  for (let i = 0; i < tokens.length; i++) if (tokens[i]!.kind === 'word') words.push(i);
  return { text, tokens, sentences, words, numbers: extractNumbers({ text, tokens, sentences }), lexemes };
}

/** The sentence containing token `i` (binary search; sentences are ordered). */
export function sentenceOf(p: PreparedText, tokenIndex: number): Sentence | undefined {
  let lo = 0;
  let hi = p.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = p.sentences[mid]!;
    if (tokenIndex < s.firstToken) hi = mid - 1;
    else if (tokenIndex >= s.endToken) lo = mid + 1;
    else return s;
  }
  return undefined;
}
