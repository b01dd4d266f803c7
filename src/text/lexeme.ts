import { contentStem } from './content-words.js';

/**
 * One distinct word form (a token's `norm`), shared by every token that spells it. The tokenizer
 * interns each word's norm here, so that
 * - every token of "the" carries the same string instance, whose hash V8 computes once instead of at
 *   each analyzer's Map lookup on a freshly sliced string;
 * - what analyzers derive from the word alone (its content stem, its tone and stance lexicon entries)
 *   is computed once per word form and read from the lexeme, not looked up again per token.
 * The per-analyzer slots start empty and are filled by their owner on first use.
 */
export class Lexeme {
  /** Content-word stem (null for stop words and short words); undefined until first asked. */
  private stemValue: string | null | undefined = undefined;
  /** Tone's lexicon entry for this word (src/tone); owned and filled there. */
  tone: unknown = undefined;
  /** Stance's word table entry (src/stance), with the table it came from; owned and filled there. */
  stance: unknown = undefined;
  stanceTable: unknown = undefined;
  constructor(readonly norm: string) {}

  /** The stem of a content word, or null (same as contentStem(norm), computed once). */
  get contentStem(): string | null {
    let s = this.stemValue;
    if (s === undefined) this.stemValue = s = contentStem(this.norm);
    return s;
  }
}

const table = new Map<string, Lexeme>();
// Vocabularies of comment text are small; the cap only bounds memory on adversarial input. Clearing
// is safe: tokens keep their lexemes, later tokens get fresh ones with the same content.
const LIMIT = 200_000;

/** The lexeme of a word form (lower case, ’ folded, as in Token.norm). */
export function lexeme(norm: string): Lexeme {
  let x = table.get(norm);
  if (x === undefined) {
    if (table.size >= LIMIT) table.clear();
    table.set(norm, (x = new Lexeme(norm)));
  }
  return x;
}
