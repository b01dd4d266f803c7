import { existsSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { BullMQQueue, QUEUE_NAME, queueConfigFromEnv, type AnalyzeJobPayload, type QueueConfig } from '../../src/queue/index.js';
import { spawnCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/paths.js';
import { deletePrefix, redisUrl, startOwnRedis, stopOwnRedis, uniquePrefix, type OwnRedis } from '../helpers/redis.js';
import { completions, seedVariants, spawnWorker, stopWorker, waitNoProcesses, writeThreads, type WorkerProc } from '../helpers/workers.js';

/*
 * Faults against real Redis and real worker processes: zero threads lost, zero duplicated.
 * Short locks (4 s) so a dead worker's job is picked up quickly, yet not mistaken for dead on a loaded machine.
 */

const workers: WorkerProc[] = [];
const cleanups: (() => Promise<void>)[] = [];

function env(url: string, prefix: string): NodeJS.ProcessEnv {
  return { REDIS_URL: url, THREADLENS_QUEUE_PREFIX: prefix, THREADLENS_LOCK_MS: '4000', THREADLENS_STALLED_INTERVAL_MS: '1000', THREADLENS_JOB_BACKOFF_MS: '100' };
}

async function startWorker(e: NodeJS.ProcessEnv, args: string[] = []): Promise<WorkerProc> {
  const w = spawnWorker(e, args);
  workers.push(w);
  await w.waitFor((ev) => ev.event === 'ready', 60_000);
  return w;
}

const payloadFor = (t: AnalyzeJobPayload['thread'], out: string): AnalyzeJobPayload => ({
  thread: t,
  articles: [],
  origin: t.thread.id,
  output: { dir: out, name: `${t.thread.id}.json` },
});

afterEach(async () => {
  await Promise.all(workers.splice(0).map(stopWorker));
  for (const c of cleanups.splice(0)) await c();
});
afterAll(stopOwnRedis);

describe('queue fault tolerance (real Redis, real worker processes)', () => {
  it('a worker killed mid-job (SIGKILL): another worker retries the job and it completes exactly once', async () => {
    const url = await redisUrl();
    const prefix = uniquePrefix('kill');
    cleanups.push(() => deletePrefix(url, prefix));
    const config: QueueConfig = { ...queueConfigFromEnv(env(url, prefix)) };
    const queue = await BullMQQueue.connect(config, { pollMs: 200 });
    cleanups.push(() => queue.close());
    const out = await tempDir('kill');

    const a = await startWorker(env(url, prefix));
    // A big thread first (seconds of analysis), then small ones.
    const [big] = seedVariants(1, 8000, 'big');
    const small = seedVariants(10, 7, 'small');
    const jobs = [await queue.enqueue(payloadFor(big!, out))];
    for (const t of small) jobs.push(await queue.enqueue(payloadFor(t, out)));
    const bigId = jobs[0]!.jobId;
    // Kill A once it is analyzing the big thread (progress 10 is set right before the analysis starts).
    for (let i = 0; ; i++) {
      const info = await queue.getJob(bigId);
      if (info?.state === 'active' && info.progress >= 10) break;
      if (i > 600) throw new Error(`big job never became active: ${JSON.stringify(info)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    a.child.kill('SIGKILL');
    await a.exited;
    const b = await startWorker(env(url, prefix));

    const outcomes = await Promise.all(jobs.map((j) => queue.waitFor(j.jobId, 120_000)));
    expect(outcomes.map((o) => o.jobId).sort()).toEqual(jobs.map((j) => j.jobId).sort());
    // The big job was recovered from the dead worker (stalled), not finished by it.
    expect(completions([a]).get(bigId)).toBeUndefined();
    expect(b.events.some((e) => e.event === 'stalled' && e.jobId === bigId)).toBe(true);
    // Exactly once: one completion per job across both workers, one report per thread, nothing failed.
    await stopWorker(b); // flushes its log: a completion can reach us through Redis before its log line
    const done = completions([a, b]);
    expect([...done.keys()].sort()).toEqual(jobs.map((j) => j.jobId).sort());
    expect([...done.values()].every((n) => n === 1)).toBe(true);
    expect((await readdir(out)).filter((f) => f.endsWith('.json')).sort()).toEqual([big!, ...small].map((t) => `${t.thread.id}.json`).sort());
    expect(await queue.counts()).toMatchObject({ waiting: 0, active: 0, delayed: 0, failed: 0 });
    // The dead worker's sandbox (busy with the big thread when its parent died) exits by itself: no orphan left spinning.
    expect(await waitNoProcesses(prefix)).toEqual([]);
  }, 180_000);

  it('Redis restarted during a batch: producers fail fast while it is down, no thread lost or duplicated', async () => {
    const redis: OwnRedis = await startOwnRedis({ persistent: true });
    cleanups.push(() => redis.stop());
    const prefix = uniquePrefix('restart');
    const e = env(redis.url, prefix);
    const out = await tempDir('restart-out');
    const inDir = await tempDir('restart-in');
    const threads = seedVariants(30, 150, 'rs');
    await writeThreads(inDir, threads);
    const w1 = await startWorker(e);
    const w2 = await startWorker(e);

    const ingest = spawnCli(['ingest', inDir, '--out', out, '--redis-retry', '60'], { env: e });
    await w1.waitFor((ev) => ev.event === 'completed', 90_000);
    await redis.kill(); // crash: AOF (fsync always) keeps every acknowledged write
    const doneBeforeCrash = completions([w1, w2]).size;
    expect(doneBeforeCrash).toBeLessThan(30); // the crash really happened mid-batch

    // While Redis is down, a producer fails fast with a clear error instead of hanging or queueing in memory.
    const t0 = Date.now();
    const err = await BullMQQueue.connect({ ...queueConfigFromEnv(e), redisTimeoutMs: 1000 }).catch((x: Error) => x);
    expect(Date.now() - t0).toBeLessThan(4000);
    expect(String(err)).toMatch(new RegExp(`QueueUnavailableError: Redis at ${redis.url}/? is unreachable`));

    await new Promise((r) => setTimeout(r, 1500));
    await redis.start();
    const res = await ingest;
    expect(res.stderr).not.toMatch(/failed jobs|bad files/);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/ingested 30 file\(s\) .*: 30 analyzed, 0 already analyzed, 0 failed, 0 bad/);
    await Promise.all([stopWorker(w1), stopWorker(w2)]);
    const done = completions([w1, w2]);
    expect(done.size).toBe(30);
    expect([...done.values()].every((n) => n === 1)).toBe(true);
    expect((await readdir(out)).filter((f) => f.endsWith('.json')).sort()).toEqual(threads.map((t) => `${t.thread.id}.json`).sort());
    const q = await BullMQQueue.connect(queueConfigFromEnv(e));
    expect(await q.counts()).toMatchObject({ waiting: 0, active: 0, delayed: 0, failed: 0 });
    await q.close();
  }, 240_000);

  it('poison jobs end in failed with their error, keep their payload, and the batch goes on', async () => {
    const url = await redisUrl();
    const prefix = uniquePrefix('poison');
    cleanups.push(() => deletePrefix(url, prefix));
    const e = env(url, prefix);
    const queue = await BullMQQueue.connect(queueConfigFromEnv(e), { pollMs: 200 });
    cleanups.push(() => queue.close());
    const out = await tempDir('poison');
    const w = await startWorker(e, ['--concurrency', '2']);

    const good = seedVariants(20, 7, 'ok');
    const [blockedThread] = seedVariants(1, 7, 'blocked');
    // Poison 1: its report target is a directory, so every attempt throws (retried with backoff, then failed).
    await mkdir(join(out, `${blockedThread!.thread.id}.json`));
    // Poison 2: a malformed job from some other producer: failed at once, no retries.
    const raw = new Queue(QUEUE_NAME, { connection: { url }, prefix });
    cleanups.push(() => raw.close());
    const jobs = [];
    for (const [i, t] of good.entries()) {
      if (i === 5) jobs.push({ ...(await queue.enqueue(payloadFor(blockedThread!, out))), poison: 'blocked' });
      if (i === 10) {
        await raw.add('analyze-thread', { thread: { thread: { id: 'x' } }, articles: [], origin: 'malformed.json' } as never, { jobId: 'analyze-malformed-1', attempts: 3 });
        jobs.push({ jobId: 'analyze-malformed-1', deduplicated: false, poison: 'malformed' });
      }
      jobs.push({ ...(await queue.enqueue(payloadFor(t, out))), poison: null });
    }
    const settled = await Promise.allSettled(jobs.map((j) => queue.waitFor(j.jobId, 120_000)));
    const byId = new Map(jobs.map((j, i) => [j.jobId, settled[i]!]));
    for (const j of jobs.filter((x) => !x.poison)) expect(byId.get(j.jobId)?.status).toBe('fulfilled');
    const blocked = jobs.find((j) => j.poison === 'blocked')!;
    expect(String((byId.get(blocked.jobId) as PromiseRejectedResult).reason)).toMatch(/EISDIR|directory/i);
    expect(String((byId.get('analyze-malformed-1') as PromiseRejectedResult).reason)).toMatch(/invalid analyze job payload/);

    const failed = await queue.listFailed();
    expect(failed.map((f) => f.id).sort()).toEqual([blocked.jobId, 'analyze-malformed-1'].sort());
    expect(failed.find((f) => f.id === blocked.jobId)).toMatchObject({ attemptsMade: 3, origin: blockedThread!.thread.id });
    expect(failed.find((f) => f.id === 'analyze-malformed-1')).toMatchObject({ attemptsMade: 1, origin: 'malformed.json' });
    await stopWorker(w);
    const done = completions([w]);
    expect(done.size).toBe(20);
    expect([...done.values()].every((n) => n === 1)).toBe(true);
    for (const t of good) expect(existsSync(join(out, `${t.thread.id}.json`))).toBe(true);
    expect(await queue.counts()).toMatchObject({ completed: 20, failed: 2, waiting: 0, active: 0, delayed: 0 });
  }, 180_000);
});
