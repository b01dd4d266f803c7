import { describe, expect, it } from 'vitest';
import { score } from '../../src/eval/metrics.js';
import { balancedWeights, train, scores, softmaxInPlace } from '../../src/stance/logreg.js';

describe('score', () => {
  it('computes per-class F1, macro-F1 and accuracy (hand-checked)', () => {
    // gold a a b b c ; pred a b b b a  → a: P 1/2 R 1/2; b: P 2/3 R 1; c: P 0 R 0
    const s = score(['a', 'b', 'c'], ['a', 'a', 'b', 'b', 'c'], ['a', 'b', 'b', 'b', 'a']);
    expect(s.perClass.a!.f1).toBe(0.5);
    expect(s.perClass.b!.f1).toBe(0.8);
    expect(s.perClass.c!.f1).toBe(0);
    expect(s.macroF1).toBeCloseTo(1.3 / 3, 4);
    expect(s.accuracy).toBe(0.6);
    expect(s.confusion.a!.b).toBe(1);
  });

  it('refuses mismatched lengths', () => {
    expect(() => score(['a'], ['a'], [])).toThrow(/1 gold labels but 0 predictions/);
  });
});

describe('logistic regression', () => {
  const data = [
    { ids: [0], values: [1], label: 0 },
    { ids: [1], values: [1], label: 1 },
    { ids: [2], values: [1], label: 2 },
    { ids: [0, 3], values: [1, 1], label: 0 },
  ];
  it('learns a separable problem and is deterministic for a seed', () => {
    const m = train(data, { classes: 3, features: 4, epochs: 50, rate: 0.5, seed: 3 });
    const p = new Float64Array(3);
    for (const d of data) {
      scores(m.weights, m.bias, 3, d.ids, d.values, p);
      softmaxInPlace(p);
      expect(p.indexOf(Math.max(...p))).toBe(d.label);
    }
    expect(train(data, { classes: 3, features: 4, epochs: 50, rate: 0.5, seed: 3 }).weights).toEqual(m.weights);
  });

  it('weights rare classes up', () => {
    const w = balancedWeights([0, 0, 0, 1], 2);
    expect(w[1]).toBeGreaterThan(w[0]!);
  });
});
