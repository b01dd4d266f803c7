import type { IndexedNumber, NumberIndex } from '../corpus/number-index.js';
import { contentStems, namesIn, stem, type NumberMention, type PreparedText } from '../text/index.js';

/** Default relative tolerance for "the same figure": 5% either way (3,700 matches 3,600..3,900). */
export const DEFAULT_TOLERANCE = 0.05;

export interface CorpusMatch {
  entry: IndexedNumber;
  /** Context words the claim's sentence shares with the article around the number (as the comment writes them). */
  sharedWords: string[];
  /** Names (capitalised words) of the claim's sentence that the article also mentions (lower case). */
  sharedNames: string[];
  /** Same head noun, not only the same class ("fighters" / "fighters" rather than "fighters" / "rebels"). */
  sameHead: boolean;
}

export interface SupportCheck {
  /** Articles stating the same quantity of the same thing. */
  corroborating: CorpusMatch[];
  /** Articles stating a different quantity of the same thing, in a context that overlaps. */
  conflicting: CorpusMatch[];
}

/**
 * Compare one asserted number with the corpus. A match needs the same kind of quantity (count,
 * money, percent ...), the same counted thing (by class or stem), and values within the tolerance
 * (ranges and bounds match when they overlap). A conflict needs the same counted thing, a value
 * outside the tolerance, and a shared context: a content word near the article's number, or a name
 * the article mentions (so "500 fighters in the Mu'tasim Brigade" meets the article about that
 * brigade, not every article that counts fighters).
 */
export function checkSupport(m: NumberMention, key: string | null, p: PreparedText, index: NumberIndex, tolerance = DEFAULT_TOLERANCE): SupportCheck {
  const all = key === null ? index.unkeyed : (index.byKey.get(key) ?? []);
  const candidates = all.filter((e) => e.mention.kind === m.kind && (e.mention.unit === m.unit || m.kind === 'count'));
  const corroborating: CorpusMatch[] = [];
  const conflicting: CorpusMatch[] = [];
  if (candidates.length === 0) return { corroborating, conflicting };
  const s = p.sentences[m.sentence]!;
  const surfaces = new Map<string, string>();
  const ownWords = contentStems(p, s.firstToken, s.endToken, new Set(), surfaces);
  if (m.counted) ownWords.delete(stem(m.counted.head));
  const ownNames = namesIn(p, s.firstToken, s.endToken);
  // a name is reported once, as a name, not again as a context word
  for (const n of ownNames) ownWords.delete(stem(n));
  if (m.counted) for (const n of [...ownNames]) if (stem(n) === stem(m.counted.head) || n === m.counted.head) ownNames.delete(n);
  for (const entry of candidates) {
    const a = entry.mention;
    const sharedWords = [...ownWords].filter((w) => entry.context.has(w)).map((w) => surfaces.get(w) ?? w);
    const names = index.names.get(entry.source.id);
    const sharedNames = names ? [...ownNames].filter((n) => names.has(n)) : [];
    const match = { entry, sharedWords, sharedNames, sameHead: !!m.counted && a.counted?.head === m.counted.head };
    const sameValue = !a.vague && overlaps(interval(m), interval(a), tolerance);
    // Without a counted thing, only the context ties the two numbers together.
    if (key === null && sharedWords.length === 0) continue;
    if (sameValue) corroborating.push(match);
    else if (!a.vague && key !== null && (sharedWords.length > 0 || sharedNames.length > 0)) conflicting.push(match);
  }
  const weight = (x: CorpusMatch) => x.sharedWords.length + x.sharedNames.length + (x.sameHead ? 1 : 0);
  const rank = (x: CorpusMatch, y: CorpusMatch) => weight(y) - weight(x);
  return { corroborating: corroborating.sort(rank), conflicting: conflicting.sort(rank) };
}

/** The values a mention allows: a point, a range, or a half-line for "over"/"under". */
export function interval(m: Pick<NumberMention, 'value' | 'high' | 'qualifier'>): [number, number] {
  let lo = m.value;
  let hi = m.high ?? m.value;
  if (m.qualifier?.type === 'min') hi = Infinity;
  if (m.qualifier?.type === 'max') lo = -Infinity;
  return [lo, hi];
}

export function overlaps(a: [number, number], b: [number, number], tolerance: number): boolean {
  const widen = ([lo, hi]: [number, number]): [number, number] => [lo - Math.abs(lo) * tolerance, hi + Math.abs(hi) * tolerance];
  const [alo, ahi] = widen(a);
  const [blo, bhi] = widen(b);
  return alo <= bhi && blo <= ahi;
}
