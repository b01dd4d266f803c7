import type { PreparedText } from '../text/index.js';
import { PHRASE_INDEX, type LexiconId, type PhraseEntry } from './lexicons.js';

/** One lexicon phrase found in a comment: word positions `first..last` (indices into `p.words`). */
export interface PhraseMatch {
  entry: PhraseEntry;
  /** Index into `p.words` of the first and last word of the match. */
  first: number;
  last: number;
  /** Character span of the match in the comment text. */
  start: number;
  end: number;
}

const memo = new WeakMap<PreparedText, ReadonlyMap<LexiconId, PhraseMatch[]>>();
const NONE: PhraseMatch[] = [];

/**
 * Every lexicon phrase in the comment, found in ONE left-to-right pass over its words and shared by
 * all rules (each rule reading its own lexicon's matches). Memoised per prepared text, so calling it
 * from twelve rules costs one scan. Within a lexicon the longest phrase at a position wins.
 */
export function scan(p: PreparedText): ReadonlyMap<LexiconId, PhraseMatch[]> {
  let m = memo.get(p);
  if (m) return m;
  const out = new Map<LexiconId, PhraseMatch[]>();
  const { tokens, words } = p;
  // Per lexicon, the word index a previous match covers up to: "stop lying" is not also "lying".
  const coveredUntil = new Map<LexiconId, number>();
  for (let w = 0; w < words.length; w++) {
    const cands = PHRASE_INDEX.get(tokens[words[w]!]!.norm);
    if (!cands) continue;
    const taken = new Set<LexiconId>();
    for (const e of cands) {
      if (taken.has(e.lexicon) || w + e.words.length > words.length || (coveredUntil.get(e.lexicon) ?? -1) >= w) continue;
      let ok = true;
      for (let k = 1; k < e.words.length && ok; k++) ok = tokens[words[w + k]!]!.norm === e.words[k];
      if (!ok) continue;
      taken.add(e.lexicon);
      const last = w + e.words.length - 1;
      coveredUntil.set(e.lexicon, last);
      const list = out.get(e.lexicon) ?? [];
      list.push({ entry: e, first: w, last, start: tokens[words[w]!]!.start, end: tokens[words[last]!]!.end });
      out.set(e.lexicon, list);
    }
  }
  memo.set(p, out);
  return out;
}

export function matches(p: PreparedText, lexicon: LexiconId): readonly PhraseMatch[] {
  return scan(p).get(lexicon) ?? NONE;
}
