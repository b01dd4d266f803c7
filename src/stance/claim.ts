import { tokenize, type PreparedText } from '../text/index.js';
import type { Lexeme } from '../text/lexeme.js';

/**
 * How many words of the source count as its claim. RumourEval sources are tweets or Reddit titles
 * (≤ ~60 words); an article's claim is in its headline and lead, not in paragraph twenty. Keeping the
 * claim the same size as in training keeps the overlap features meaning the same thing.
 */
export const CLAIM_WORDS = 80;

/** Content-word stems of the first CLAIM_WORDS words of a source text. */
export function claimStems(p: Pick<PreparedText, 'lexemes'>, maxWords = CLAIM_WORDS): Set<string> {
  const out = new Set<string>();
  let k = 0;
  for (const lex of p.lexemes) {
    if (lex === null) continue;
    if (k++ >= maxWords) break;
    const s = lex.contentStem;
    if (s !== null) out.add(s);
  }
  return out;
}

/**
 * The claim of a thread: its title, the headline it quotes, and the lead of the post or first article.
 * `prepared`, when its text is exactly the claim's text, is read instead of tokenizing again.
 */
export function threadClaim(
  parts: { title?: string | null; quotedFrom?: string | null; lead?: string | null },
  prepared?: Pick<PreparedText, 'text' | 'lexemes'> | null,
): Set<string> | null {
  const text = [parts.title, parts.quotedFrom, parts.lead].filter((s): s is string => !!s && s.trim() !== '').join('\n\n');
  if (!text) return null;
  // The pipeline has usually prepared this very text already (the post as reply inference reads it).
  if (prepared && prepared.text === text) return claimStems(prepared);
  // The claim needs the words only: tokenizing skips the sentence and number reading of prepareText,
  // which on a whole post cost more than the claim itself.
  const lexemes: (Lexeme | null)[] = [];
  tokenize(text, lexemes);
  return claimStems({ lexemes });
}
