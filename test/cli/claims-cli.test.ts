import { describe, expect, it } from 'vitest';
import { makeChecker, Report, ScoreOutput } from '../../src/model/index.js';
import { runCli } from '../helpers/cli.js';
import { SHARED_DATA } from '../helpers/paths.js';

const SEED = 'seeds/thread-wnu-russia-rebels.txt';

describe('threadlens eval numbers', () => {
  it('reports the pass rate on the recogniser spec (javascript-supported cases), at least 90%', async () => {
    const r = await runCli(['eval', 'numbers', '--data', SHARED_DATA, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.total).toBeGreaterThan(200);
    expect(out.skipped).toBeGreaterThan(0);
    const hybrid = out.readers.find((x: { reader: string }) => x.reader === 'hybrid');
    expect(hybrid.cases).toBe(out.total - out.skipped);
    expect(hybrid.rate).toBeGreaterThanOrEqual(0.9);
    expect(hybrid.passed).toBe(hybrid.cases - hybrid.failures.length);
  });

  it('prints a readable summary (data from THREADLENS_DATA when --data is not given), and exits 1 naming the file when the data is missing', async () => {
    const ok = await runCli(['eval', 'numbers'], '', { THREADLENS_DATA: SHARED_DATA });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^hybrid +\d+\/\d+ +\d+\.\d%/m);
    const bad = await runCli(['eval', 'numbers', '--data', 'no-such-dir']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/no-such-dir\/recognizers-text\/Number\/English\/NumberModel\.json: cannot read the number spec/);
  });
});

describe('claims in the CLI outputs', () => {
  it('analyze: every report format has a Claims section; JSON has the claims field', async () => {
    const json = await runCli(['analyze', SEED, '--articles', 'seeds/articles', '--format', 'json']);
    const report = JSON.parse(json.stdout);
    expect(makeChecker(Report).problems(report)).toEqual([]);
    expect(report.claims.find((c: { actual: string }) => c.actual === '308 jihadi groups').status).toBe('unsupported');
    const text = await runCli(['analyze', SEED, '--articles', 'seeds/articles', '--no-color']);
    expect(text.stdout).toMatch(/^Claims\n {2}11 stated as fact \(10 unsupported, 1 attributed\); 11 flagged/m);
    expect(text.stdout).toContain('comment 3 (Jay Farquharson) "308 jihadi groups": UNSUPPORTED');
    expect(text.stdout).toContain('comment 5 repeats "308 group" with doubt: not yet heard');
    const md = await runCli(['analyze', SEED, '--articles', 'seeds/articles', '--format', 'md']);
    expect(md.stdout).toContain('## Claims');
    expect(md.stdout).toMatch(/\| 7 \(Jay Farquharson\) \| “over 4,851 "groups"” \| \*\*attributed\*\* \| attributed to "Wiki" \(a vague source, no link\)/);
    const html = await runCli(['analyze', SEED, '--articles', 'seeds/articles', '--format', 'html']);
    expect(html.stdout).toContain('<h2 id="claims">Claims</h2>');
    expect(html.stdout).toMatch(/<span class="verdict unsupported">unsupported<\/span>/);
  });

  it('score: each output line has claims [{span, actual, value, counted, role, status, evidence}] checked against source_text', async () => {
    const line = JSON.stringify({ id: 7, text: 'They paid $500 per fighter and 308 groups joined.', source_text: 'We had asked for $500 per fighter.' });
    const r = await runCli(['score'], line);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(makeChecker(ScoreOutput).problems(out)).toEqual([]);
    expect(out.claims.map((c: { actual: string; status: string }) => [c.actual, c.status])).toEqual([
      ['$500', 'corroborated'],
      ['308 groups', 'unsupported'],
    ]);
    for (const c of out.claims) expect(Object.keys(c)).toEqual(expect.arrayContaining(['span', 'actual', 'value', 'counted', 'role', 'status', 'evidence']));
    expect(out.findings.map((f: { ruleId: string; actual: string }) => [f.ruleId, f.actual])).toEqual([['unsupported-numeric-claim', '308 groups']]);
  });
});
