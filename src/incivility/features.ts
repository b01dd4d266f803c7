import type { PreparedText } from '../text/index.js';
import { IDENTITY_TERMS } from '../rules/lexicons.js';

/**
 * Hashed word and character n-gram features, shared by training and scoring so the two can never
 * drift apart. Everything that depends only on a word (its unigram and character n-gram buckets) is
 * computed once per distinct word and cached: on the hot path a word costs one Map lookup.
 */

export const HASH_BITS = 18;
export const DIM = 1 << HASH_BITS;
const MASK = DIM - 1;
/** Character n-gram lengths over "<word>" (the angle brackets mark the word's edges). */
export const CHAR_NGRAMS = [3, 4, 5] as const;

/** FNV-1a over a string, continued from `h` (32-bit). */
export function fnv(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mix two 32-bit hashes into one bucket (order matters: "you idiot" ≠ "idiot you"). */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const UNI_SEED = fnv('w:');
const CHAR_SEED = fnv('c:');
/** Salts for the token tagger's context features. */
export const PREV_SALT = 0x1b873593;
export const NEXT_SALT = 0x27d4eb2f;
export const BIGRAM_SALT = 0x165667b1;

export interface WordFeatures {
  /** Hash of the word, for bigram and context features. */
  hash: number;
  /** Buckets of the unigram and the character n-grams (duplicates kept: they are counts). */
  buckets: Int32Array;
}

/** Unigram + character n-gram buckets of one normalised word. */
export function wordFeatures(norm: string): WordFeatures {
  const hash = fnv(norm, UNI_SEED);
  const padded = `<${norm}>`;
  let n = 1;
  for (const k of CHAR_NGRAMS) if (padded.length >= k) n += padded.length - k + 1;
  const buckets = new Int32Array(n);
  buckets[0] = hash & MASK;
  let j = 1;
  for (const k of CHAR_NGRAMS) {
    for (let s = 0; s + k <= padded.length; s++) buckets[j++] = fnv(padded.slice(s, s + k), CHAR_SEED + k) & MASK;
  }
  return { hash, buckets };
}

export const bucket = (h: number): number => h & MASK;

/**
 * Which tokens the model sees: words, minus identity terms. Identity words ("Muslim", "gay", "Jewish")
 * are dropped before hashing, so they can never move the learned score (hosted scorers learned to
 * flag them from biased data); attacks on identity are the identity-attack rule's job.
 */
export function modelWords(p: PreparedText): number[] {
  const out: number[] = [];
  for (const i of p.words) {
    const norm = p.tokens[i]!.norm;
    if (norm.length > 40 || IDENTITY_TERMS.has(norm)) continue;
    out.push(i);
  }
  return out;
}

/** Comment-level features as bucket counts (training form; scoring uses the cached per-word sums). */
export function commentFeatures(p: PreparedText, cache: Map<string, WordFeatures>): { buckets: number[]; scale: number } {
  const words = modelWords(p);
  const buckets: number[] = [];
  let prev = -1;
  for (const i of words) {
    const f = cachedWord(p.tokens[i]!.norm, cache);
    for (const b of f.buckets) buckets.push(b);
    if (prev !== -1) buckets.push(bucket(mix(prev, f.hash ^ BIGRAM_SALT)));
    prev = f.hash;
  }
  return { buckets, scale: buckets.length ? 1 / Math.sqrt(buckets.length) : 0 };
}

/** Token-level features for the span tagger: the word, its neighbours and the two bigrams around it. */
export function tokenFeatures(prevHash: number, f: WordFeatures, nextHash: number): number[] {
  const out = Array.from(f.buckets);
  out.push(bucket(mix(prevHash, PREV_SALT)), bucket(mix(nextHash, NEXT_SALT)));
  out.push(bucket(mix(prevHash, f.hash ^ BIGRAM_SALT)), bucket(mix(f.hash, nextHash ^ BIGRAM_SALT)));
  return out;
}

/** Hash standing for "no word here" (start or end of the comment) in context features. */
export const EDGE_HASH = fnv('<edge>');

export function cachedWord(norm: string, cache: Map<string, WordFeatures>): WordFeatures {
  let f = cache.get(norm);
  if (!f) {
    f = wordFeatures(norm);
    cache.set(norm, f);
  }
  return f;
}
