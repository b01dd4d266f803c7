import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportFileName } from '../../src/cli/ingest/discover.js';
import { runCli, spawnCli } from '../helpers/cli.js';
import { SEED_ARTICLES, SEED_THREAD, tempDir } from '../helpers/paths.js';
import { deletePrefix, redisUrl, stopOwnRedis, uniquePrefix } from '../helpers/redis.js';
import { seedVariants, writeThreads } from '../helpers/workers.js';

let inDir: string;

beforeAll(async () => {
  // Three distinct threads (one in a subdirectory), one duplicate of the seed, one bad file, one image.
  inDir = await tempDir('ingest-in');
  await mkdir(join(inDir, 'sub'));
  await copyFile(SEED_THREAD, join(inDir, 'seed.txt'));
  await copyFile(SEED_THREAD, join(inDir, 'sub', 'seed-copy.txt'));
  await writeThreads(join(inDir, 'sub'), seedVariants(2, 7, 'ing'));
  await writeFile(join(inDir, 'notes.txt'), 'just some notes, not a thread\n');
  await writeFile(join(inDir, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
});
afterAll(stopOwnRedis);

describe('threadlens ingest (in-process driver, no Redis)', () => {
  it('analyzes every thread file, reports bad files by path, writes one JSON report per thread and exits 1', async () => {
    const out = await tempDir('ingest-out');
    const r = await runCli(['ingest', inDir, '--articles', SEED_ARTICLES, '--out', out]);
    expect(r.code).toBe(1); // one bad file
    expect(r.stdout).toMatch(/ingested 5 file\(s\) in [\d.]+ s \(in-process\): 3 analyzed, 1 already analyzed, 0 failed, 1 bad/);
    expect(r.stdout).toMatch(/^\d+ comments, \d+ comments\/s$/m);
    expect(r.stdout).toContain('(1 file(s) in the directories were skipped for their extension)');
    expect(r.stderr).toMatch(/bad files \(skipped\):\n {2}.*notes\.txt: not a recognised thread format/);
    const files = (await readdir(out)).sort();
    expect(files).toEqual(['seed.json', 'sub__ing-0.json', 'sub__ing-1.json', 'sub__seed-copy.json']);
    // The duplicate was analyzed once and its report copied under its own name.
    const a = await readFile(join(out, 'seed.json'), 'utf8');
    expect(await readFile(join(out, 'sub__seed-copy.json'), 'utf8')).toBe(a);
    const report = JSON.parse(a) as { comments: unknown[]; articles: unknown[] };
    expect(report.comments).toHaveLength(7);
    expect(report.articles).toHaveLength(4);
  });

  it('exits 0 when every file is a thread; plain progress lines when stdout is not a terminal', async () => {
    const out = await tempDir('ingest-ok');
    const r = await runCli(['ingest', join(inDir, 'sub'), '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^progress: 3\/3 threads, \d+ comments, \d+ comments\/s, 0 failed, 0 bad$/m);
    expect(r.stdout).not.toContain('\u001b['); // no cursor control on a pipe
    expect(await readdir(out)).toHaveLength(3);
  });

  it('refuses --no-wait without Redis, and paths that do not exist are reported', async () => {
    const r = await runCli(['ingest', inDir, '--no-wait']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--no-wait needs REDIS_URL/);
    const m = await runCli(['ingest', join(inDir, 'missing.txt'), join(inDir, 'seed.txt')]);
    expect(m.code).toBe(1);
    expect(m.stderr).toMatch(/missing\.txt: cannot read: ENOENT/);
    expect(m.stdout).toMatch(/1 analyzed, 0 already analyzed, 0 failed, 1 bad/);
  });

  it('--store saves every analysis in the embedded store that `serve` reads', async () => {
    const dataDir = await tempDir('ingest-store');
    const r = await runCli(['ingest', SEED_THREAD, '--articles', SEED_ARTICLES, '--store', '--data-dir', dataDir]);
    expect(r.code).toBe(0);
    const { openStore } = await import('../../src/store/index.js');
    const store = await openStore({ dataDir });
    try {
      const { seedThread } = await import('../helpers/seed.js');
      const id = seedThread().thread.id;
      const thread = await store.threads.load(id);
      expect(thread?.comments.map((c) => c.author)).toEqual(['efFlh43', 'bn', 'Jay Farquharson', 'bn', 'efFlh43', 'Jay Farquharson', 'Jay Farquharson']);
      expect(await store.review.pendingCount()).toBeGreaterThanOrEqual(3);
    } finally {
      await store.close();
    }
  });

  it('--store with REDIS_URL but no DATABASE_URL is a usage error that says why', async () => {
    const r = await runCli(['ingest', SEED_THREAD, '--store'], '', { REDIS_URL: 'redis://127.0.0.1:1', DATABASE_URL: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--store with REDIS_URL needs DATABASE_URL/);
  });

  it('names reports after their path under the argument', () => {
    expect(reportFileName('a.txt')).toBe('a.json');
    expect(reportFileName(join('x', 'y z', 'b.thread.json'))).toBe('x__y_z__b.thread.json');
    expect(reportFileName('.hidden')).toBe('_hidden.json');
  });
});

describe('threadlens ingest with REDIS_URL (BullMQ, in-CLI worker)', () => {
  it('runs the jobs through Redis, then on a second run reuses the analyses (copying the reports)', async () => {
    const url = await redisUrl();
    const prefix = uniquePrefix('ingest');
    const env = { REDIS_URL: url, THREADLENS_QUEUE_PREFIX: prefix };
    try {
      const out1 = await tempDir('ingest-redis-1');
      const r1 = await spawnCli(['ingest', join(inDir, 'sub'), join(inDir, 'seed.txt'), '--out', out1, '--concurrency', '2'], { env });
      expect(r1.stderr).toBe('');
      expect(r1.code).toBe(0);
      expect(r1.stdout).toMatch(new RegExp(`ingested 4 file\\(s\\) .* \\(BullMQ, prefix "${prefix}"\\): 3 analyzed, 1 already analyzed, 0 failed, 0 bad`));
      expect((await readdir(out1)).sort()).toEqual(['ing-0.json', 'ing-1.json', 'seed-copy.json', 'seed.json']);
      const out2 = await tempDir('ingest-redis-2');
      const r2 = await spawnCli(['ingest', join(inDir, 'sub'), join(inDir, 'seed.txt'), '--out', out2, '--concurrency', '1'], { env });
      expect(r2.code).toBe(0);
      expect(r2.stdout).toMatch(/: 0 analyzed, 4 already analyzed, 0 failed, 0 bad/);
      for (const f of await readdir(out1)) expect(await readFile(join(out2, f), 'utf8')).toBe(await readFile(join(out1, f), 'utf8'));
      // --no-wait with no worker: the jobs wait in Redis for `threadlens worker`.
      const r3 = await spawnCli(['ingest', join(inDir, 'sub'), '--force', '--no-wait'], { env });
      expect(r3.code).toBe(0);
      expect(r3.stdout).toMatch(/enqueued 3 thread\(s\) \(BullMQ/);
    } finally {
      await deletePrefix(url, prefix);
    }
  }, 120_000);
});
