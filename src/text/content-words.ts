import { createRequire } from 'node:module';
import type { PreparedText } from './prepare.js';
import { stem } from './stem.js';

// natural's English stop word list (sub-module import; never `require('natural')` whole).
const require = createRequire(import.meta.url);
const STOPWORDS: ReadonlySet<string> = new Set((require('natural/lib/natural/util/stopwords.js') as { words: string[] }).words);

/** True for words that carry topic: 3+ characters, not a stop word. */
export function isContentWord(norm: string): boolean {
  return norm.length >= 3 && !STOPWORDS.has(norm);
}

// Stemming is the expensive part of word matching; reply inference, stance features and stance rules
// all need the same stems, so each prepared text is stemmed once and shared.
const stemsMemo = new WeakMap<PreparedText, (string | null)[]>();
const setMemo = new WeakMap<PreparedText, Set<string>>();

// One lookup answers both "is it a content word?" and "what is its stem?" (the hot question).
const contentStemCache = new Map<string, string | null>();
const CACHE_LIMIT = 200_000;

/** The stem of a content word, or null for stop words and short words (cached). */
export function contentStem(norm: string): string | null {
  let s = contentStemCache.get(norm);
  if (s === undefined) {
    s = isContentWord(norm) ? stem(norm) : null;
    if (contentStemCache.size >= CACHE_LIMIT) contentStemCache.clear();
    contentStemCache.set(norm, s);
  }
  return s;
}

/** Per token: the stem of a content word, or null (not a word, or a stop word). Computed once per text. */
export function tokenStems(p: PreparedText): (string | null)[] {
  let out = stemsMemo.get(p);
  if (out) return out;
  out = new Array<string | null>(p.tokens.length).fill(null);
  const lex = p.lexemes;
  for (const i of p.words) out[i] = lex[i]!.contentStem;
  stemsMemo.set(p, out);
  return out;
}

/** The set of content-word stems of a prepared text (memoised). */
export function contentStems(p: PreparedText): Set<string> {
  let out = setMemo.get(p);
  if (out) return out;
  out = new Set<string>();
  for (const s of tokenStems(p)) if (s !== null) out.add(s);
  setMemo.set(p, out);
  return out;
}
