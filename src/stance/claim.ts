import { isContentWord } from '../text/content-words.js';
import { prepareText, stem, type PreparedText } from '../text/index.js';

/**
 * How many words of the source count as its claim. RumourEval sources are tweets or Reddit titles
 * (≤ ~60 words); an article's claim is in its headline and lead, not in paragraph twenty. Keeping the
 * claim the same size as in training keeps the overlap features meaning the same thing.
 */
export const CLAIM_WORDS = 80;

/** Content-word stems of the first CLAIM_WORDS words of a source text. */
export function claimStems(p: PreparedText, maxWords = CLAIM_WORDS): Set<string> {
  const out = new Set<string>();
  const n = Math.min(p.words.length, maxWords);
  for (let k = 0; k < n; k++) {
    const norm = p.tokens[p.words[k]!]!.norm;
    if (isContentWord(norm)) out.add(stem(norm));
  }
  return out;
}

/** The claim of a thread: its title, the headline it quotes, and the lead of the post or first article. */
export function threadClaim(parts: { title?: string | null; quotedFrom?: string | null; lead?: string | null }): Set<string> | null {
  const text = [parts.title, parts.quotedFrom, parts.lead].filter((s): s is string => !!s && s.trim() !== '').join('\n\n');
  return text ? claimStems(prepareText(text)) : null;
}
