import type { HeadWeights, ModelWeights } from './scorer.js';

/**
 * The committed model file: each head's weights quantised to int8 (one scale per head) and stored as
 * base64. 2 × 2^18 weights → ~700 KB of JSON; quantisation error is below 1% of the largest weight,
 * far below what moves a decision (checked by the eval figures, which run on the quantised file).
 */
export interface ModelFile {
  format: 'threadlens-hashed-lr/1';
  hashBits: number;
  charNgrams: readonly number[];
  /** Label and span thresholds chosen on dev data by `npm run train` (see provenance). */
  defaults: { threshold: number; spanThreshold: number; spanFallback: number; spanRelative?: number };
  comment: EncodedHead;
  token: EncodedHead;
}
export interface EncodedHead {
  bias: number;
  /** weight = int8 value × scale. */
  scale: number;
  int8: string;
}

export function encodeHead(h: HeadWeights): EncodedHead {
  let max = 0;
  for (const w of h.weights) max = Math.max(max, Math.abs(w));
  const scale = max > 0 ? max / 127 : 1;
  const q = new Int8Array(h.weights.length);
  for (let i = 0; i < q.length; i++) q[i] = Math.round(h.weights[i]! / scale);
  return { bias: round(h.bias, 6), scale: round(scale, 9), int8: Buffer.from(q.buffer).toString('base64') };
}

export function decodeHead(e: EncodedHead): HeadWeights {
  const bytes = Buffer.from(e.int8, 'base64');
  const q = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const weights = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) weights[i] = q[i]! * e.scale;
  return { weights, bias: e.bias };
}

export function decodeModel(f: ModelFile): ModelWeights {
  if (f.format !== 'threadlens-hashed-lr/1') throw new Error(`unknown incivility model format ${JSON.stringify(f.format)}`);
  return { comment: decodeHead(f.comment), token: decodeHead(f.token) };
}

function round(x: number, digits: number): number {
  const m = 10 ** digits;
  return Math.round(x * m) / m;
}
