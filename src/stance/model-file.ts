import { isContentWord } from '../text/content-words.js';
import { BY_FIRST } from './cues.js';
import { BIGRAM_BASE, DENSE, type Vocabulary } from './features.js';
import type { LinearModel } from './logreg.js';

/**
 * The committed model file (`src/stance/model/stance-model.json`): one shared n-gram vocabulary and
 * two linear models over it. Weights are rounded and near-zero ones dropped, so the file stays small
 * and diffs readably; `provenance` says exactly how to rebuild it.
 */
export interface ModelFile {
  format: 'threadlens-stance-v1';
  provenance: Record<string, unknown>;
  dense: string[];
  unigrams: string[];
  /** Pairs of unigram indices. */
  bigrams: [number, number][];
  toSource: PackedLinear;
  toParent: PackedLinear;
}

export interface PackedLinear {
  labels: string[];
  bias: number[];
  /** Weights are stored as integers; the real weight is integer × scale. */
  scale: number;
  /** Rows `[featureId, w_label0, w_label1, ...]`; features not listed weigh 0. */
  weights: number[][];
}

/**
 * Weights are quantised to multiples of WEIGHT_SCALE (stored as integers) and features whose weights
 * all round to 0 are dropped: a ~3x smaller file, the same eval figures to 3 decimals (see README).
 */
export const WEIGHT_SCALE = 0.01;
export const PRUNE_BELOW = WEIGHT_SCALE / 2;
const quantise = (x: number) => Math.round(x / WEIGHT_SCALE);
const round = (x: number) => Math.round(x * 1000) / 1000;

export function packModels(
  vocab: Vocabulary & { unigramList: string[]; bigramList: [number, number][] },
  models: { toSource: { model: LinearModel; labels: readonly string[] }; toParent: { model: LinearModel; labels: readonly string[] } },
  provenance: Record<string, unknown>,
): ModelFile {
  const D = DENSE.length;
  const U = vocab.unigramList.length;
  const kept = (m: LinearModel, f: number) => {
    for (let c = 0; c < m.classes; c++) if (Math.abs(m.weights[f * m.classes + c]!) >= PRUNE_BELOW) return true;
    return false;
  };
  const used = (f: number) => kept(models.toSource.model, f) || kept(models.toParent.model, f);
  // Keep a bigram only if it is used; keep a unigram if it or a kept bigram needs it.
  const bigramKeep = vocab.bigramList.map((_, b) => used(D + U + b));
  const uniKeep = vocab.unigramList.map((_, u) => used(D + u));
  vocab.bigramList.forEach(([a, b], i) => {
    if (bigramKeep[i]) uniKeep[a] = uniKeep[b] = true;
  });
  const uniMap = new Map<number, number>();
  const unigrams: string[] = [];
  uniKeep.forEach((k, u) => {
    if (k) {
      uniMap.set(u, unigrams.length);
      unigrams.push(vocab.unigramList[u]!);
    }
  });
  const biMap = new Map<number, number>();
  const bigrams: [number, number][] = [];
  vocab.bigramList.forEach(([a, b], i) => {
    if (bigramKeep[i]) {
      biMap.set(i, bigrams.length);
      bigrams.push([uniMap.get(a)!, uniMap.get(b)!]);
    }
  });
  const newId = (f: number): number | undefined =>
    f < D ? f : f < D + U ? (uniMap.has(f - D) ? D + uniMap.get(f - D)! : undefined) : biMap.has(f - D - U) ? D + unigrams.length + biMap.get(f - D - U)! : undefined;
  const pack = (m: LinearModel, labels: readonly string[]): PackedLinear => {
    const weights: number[][] = [];
    for (let f = 0; f < m.features; f++) {
      if (!kept(m, f)) continue;
      const id = newId(f);
      if (id === undefined) continue;
      const row = [id];
      for (let c = 0; c < m.classes; c++) row.push(quantise(m.weights[f * m.classes + c]!));
      weights.push(row);
    }
    weights.sort((a, b) => a[0]! - b[0]!);
    return { labels: [...labels], bias: [...m.bias].map(round), scale: WEIGHT_SCALE, weights };
  };
  return {
    format: 'threadlens-stance-v1',
    provenance,
    dense: [...DENSE],
    unigrams,
    bigrams,
    toSource: pack(models.toSource.model, models.toSource.labels),
    toParent: pack(models.toParent.model, models.toParent.labels),
  };
}

/** Runtime form: vocabulary maps and dense weight arrays (feature-major). */
export interface LoadedModels {
  vocab: Vocabulary;
  unigramText: readonly string[];
  /**
   * 1 for features worth showing a moderator as a cue: dense features, and n-grams with a content word,
   * a cue-list word, "?" or "!". "is a" or a lone quote mark may carry weight but explain nothing.
   */
  showable: Uint8Array;
  toSource: { labels: string[]; weights: Float64Array; bias: Float64Array };
  toParent: { labels: string[]; weights: Float64Array; bias: Float64Array };
  provenance: Record<string, unknown>;
}

export function unpackModels(file: ModelFile): LoadedModels {
  if (file.format !== 'threadlens-stance-v1') throw new Error(`stance model: unknown format ${JSON.stringify(file.format)}`);
  if (file.dense.join() !== DENSE.join()) throw new Error('stance model: its dense features differ from this code; run `npm run train:stance`');
  const unigrams = new Map(file.unigrams.map((u, i) => [u, i] as const));
  const bigrams = new Map(file.bigrams.map(([a, b], i) => [a * BIGRAM_BASE + b, i] as const));
  const features = DENSE.length + unigrams.size + bigrams.size;
  const unpack = (p: PackedLinear) => {
    const C = p.labels.length;
    const weights = new Float64Array(features * C);
    for (const row of p.weights) for (let c = 0; c < C; c++) weights[row[0]! * C + c] = row[c + 1]! * p.scale;
    return { labels: p.labels, weights, bias: Float64Array.from(p.bias) };
  };
  const showable = new Uint8Array(features);
  showable.fill(1, 0, DENSE.length);
  const wordShows = file.unigrams.map((u) => (/\p{L}/u.test(u) && isContentWord(u)) || BY_FIRST.get(u)?.some((c) => c.keys.length === 1) || u === '?' || u === '!');
  wordShows.forEach((ok, i) => (showable[DENSE.length + i] = ok ? 1 : 0));
  file.bigrams.forEach(([a, b], i) => (showable[DENSE.length + unigrams.size + i] = wordShows[a] || wordShows[b] ? 1 : 0));
  return { vocab: { unigrams, bigrams }, unigramText: file.unigrams, showable, toSource: unpack(file.toSource), toParent: unpack(file.toParent), provenance: file.provenance };
}
