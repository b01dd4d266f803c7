import type { NumberMention, PreparedText } from '../text/index.js';
import { DOUBT_CUES } from './lexicon.js';

/** How close (in tokens) an "adjacent" doubt cue must be to the echoed number ("308 groups wow"). */
const ADJACENT_TOKENS = 3;

/**
 * The words in a comment that doubt a number it repeats: "wow" next to it, "tell me", "get better
 * info", "I not yet heard about", or the echo asked as a question. Null when the echo is neutral.
 */
export function doubtCue(p: PreparedText, echo: NumberMention): string | null {
  const { tokens } = p;
  const s = p.sentences[echo.sentence]!;
  for (let i = s.endToken - 1; i >= s.firstToken && tokens[i]!.kind === 'punct'; i--) {
    if (tokens[i]!.text.indexOf('?') !== -1) return `"${p.text.slice(s.start, s.end).trim()}" (asked as a question)`;
  }
  const lo = echo.firstToken - ADJACENT_TOKENS;
  const hi = echo.endToken + ADJACENT_TOKENS + (echo.counted ? countedTokens(p, echo) : 0);
  for (const w of p.words) {
    const cands = DOUBT_CUES.get(tokens[w]!.norm);
    if (!cands) continue;
    for (const cue of cands) {
      let ok = true;
      let k = w;
      for (let c = 0; c < cue.words.length && ok; c++) {
        while (k < tokens.length && tokens[k]!.kind === 'punct' && c > 0) k++;
        ok = tokens[k]?.norm === cue.words[c];
        k++;
      }
      if (!ok) continue;
      if (cue.adjacent && (w < lo || w >= hi)) continue;
      return p.text.slice(tokens[w]!.start, tokens[k - 1]!.end);
    }
  }
  return null;
}

function countedTokens(p: PreparedText, m: NumberMention): number {
  let n = 0;
  for (let i = m.endToken; i < p.tokens.length && p.tokens[i]!.start < m.counted!.end; i++) n++;
  return n;
}
