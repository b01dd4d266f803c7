import type { PreparedText } from '../text/index.js';
import { BIGRAM_SALT, bucket, EDGE_HASH, mix, modelWords, NEXT_SALT, PREV_SALT, wordFeatures } from './features.js';

/** Weights of the two heads: comment-level incivility and per-token toxicity (spans). */
export interface HeadWeights {
  weights: Float32Array;
  bias: number;
}
export interface ModelWeights {
  comment: HeadWeights;
  token: HeadWeights;
}

interface WordEntry {
  hash: number;
  /** Sum of the comment head's weights over the word's unigram + character n-gram buckets. */
  c: number;
  /** The same for the token head. */
  t: number;
  /** Number of buckets (for length normalisation). */
  n: number;
}

export interface CommentScore {
  /** Model probability that the comment is uncivil. */
  prob: number;
  /** Token indices (into `p.tokens`) of the words the model saw (identity terms excluded). */
  words: number[];
  /** Per-model-word share of the comment logit (unigram + n-grams + half of each bigram), for reasons. */
  contributions: Float64Array;
}

const CACHE_CAP = 200_000;
const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/**
 * Scores comments with the hashed logistic-regression heads. Everything that depends on a word alone
 * is summed once per distinct word and cached, so scoring costs a Map lookup per word plus one weight
 * read per bigram: the same arithmetic as the training-time features (`features.ts`), reordered.
 */
export class LearnedScorer {
  private readonly cache = new Map<string, WordEntry>();

  constructor(readonly weights: ModelWeights) {}

  private entry(norm: string): WordEntry {
    let e = this.cache.get(norm);
    if (e) return e;
    const f = wordFeatures(norm);
    let c = 0;
    let t = 0;
    for (const b of f.buckets) {
      c += this.weights.comment.weights[b]!;
      t += this.weights.token.weights[b]!;
    }
    e = { hash: f.hash, c, t, n: f.buckets.length };
    if (this.cache.size >= CACHE_CAP) this.cache.clear();
    this.cache.set(norm, e);
    return e;
  }

  scoreComment(p: PreparedText): CommentScore {
    const words = modelWords(p);
    const W = this.weights.comment.weights;
    const contributions = new Float64Array(words.length);
    let n = 0;
    let prev: WordEntry | null = null;
    for (let k = 0; k < words.length; k++) {
      const e = this.entry(p.tokens[words[k]!]!.norm);
      contributions[k]! += e.c;
      n += e.n;
      if (prev) {
        const b = W[bucket(mix(prev.hash, e.hash ^ BIGRAM_SALT))]!;
        contributions[k - 1]! += b / 2;
        contributions[k]! += b / 2;
        n++;
      }
      prev = e;
    }
    let sum = 0;
    const scale = n ? 1 / Math.sqrt(n) : 0;
    for (let k = 0; k < contributions.length; k++) {
      contributions[k]! *= scale;
      sum += contributions[k]!;
    }
    return { prob: sigmoid(this.weights.comment.bias + sum), words, contributions };
  }

  /** Probability that each model word (`words`, from scoreComment) is part of an uncivil span. */
  tokenProbs(p: PreparedText, words: readonly number[]): Float64Array {
    const T = this.weights.token.weights;
    const out = new Float64Array(words.length);
    const entries = words.map((i) => this.entry(p.tokens[i]!.norm));
    for (let k = 0; k < entries.length; k++) {
      const e = entries[k]!;
      const prev = k > 0 ? entries[k - 1]!.hash : EDGE_HASH;
      const next = k + 1 < entries.length ? entries[k + 1]!.hash : EDGE_HASH;
      const z =
        this.weights.token.bias +
        e.t +
        T[bucket(mix(prev, PREV_SALT))]! +
        T[bucket(mix(next, NEXT_SALT))]! +
        T[bucket(mix(prev, e.hash ^ BIGRAM_SALT))]! +
        T[bucket(mix(e.hash, next ^ BIGRAM_SALT))]!;
      out[k] = sigmoid(z);
    }
    return out;
  }
}
