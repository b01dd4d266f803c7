import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BullMQQueue,
  createQueue,
  QUEUE_NAME,
  queueConfigFromEnv,
  startAnalysisWorker,
  type AnalyzeJobPayload,
  type QueueConfig,
  type WorkerHandle,
} from '../../src/queue/index.js';
import { tempDir } from '../helpers/paths.js';
import { deletePrefix, freePort, redisUrl, stopOwnRedis, uniquePrefix } from '../helpers/redis.js';
import { seedArticles, seedThread } from '../helpers/seed.js';

let url: string;
let config: QueueConfig;
let out: string;
let worker: WorkerHandle;
let queue: BullMQQueue;

function variant(p: AnalyzeJobPayload, tag: string): AnalyzeJobPayload {
  // Different content → different analysis key (the hash is what idempotency looks at).
  return { ...p, thread: { ...p.thread, thread: { ...p.thread.thread, contentHash: `${p.thread.thread.contentHash}-${tag}` } } };
}

async function payload(name: string): Promise<AnalyzeJobPayload> {
  return { thread: seedThread(), articles: await seedArticles(), origin: `seed:${name}`, output: { dir: out, name: `${name}.json` } };
}

beforeAll(async () => {
  url = await redisUrl();
  config = { ...queueConfigFromEnv({}), redisUrl: url, prefix: uniquePrefix('bullmq'), backoffMs: 50, attempts: 2, keepCompleted: 0 };
  out = await tempDir('bullmq');
  worker = await startAnalysisWorker(config, { concurrency: 2 });
  queue = (await createQueue(config)) as BullMQQueue;
});

afterAll(async () => {
  await queue?.close();
  await worker?.close();
  if (url) await deletePrefix(url, config.prefix);
  await stopOwnRedis();
});

describe('BullMQ driver (real Redis, sandboxed worker)', () => {
  it('createQueue picks BullMQ when REDIS_URL is set', () => {
    expect(queue.driver).toBe('bullmq');
  });

  it('runs one job per thread in a worker, reports progress and writes the report through the sink', async () => {
    const events = new QueueEvents(QUEUE_NAME, { connection: { url, maxRetriesPerRequest: null }, prefix: config.prefix });
    const progress: unknown[] = [];
    events.on('progress', ({ data }) => progress.push(data));
    await events.waitUntilReady();
    const p = variant(await payload('first'), 'first');
    const { jobId, deduplicated } = await queue.enqueue(p);
    expect(deduplicated).toBe(false);
    const outcome = await queue.waitFor(jobId, 20_000);
    expect(outcome).toMatchObject({ jobId, threadId: p.thread.thread.id, comments: 7, delivered: [join(out, 'first.json')] });
    expect(outcome.report).toBeUndefined(); // reports do not travel through Redis
    const report = JSON.parse(await readFile(join(out, 'first.json'), 'utf8')) as { comments: unknown[] };
    expect(report.comments).toHaveLength(7);
    expect(progress).toEqual(expect.arrayContaining([10, 80]));
    // keepCompleted is 0 here: the job is trimmed at once, and the done marker still answers.
    expect(await queue.getJob(jobId)).toMatchObject({ id: jobId, state: 'completed', progress: 100 });
    await events.close();
  });

  it('does not analyze the same content twice, also after the job was trimmed, unless forced', async () => {
    const p = variant(await payload('dedup'), 'dedup');
    const a = await queue.enqueue(p);
    const b = await queue.enqueue(structuredClone(p)); // still waiting or active: the job id deduplicates
    expect(b).toEqual({ jobId: a.jobId, deduplicated: true });
    await queue.waitFor(a.jobId, 20_000);
    const raw = new Queue(QUEUE_NAME, { connection: { url }, prefix: config.prefix });
    expect(await raw.getJob(a.jobId)).toBeUndefined(); // trimmed (removeOnComplete: 0)
    const c = await queue.enqueue(p); // the marker answers
    expect(c).toEqual({ jobId: a.jobId, deduplicated: true });
    const forced = await queue.enqueue(p, { force: true });
    expect(forced.deduplicated).toBe(false);
    expect(forced.jobId).not.toBe(a.jobId);
    expect((await queue.waitFor(forced.jobId, 20_000)).jobId).toBe(forced.jobId);
    await raw.close();
  });

  it('retries with backoff, keeps a failed job with its payload and error, lists it and retries it on demand', async () => {
    // The report's target is an existing directory: every attempt fails the same way.
    const blocked = join(out, 'blocked.json');
    await mkdir(blocked, { recursive: true });
    const p = variant({ ...(await payload('blocked')), origin: 'poison-origin' }, 'blocked');
    const { jobId } = await queue.enqueue(p);
    await expect(queue.waitFor(jobId, 20_000)).rejects.toThrow(/EISDIR|directory/i);
    const failed = await queue.listFailed();
    const mine = failed.find((j) => j.id === jobId);
    expect(mine).toMatchObject({ state: 'failed', attemptsMade: 2, origin: 'poison-origin', threadId: p.thread.thread.id });
    expect(mine?.failedReason).toMatch(/EISDIR|directory/i);
    expect(await queue.retry(jobId)).toBe(true);
    await expect(queue.waitFor(jobId, 20_000)).rejects.toThrow(/EISDIR|directory/i);
    expect(await queue.retry('analyze-no-such-job')).toBe(false);
  });

  it('fails a malformed job at once (no retries) and keeps its error', async () => {
    const raw = new Queue(QUEUE_NAME, { connection: { url }, prefix: config.prefix });
    await raw.add('analyze-thread', { thread: { nope: true }, articles: [] } as never, { jobId: 'analyze-malformed', attempts: 3 });
    await expect(queue.waitFor('analyze-malformed', 20_000)).rejects.toThrow(/invalid analyze job payload: \/thread/);
    expect(await queue.getJob('analyze-malformed')).toMatchObject({ state: 'failed', attemptsMade: 1 });
    expect(await queue.counts()).toMatchObject({ waiting: 0, active: 0 });
    await raw.close();
  });

  it('refuses an invalid payload at the producer', async () => {
    const p = await payload('bad');
    await expect(queue.enqueue({ ...p, output: { dir: out, name: '../escape.json' } })).rejects.toThrow(/invalid analyze job payload.*\/output\/name/);
  });
});

describe('producers when Redis is down', () => {
  it('fail fast with an error that names the Redis and what to do', async () => {
    const dead = `redis://127.0.0.1:${await freePort()}`;
    const t0 = Date.now();
    const err = await createQueue({ ...queueConfigFromEnv({}), redisUrl: dead, redisTimeoutMs: 1000 }).catch((e: Error) => e);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toContain(`Redis at ${dead}`);
    expect((err as Error).message).toMatch(/unreachable .*ECONNREFUSED.*unset REDIS_URL/);
  });
});
