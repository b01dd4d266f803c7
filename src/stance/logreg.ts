import { mulberry32 } from '../util/prng.js';

/**
 * Multinomial logistic regression over sparse features: small, dependency-free, deterministic
 * (seeded shuffling), and fully explainable (each feature's weight per class is its contribution).
 */

export interface SparseExample {
  ids: readonly number[];
  values: readonly number[];
  label: number;
}

export interface TrainOptions {
  classes: number;
  features: number;
  epochs?: number;
  /** AdaGrad base learning rate. */
  rate?: number;
  /** L2 penalty per example step. */
  l2?: number;
  /** Per-class loss weights (e.g. inverse frequency, for macro-F1). */
  classWeights?: readonly number[];
  seed?: number;
}

/** Weights laid out feature-major: w[f * classes + c]; bias per class. */
export interface LinearModel {
  classes: number;
  features: number;
  weights: Float64Array;
  bias: Float64Array;
}

export function train(data: readonly SparseExample[], o: TrainOptions): LinearModel {
  const C = o.classes;
  const epochs = o.epochs ?? 20;
  const rate = o.rate ?? 0.1;
  const l2 = o.l2 ?? 1e-4;
  const cw = o.classWeights ?? new Array<number>(C).fill(1);
  const w = new Float64Array(o.features * C);
  const g2 = new Float64Array(o.features * C).fill(1e-8);
  const b = new Float64Array(C);
  const gb = new Float64Array(C).fill(1e-8);
  const order = data.map((_, i) => i);
  const rand = mulberry32(o.seed ?? 1);
  const p = new Float64Array(C);
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const idx of order) {
      const ex = data[idx]!;
      scores(w, b, C, ex.ids, ex.values, p);
      softmaxInPlace(p);
      const weight = cw[ex.label]!;
      for (let c = 0; c < C; c++) {
        const grad = weight * (p[c]! - (c === ex.label ? 1 : 0));
        gb[c]! += grad * grad;
        b[c]! -= (rate * grad) / Math.sqrt(gb[c]!);
        for (let k = 0; k < ex.ids.length; k++) {
          const at = ex.ids[k]! * C + c;
          const gr = grad * ex.values[k]! + l2 * w[at]!;
          g2[at]! += gr * gr;
          w[at]! -= (rate * gr) / Math.sqrt(g2[at]!);
        }
      }
    }
  }
  return { classes: C, features: o.features, weights: w, bias: b };
}

/** Class scores (logits) into `out`. */
export function scores(w: ArrayLike<number>, b: ArrayLike<number>, C: number, ids: readonly number[], values: readonly number[], out: Float64Array): void {
  for (let c = 0; c < C; c++) out[c] = b[c]!;
  for (let k = 0; k < ids.length; k++) {
    const base = ids[k]! * C;
    const v = values[k]!;
    for (let c = 0; c < C; c++) out[c]! += w[base + c]! * v;
  }
}

export function softmaxInPlace(p: Float64Array): void {
  let max = -Infinity;
  for (let c = 0; c < p.length; c++) max = Math.max(max, p[c]!);
  let sum = 0;
  for (let c = 0; c < p.length; c++) {
    p[c] = Math.exp(p[c]! - max);
    sum += p[c]!;
  }
  for (let c = 0; c < p.length; c++) p[c]! /= sum;
}

/** Inverse-frequency class weights, normalised to mean 1 (`power` < 1 softens them). */
export function balancedWeights(labels: readonly number[], classes: number, power = 1): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const l of labels) counts[l]!++;
  const raw = counts.map((n) => (n > 0 ? (labels.length / (classes * n)) ** power : 0));
  const mean = raw.reduce((a, x) => a + x, 0) / classes;
  return raw.map((x) => x / mean);
}

