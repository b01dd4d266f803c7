import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { makeChecker, Report, ScoreOutput, Thread } from '../../src/model/index.js';
import { runCli, spawnCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/paths.js';

const SEED = 'seeds/thread-wnu-russia-rebels.txt';

describe('threadlens parse', () => {
  it('prints the canonical thread with the 7 seed authors', async () => {
    const r = await runCli(['parse', SEED]);
    expect(r.code).toBe(0);
    const t = JSON.parse(r.stdout);
    expect(makeChecker(Thread).problems(t)).toEqual([]);
    expect(t.comments.map((c: { author: string }) => c.author)).toEqual([
      'efFlh43', 'bn', 'Jay Farquharson', 'bn', 'efFlh43', 'Jay Farquharson', 'Jay Farquharson',
    ]);
    for (const c of t.comments) expect(Object.keys(c)).toEqual(expect.arrayContaining(['id', 'index', 'author', 'createdAt', 'parentId', 'parentSource', 'status', 'text']));
  });

  it('parses its own output back to the same JSON', async () => {
    const dir = await tempDir('cli-parse');
    const first = await runCli(['parse', SEED]);
    await writeFile(join(dir, 't.json'), first.stdout);
    const second = await runCli(['parse', join(dir, 't.json')]);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
  });

  it('exits 1 with the file name on bad input', async () => {
    const r = await runCli(['parse', 'seeds/README.md']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^threadlens: error: seeds\/README\.md: not a recognised thread format/);
    expect(r.stdout).toBe('');
  });

  it('exits 2 on an unknown format name, listing the known ones', async () => {
    const r = await runCli(['parse', SEED, '--format', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/argument 'nope' is invalid. Allowed choices are auto, .*canonical, .*reddit-thread, .*disqus, wordpress, .*blogger-text/);
  });
});

describe('threadlens analyze', () => {
  it('prints a readable report of the 7 comments with authors, tone and spans', async () => {
    const r = await runCli(['analyze', SEED, '--articles', 'seeds/articles']);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^ {2}#\d /gm)).toHaveLength(7);
    expect(r.stdout).toMatch(/#4 bn · tone HOSTILE/);
    expect(r.stdout).toMatch(/drug-insinuation \[\d+-\d+\] "leave the drugs mn or get better info"/);
    expect(r.stdout).toMatch(/tone-ridicule \[\d+-\d+\] "wow"/);
    // One line per thing a moderator must read: the tone finding inside that span is not repeated.
    expect(r.stdout).not.toMatch(/tone-hostile \[\d+-\d+\] "leave the drugs"/);
    expect(r.stdout).toContain('4 articles');
  });

  it('writes JSON that matches the Report schema, atomically to --out', async () => {
    const dir = await tempDir('cli-analyze');
    const out = join(dir, 'report.json');
    const r = await runCli(['analyze', SEED, '--articles', 'seeds/articles', '--format', 'json', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const report = JSON.parse(await readFile(out, 'utf8'));
    expect(makeChecker(Report).problems(report)).toEqual([]);
    expect(report.comments).toHaveLength(7);
  });

  it.each([
    ['md', /^# Threadlens report:/],
    ['html', /^<!doctype html>/],
  ])('renders %s', async (format, re) => {
    const r = await runCli(['analyze', SEED, '--format', format]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(re);
  });

  it('exits 2 on a usage error (unknown option, bad choice, missing argument)', async () => {
    expect((await runCli(['analyze', SEED, '--bogus'])).code).toBe(2);
    expect((await runCli(['analyze', SEED, '--format', 'pdf'])).code).toBe(2);
    expect((await runCli(['analyze'])).code).toBe(2);
    expect((await runCli(['frobnicate'])).code).toBe(2);
    expect((await runCli([])).code).toBe(2);
  });

  it('exits 1 on a missing file, an empty file and a missing articles path', async () => {
    const dir = await tempDir('cli-bad');
    await writeFile(join(dir, 'empty.txt'), '');
    const missing = await runCli(['analyze', 'nope.txt']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.txt: cannot read: ENOENT/);
    const empty = await runCli(['analyze', join(dir, 'empty.txt')]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/empty\.txt: the file is empty/);
    const arts = await runCli(['analyze', SEED, '--articles', 'no/such/dir']);
    expect(arts.code).toBe(1);
    expect(arts.stderr).toMatch(/no\/such\/dir: cannot read articles/);
  });

  it('exits 0 and prints help for --help and --version', async () => {
    const h = await runCli(['--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/analyze.*parse.*score/s);
    expect((await runCli(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('as a real process: exit status 0 / 1 / 2', async () => {
    expect((await spawnCli(['analyze', SEED])).code).toBe(0);
    const bad = await spawnCli(['analyze', 'seeds/README.md']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/seeds\/README\.md: not a recognised thread format/);
    expect((await spawnCli(['analyze', '--nope'])).code).toBe(2);
  });
});

describe('threadlens score', () => {
  const checkOut = makeChecker(ScoreOutput);

  it('scores each line and keeps going past bad lines, exiting 1 at the end', async () => {
    const input = [
      JSON.stringify({ id: 'a', text: '308 groups wow ... leave the drugs mn or get better info.', parent_text: 'Since Feb, 308 jihadi groups have disbanded.' }),
      '{not json',
      JSON.stringify({ id: 'b', text: 42 }),
      '',
      JSON.stringify({ id: 7, text: 'Thanks, a helpful and clear summary.' }),
    ].join('\n');
    const r = await runCli(['score'], input);
    expect(r.code).toBe(1);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['a', 7]);
    for (const o of out) expect(checkOut.problems(o)).toEqual([]);
    expect(out[0].tone.label).toBe('hostile');
    expect(out[1].tone.label).toBe('positive');
    const errs = r.stderr.trim().split('\n');
    expect(JSON.parse(errs[0]!)).toMatchObject({ id: null, line: 2, error: { code: 'bad-json' } });
    expect(JSON.parse(errs[1]!)).toMatchObject({ id: 'b', line: 3, error: { code: 'schema' } });
    expect(errs[1]).toMatch(/\/text: must be string/);
    expect(errs.at(-1)).toMatch(/2 bad line\(s\), 2 scored/);
  });

  it('uses parent_text: "wow" after the parent\'s number is sarcasm', async () => {
    const withParent = await runCli(['score'], JSON.stringify({ id: 1, text: '308 groups wow', parent_text: 'There are 308 groups.' }));
    const alone = await runCli(['score'], JSON.stringify({ id: 1, text: '308 groups wow' }));
    expect(JSON.parse(withParent.stdout).tone.score).toBeLessThan(0);
    expect(JSON.parse(alone.stdout).tone.score).toBeGreaterThan(0);
  });

  it('reports an over-long line and an invalid UTF-8 line without buffering or stopping', async () => {
    const long = JSON.stringify({ id: 'long', text: 'x'.repeat(5000) });
    const bytes = Buffer.concat([
      Buffer.from(long + '\n'),
      Buffer.from('{"id":"bad","text":"caf'), Buffer.from([0xe9]), Buffer.from('"}\n'),
      Buffer.from(JSON.stringify({ id: 'ok', text: 'fine' }) + '\n'),
    ]);
    const r = await spawnCli(['score', '--max-line-bytes', '1KB'], { stdin: Readable.from([bytes]) });
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).id)).toEqual(['ok']);
    expect(r.stderr).toMatch(/"line":1,"error":\{"code":"bad-line","message":"line is longer than 1024 bytes/);
    expect(r.stderr).toMatch(/"line":2,"error":\{"code":"bad-line","message":"line is not valid UTF-8"/);
  });

  it('streams: the first result is written before the input ends', async () => {
    const { spawn } = await import('node:child_process');
    const { REPO } = await import('../helpers/paths.js');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'score'], { cwd: REPO });
    child.stdin.write(JSON.stringify({ id: 'first', text: 'hello there' }) + '\n');
    const first = await new Promise<string>((resolve) => child.stdout.once('data', (c: Buffer) => resolve(c.toString())));
    expect(JSON.parse(first.split('\n')[0]!).id).toBe('first');
    child.stdin.end(JSON.stringify({ id: 'second', text: 'bye' }) + '\n');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
  });

  it('reads --in from a file', async () => {
    const dir = await tempDir('cli-score');
    const f = join(dir, 'in.jsonl');
    await writeFile(f, JSON.stringify({ id: 'x', text: 'What are you smoking?' }) + '\n');
    const r = await runCli(['score', '--in', f]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).tone.label).toBe('hostile');
  });
});
