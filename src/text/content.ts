import { CARDINALS, PHRASE_STOPS } from './numbers/lexicon.js';
import type { PreparedText } from './prepare.js';
import { stem } from './stem.js';

/**
 * Stems of the content words in tokens [from, to): what a stretch of text is about, for comparing
 * the context of two numbers. Function words and number words are left out. `surfaces`, when given,
 * receives the first word as written for each stem (for evidence a moderator reads).
 */
export function contentStems(p: PreparedText, from: number, to: number, into: Set<string> = new Set(), surfaces?: Map<string, string>): Set<string> {
  const { tokens } = p;
  for (let i = Math.max(0, from); i < to && i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word' || t.norm.length < 3 || PHRASE_STOPS.has(t.norm) || CARDINALS.has(t.norm)) continue;
    const st = stem(t.norm.endsWith("'s") ? t.norm.slice(0, -2) : t.norm);
    into.add(st);
    if (surfaces && !surfaces.has(st)) surfaces.set(st, t.text);
  }
  return into;
}

/**
 * Capitalised words that do not start a sentence: the names a text mentions ("Mu'tasim",
 * "Pentagon", "Aleppo"), lower-cased.
 */
export function namesIn(p: PreparedText, from = 0, to = p.tokens.length, into: Set<string> = new Set()): Set<string> {
  const { tokens, text } = p;
  for (const s of p.sentences) {
    if (s.endToken <= from || s.firstToken >= to) continue;
    for (let i = Math.max(s.firstToken + 1, from); i < s.endToken && i < to; i++) {
      const t = tokens[i]!;
      if (t.kind !== 'word' || t.norm.length < 3 || PHRASE_STOPS.has(t.norm)) continue;
      const c = text.charCodeAt(t.start);
      if (c >= 65 && c <= 90) into.add(t.norm);
      else if (c > 127 && t.text[0] !== t.text[0]!.toLowerCase()) into.add(t.norm);
    }
  }
  return into;
}
