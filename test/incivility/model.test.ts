import { describe, expect, it } from 'vitest';
import modelFile from '../../src/incivility/model/incivility-model.json' with { type: 'json' };
import provenance from '../../src/incivility/model/provenance.json' with { type: 'json' };
import { DIM } from '../../src/incivility/features.js';
import { predict, trainLR, type Example } from '../../src/incivility/train/logreg.js';
import { decodeHead, encodeHead, type ModelFile } from '../../src/incivility/weights-io.js';

describe('the committed model', () => {
  it('is compact and says where it came from', async () => {
    const { statSync } = await import('node:fs');
    expect(statSync('src/incivility/model/incivility-model.json').size).toBeLessThan(1.2 * 1024 * 1024);
    const f = modelFile as ModelFile;
    expect(f.format).toBe('threadlens-hashed-lr/1');
    expect(f.defaults.threshold).toBeGreaterThan(0);
    expect(f.defaults.threshold).toBeLessThan(1);
    expect(provenance.command).toContain('npm run train');
    expect(provenance.sources.map((s) => s.licence)).toEqual(['BSD-3-Clause', 'MIT', 'CC0-1.0', 'CC0-1.0']);
    expect(Object.keys(provenance.dataSha256)).toHaveLength(4);
    expect(provenance.chosenOnDev.threshold.value).toBe(f.defaults.threshold);
  });

  it('quantisation keeps every weight within half a step', () => {
    const weights = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 3);
    const back = decodeHead(encodeHead({ weights, bias: 0.5 }));
    const step = 3 / 127;
    for (let i = 0; i < weights.length; i++) expect(Math.abs(back.weights[i]! - weights[i]!)).toBeLessThanOrEqual(step / 2 + 1e-6);
    expect(back.bias).toBe(0.5);
  });
});

describe('training', () => {
  const data: Example[] = Array.from({ length: 400 }, (_, i) => {
    const y = (i % 3 === 0 ? 1 : 0) as 0 | 1;
    return { idx: Int32Array.from([y ? 7 : 11, i % 50 + 100]), scale: 1, y, w: 1 };
  });
  const params = { epochs: 3, lr: 0.2, l2: 1e-6, positiveWeight: 1, seed: 5 };

  it('is deterministic for a fixed seed', () => {
    const a = trainLR(data, DIM, params);
    const b = trainLR(data, DIM, params);
    expect(Buffer.from(a.weights.buffer).equals(Buffer.from(b.weights.buffer))).toBe(true);
    expect(a.bias).toBe(b.bias);
  });

  it('learns a separable signal', () => {
    const m = trainLR(data, DIM, params);
    expect(predict(m, data[0]!)).toBeGreaterThan(0.8);
    expect(predict(m, data[1]!)).toBeLessThan(0.2);
  });
});

describe('choosing the label threshold', () => {
  it('prefers the middle of a broad F1 plateau over a narrow peak at a cliff edge', async () => {
    const { plateauThreshold } = await import('../../src/incivility/train/threshold.js');
    // Positives spread over 0.55–0.75, negatives at 0.2 and a cluster just above the plateau (0.8):
    // every threshold in 0.45–0.55 catches all positives and no negative.
    const labels: boolean[] = [];
    const scores: number[] = [];
    for (let i = 0; i < 20; i++) {
      labels.push(true);
      scores.push(0.55 + i * 0.01);
      labels.push(false);
      scores.push(0.2);
    }
    for (let i = 0; i < 3; i++) {
      labels.push(false);
      scores.push(0.8);
    }
    const t = plateauThreshold(labels, scores, 0.05);
    expect(t.threshold).toBeGreaterThan(0.2);
    expect(t.threshold).toBeLessThanOrEqual(0.55);
    expect(t.f1).toBeCloseTo((2 * 20) / (2 * 20 + 3), 5);
    expect(() => plateauThreshold([true], [0.5, 0.6], 0.05)).toThrow(/1 labels but 2 scores/);
  });
});
