import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Thread } from '../src/model/index.js';
import { BullMQQueue, queueConfigFromEnv, type AnalyzeJobPayload } from '../src/queue/index.js';
import { PACKAGE_ROOT } from '../src/version.js';
import { deletePrefix, redisUrl, stopOwnRedis, uniquePrefix } from '../test/helpers/redis.js';
import { generateCorpus } from './corpus.js';

const WORKER = join(PACKAGE_ROOT, 'dist', 'workers', 'analyze.js');

function startWorker(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WORKER], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let buf = '';
    const onData = (c: Buffer) => {
      buf += c.toString();
      if (buf.includes('"event":"ready"')) {
        child.stdout!.off('data', onData);
        child.stdout!.resume(); // keep draining its log
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`worker exited with ${code} before it was ready`)));
  });
}

/** Enqueue every thread (16 in flight) and wait for all of them; returns the elapsed seconds. */
async function runBatch(queue: BullMQQueue, threads: readonly Thread[]): Promise<number> {
  const t0 = performance.now();
  const waits: Promise<unknown>[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < threads.length) {
        const payload: AnalyzeJobPayload = { thread: threads[next++]!, articles: [] };
        const { jobId } = await queue.enqueue(payload, { force: true });
        waits.push(queue.waitFor(jobId));
      }
    }),
  );
  await Promise.all(waits);
  return (performance.now() - t0) / 1000;
}

/**
 * End-to-end throughput through Redis with `n` worker processes (compiled dist/, concurrency 1 each):
 * from the first enqueue to the last completion. Workers are warmed up first (their sandboxes forked,
 * code compiled) on a separate small corpus.
 */
export async function queueThroughput(threads: readonly Thread[], n: number): Promise<{ rate: number; seconds: number }> {
  if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run \`npm run build\` first (npm run bench does)`);
  const url = await redisUrl();
  const prefix = uniquePrefix(`bench${n}`);
  const env = { REDIS_URL: url, THREADLENS_QUEUE_PREFIX: prefix, THREADLENS_WORKER_CONCURRENCY: '1' };
  const config = queueConfigFromEnv(env);
  const queue = await BullMQQueue.connect(config);
  const workers: ChildProcess[] = [];
  try {
    for (let i = 0; i < n; i++) workers.push(await startWorker(env));
    const perThread = threads[0]?.comments.length ?? 50;
    await runBatch(queue, [...generateCorpus({ threads: 20 * n, commentsPerThread: perThread, seed: 7 })]);
    const seconds = await runBatch(queue, threads);
    const comments = threads.reduce((a, t) => a + t.comments.length, 0);
    return { rate: comments / seconds, seconds };
  } finally {
    await queue.close();
    await Promise.all(workers.map((w) => new Promise((r) => (w.once('exit', r), w.kill('SIGTERM')))));
    await deletePrefix(url, prefix);
    await stopOwnRedis();
  }
}
