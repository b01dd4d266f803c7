import { contentStems, namesIn, type NumberMention, type PreparedText } from '../text/index.js';

/** A text numbers are checked against: an article, or the thread's own post. */
export interface CorpusSource {
  id: string;
  title: string | null;
  kind: 'article' | 'post';
  prepared: PreparedText;
}

/** One quantity stated in the corpus, with what it counts and the words around it. */
export interface IndexedNumber {
  source: CorpusSource;
  mention: NumberMention;
  /** Counted-thing key (class id or stem), null when the number counts nothing named. */
  key: string | null;
  /** Content stems of the mention's sentence and the sentences on either side. */
  context: ReadonlySet<string>;
}

export interface NumberIndex {
  sources: readonly CorpusSource[];
  /** Quantities by counted-thing key: a claim looks up only the numbers that count the same thing. */
  byKey: ReadonlyMap<string, readonly IndexedNumber[]>;
  /** Quantities that count nothing named (looked up by value and kind). */
  unkeyed: readonly IndexedNumber[];
  /** Names (capitalised words) each source mentions, by source id. */
  names: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * Index the quantities of every corpus text once per thread, so each claim's check is a Map lookup
 * plus a comparison with the few numbers that count the same thing. Dates, years, times and other
 * non-quantities are left out. `keyOf` maps a counted head to the key claims are matched on (the
 * claims analyzer passes its synonym classes).
 */
export function buildNumberIndex(sources: readonly CorpusSource[], keyOf: (head: string) => string): NumberIndex {
  const byKey = new Map<string, IndexedNumber[]>();
  const unkeyed: IndexedNumber[] = [];
  const names = new Map<string, ReadonlySet<string>>();
  for (const source of sources) {
    const p = source.prepared;
    names.set(source.id, namesIn(p));
    for (const mention of p.numbers) {
      if (mention.nonClaim) continue;
      const s = p.sentences;
      const lo = s[Math.max(0, mention.sentence - 1)]!.firstToken;
      const hi = s[Math.min(s.length - 1, mention.sentence + 1)]!.endToken;
      const key = mention.counted ? keyOf(mention.counted.head) : null;
      const entry: IndexedNumber = { source, mention, key, context: contentStems(p, lo, hi) };
      if (key === null) unkeyed.push(entry);
      else {
        const list = byKey.get(key) ?? [];
        list.push(entry);
        byKey.set(key, list);
      }
    }
  }
  return { sources, byKey, unkeyed, names };
}
