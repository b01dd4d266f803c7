import { mulberry32 } from '../../util/prng.js';

/**
 * Logistic regression over hashed sparse features, trained with AdaGrad SGD and L2 applied to the
 * weights an example touches (the usual shortcut for hashed models). Deterministic: the example order
 * comes from a seeded shuffle, so the same data and hyper-parameters give the same weights.
 */

export interface Example {
  /** Bucket indices; a repeated index counts twice. */
  idx: Int32Array;
  /** Value of every feature of this example (e.g. 1/sqrt(n) for length normalisation). */
  scale: number;
  y: 0 | 1;
  /** Example weight (per-source weighting). */
  w: number;
}

export interface LRParams {
  epochs: number;
  /** AdaGrad base learning rate. */
  lr: number;
  l2: number;
  seed: number;
  /** Weight on positive examples (class balance). */
  positiveWeight: number;
}

export interface LRModel {
  weights: Float32Array;
  bias: number;
}


export function shuffled(n: number, seed: number): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const r = mulberry32(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}

export const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

export function trainLR(examples: readonly Example[], dim: number, p: LRParams): LRModel {
  const w = new Float32Array(dim);
  const g2 = new Float32Array(dim).fill(1e-6);
  let bias = 0;
  let bg2 = 1e-6;
  for (let epoch = 0; epoch < p.epochs; epoch++) {
    const order = shuffled(examples.length, p.seed + epoch);
    for (const k of order) {
      const ex = examples[k]!;
      let z = bias;
      for (const i of ex.idx) z += w[i]! * ex.scale;
      const weight = ex.w * (ex.y === 1 ? p.positiveWeight : 1);
      const g = (sigmoid(z) - ex.y) * weight;
      bg2 += g * g;
      bias -= (p.lr * g) / Math.sqrt(bg2);
      for (const i of ex.idx) {
        const gi = g * ex.scale + p.l2 * w[i]!;
        g2[i]! += gi * gi;
        w[i]! -= (p.lr * gi) / Math.sqrt(g2[i]!);
      }
    }
  }
  return { weights: w, bias };
}

export function predict(m: LRModel, ex: Example): number {
  let z = m.bias;
  for (const i of ex.idx) z += m.weights[i]! * ex.scale;
  return sigmoid(z);
}
