import { describe, expect, it } from 'vitest';
import { makeChecker, ScoreOutput, Thread } from '../../src/model/index.js';
import { runCli } from '../helpers/cli.js';

const SEED = 'seeds/thread-wnu-russia-rebels.txt';

describe('threadlens parse: reply inference', () => {
  it('prints inferred parents with source, confidence and evidence', async () => {
    const r = await runCli(['parse', SEED]);
    expect(r.code).toBe(0);
    const t = JSON.parse(r.stdout) as Thread;
    expect(makeChecker(Thread).problems(t)).toEqual([]);
    const c4 = t.comments[3]!;
    expect(c4).toMatchObject({ parentId: t.comments[2]!.id, parentSource: 'inferred' });
    expect(c4.parentConfidence).toBeGreaterThan(0.5);
    expect(c4.parentEvidence).toContain('echoes "308 groups" from comment 3');
    expect(t.comments[0]).toMatchObject({ parentId: null, parentSource: 'none' });
  });

  it('--no-infer-replies prints the flat thread as the source gives it', async () => {
    const r = await runCli(['parse', SEED, '--no-infer-replies']);
    const t = JSON.parse(r.stdout) as Thread;
    expect(t.comments.every((c) => c.parentId === null && c.parentSource === 'none' && c.parentEvidence === undefined)).toBe(true);
  });
});

describe('threadlens score: stance', () => {
  it('adds stance toward source_text and parent_text', async () => {
    const input = [
      { id: 'a', text: 'This is fake news, he never resigned. Total hoax.', source_text: 'Minister resigns over expenses scandal' },
      { id: 'b', text: 'Exactly, I agree completely.', parent_text: 'The expenses rules were too loose.', source_text: 'Minister resigns' },
    ].map((x) => JSON.stringify(x)).join('\n');
    const r = await runCli(['score'], input);
    expect(r.code).toBe(0);
    const [a, b] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    for (const x of [a, b]) expect(makeChecker(ScoreOutput).problems(x)).toEqual([]);
    expect(a.stance.toSource.label).toBe('deny');
    expect(a.stance.toParent).toBeNull();
    expect(b.stance.toParent.label).toBe('agree');
    expect(b.stance.toParent.confidence).toBeGreaterThan(0);
  });
});
