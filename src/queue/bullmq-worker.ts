import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'bullmq';
import { PACKAGE_ROOT } from '../version.js';
import type { QueueConfig } from './config.js';
import { QUEUE_NAME, type AnalyzeJobPayload, type AnalyzeJobReturn } from './jobs.js';
import { ensureConnected, producerConnection, workerConnectionOptions } from './redis.js';
import { SANDBOX_ENV, type SandboxConfig } from './worker-deps.js';

export type WorkerLog = (event: Record<string, unknown>) => void;

export interface StartWorkerOptions {
  concurrency?: number;
  /** Default report directory for jobs that do not name one. */
  outDir?: string | undefined;
  /** Postgres to store analyses in (DATABASE_URL) and its schema (THREADLENS_DB_SCHEMA). */
  databaseUrl?: string | undefined;
  dbSchema?: string | undefined;
  log?: WorkerLog;
}

export interface WorkerHandle {
  readonly worker: Worker<AnalyzeJobPayload, AnalyzeJobReturn>;
  /** Stop taking jobs and let the active ones finish; `force` abandons them (their locks expire and another worker retries them). */
  close(force?: boolean): Promise<void>;
}

/** The sandboxed processor beside this file: .js from dist/, .ts under tsx (forked with tsx too). */
function processorFile(): { file: string; tsx: boolean } {
  const here = fileURLToPath(import.meta.url);
  const ext = extname(here);
  return { file: join(dirname(here), `sandbox-processor${ext}`), tsx: ext === '.ts' };
}

/**
 * Start a BullMQ worker for analysis jobs. Each job runs in a forked sandbox process (BullMQ's
 * sandboxed processor), so a long analysis never starves lock renewal, and a crash in the analyzer
 * kills only the sandbox, not the worker.
 */
export async function startAnalysisWorker(config: QueueConfig, opts: StartWorkerOptions = {}): Promise<WorkerHandle> {
  const url = config.redisUrl;
  if (!url) throw new Error('a queue worker needs REDIS_URL (e.g. redis://127.0.0.1:6379)');
  // Fail fast with a clear message when Redis is not there at start (afterwards, workers wait for it).
  const probe = producerConnection(url, config.redisTimeoutMs);
  try {
    await ensureConnected(probe, url, config.redisTimeoutMs, 'the worker cannot start');
  } finally {
    probe.disconnect();
  }
  const log = opts.log ?? (() => {});
  const { file, tsx } = processorFile();
  const sandbox: SandboxConfig = {
    redisUrl: url,
    prefix: config.prefix,
    outDir: opts.outDir ?? config.outDir,
    databaseUrl: opts.databaseUrl,
    dbSchema: opts.dbSchema,
  };
  const worker = new Worker<AnalyzeJobPayload, AnalyzeJobReturn>(QUEUE_NAME, file, {
    connection: workerConnectionOptions(url),
    prefix: config.prefix,
    concurrency: opts.concurrency ?? config.concurrency,
    lockDuration: config.lockDurationMs,
    stalledInterval: config.stalledIntervalMs,
    maxStalledCount: 1,
    removeOnComplete: { count: config.keepCompleted },
    removeOnFail: { count: config.keepFailed },
    useWorkerThreads: false,
    workerForkOptions: {
      env: { ...process.env, [SANDBOX_ENV]: JSON.stringify(sandbox) },
      // Under tsx (tests, `npm run` from source) the sandbox needs the TypeScript loader as well.
      ...(tsx ? { execArgv: ['--import', 'tsx'], cwd: PACKAGE_ROOT } : {}),
    },
  });
  const started = new Map<string, number>();
  worker.on('active', (job) => started.set(job.id ?? '', Date.now()));
  worker.on('completed', (job, ret) => {
    const t0 = started.get(job.id ?? '');
    started.delete(job.id ?? '');
    log({ event: 'completed', jobId: job.id, threadId: ret.threadId, comments: ret.comments, ms: t0 ? Date.now() - t0 : null, delivered: ret.delivered });
  });
  worker.on('failed', (job, err) => {
    if (job) started.delete(job.id ?? '');
    const final = !job || job.attemptsMade >= (job.opts.attempts ?? 1) || err.name === 'UnrecoverableError';
    log({ event: final ? 'failed' : 'attempt-failed', jobId: job?.id, attemptsMade: job?.attemptsMade, origin: job?.data.origin, error: err.message });
  });
  worker.on('stalled', (jobId) => log({ event: 'stalled', jobId, note: 'its worker stopped renewing the lock; the job is retried' }));
  worker.on('error', (err) => log({ event: 'error', error: err.message }));
  await worker.waitUntilReady();
  return {
    worker,
    close: (force = false) => worker.close(force),
  };
}
