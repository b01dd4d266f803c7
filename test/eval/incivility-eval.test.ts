import { describe, expect, it } from 'vitest';
import { charF1, rocAuc, bestF1Threshold, binaryFigures } from '../../src/eval/metrics.js';
import { runCli } from '../helpers/cli.js';
import { SHARED_DATA } from '../helpers/paths.js';

describe('metrics', () => {
  it('char-F1 follows the SemEval-2021 Task 5 definition', () => {
    expect(charF1([], [])).toBe(1);
    expect(charF1([1], [])).toBe(0);
    expect(charF1([], [1])).toBe(0);
    expect(charF1([1, 2, 3, 4], [3, 4, 5, 6])).toBeCloseTo(0.5);
  });
  it('ROC-AUC and F1 on a small table', () => {
    expect(rocAuc([true, false, true, false], [0.9, 0.1, 0.8, 0.3])).toBe(1);
    expect(rocAuc([true, false], [0.5, 0.5])).toBe(0.5);
    const f = binaryFigures([true, true, false, false], [true, false, true, false]);
    expect([f.precision, f.recall, f.f1]).toEqual([0.5, 0.5, 0.5]);
    expect(bestF1Threshold([true, false, true], [0.9, 0.2, 0.7]).f1).toBe(1);
  });
});

// The eval reads the real labelled data in ../shared/data (never copied into the repository).
describe('threadlens eval incivility', () => {
  it('prints every figure on held-out data as JSON', async () => {
    const r = await runCli(['eval', 'incivility', '--data', SHARED_DATA, '--json']);
    expect(r.code).toBe(0);
    const e = JSON.parse(r.stdout);
    expect(e.toxicSpans.posts).toBe(690);
    for (const x of [e.toxicSpans.charF1, e.reddit.f1, e.reddit.rocAuc, e.reddit.precision, e.reddit.recall]) {
      expect(x).toBeGreaterThan(0.5);
      expect(x).toBeLessThanOrEqual(1);
    }
    expect(e.reddit.n).toBeGreaterThan(500);
    expect(e.github.types.map((t: { type: string }) => t.type)).toContain('Insulting');
    expect(e.changedData).toEqual([]);
  }, 120_000);

  it('names the missing file when --data is wrong', async () => {
    const r = await runCli(['eval', 'incivility', '--data', 'no-such-dir']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no-such-dir\/toxic-spans\/tsd_train\.csv: cannot read/);
  });
});

describe('incivility in `score` output', () => {
  it('prints label, score and findings, and honours --incivility-threshold', async () => {
    const line = JSON.stringify({ id: 'a', text: 'You are an idiot.' }) + '\n';
    const r = await runCli(['score'], line);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.incivility.label).toBe('uncivil');
    expect(out.incivility.findings[0]).toMatchObject({ ruleId: 'name-calling', actual: 'idiot', severity: 'high' });
    const strict = await runCli(['score', '--incivility-threshold', '1'], line);
    expect(JSON.parse(strict.stdout).incivility.label).toBe('civil');
    const bad = await runCli(['score', '--incivility-threshold', '7'], line);
    expect(bad.code).toBe(2);
  });
});
