import { writeFile } from 'node:fs/promises';
import { redactRedisUrl, type QueueConfig } from './config.js';
import { startAnalysisWorker, type StartWorkerOptions, type WorkerLog } from './bullmq-worker.js';
import { QUEUE_NAME } from './jobs.js';
import { producerConnection } from './redis.js';
import type { Redis } from 'ioredis';

export interface RunWorkerOptions extends StartWorkerOptions {
  /** How long a shutdown waits for active jobs before abandoning them to the lock timeout. */
  shutdownTimeoutMs?: number;
  /**
   * A file touched every few seconds while the worker runs and reaches Redis (THREADLENS_HEALTH_FILE):
   * what the container health check (workers/healthcheck.ts) looks at, since a worker has no port.
   */
  healthFile?: string | undefined;
  log: WorkerLog;
}

/**
 * The worker settings that come from the environment (README, "Configuration"), shared by
 * `threadlens worker` and workers/analyze.ts: the health file, the shutdown timeout, and the store
 * (DATABASE_URL, THREADLENS_DB_SCHEMA) that analyses are delivered to.
 */
export function workerOptionsFromEnv(env: NodeJS.ProcessEnv): Omit<RunWorkerOptions, 'log'> {
  return {
    healthFile: env.THREADLENS_HEALTH_FILE || undefined,
    shutdownTimeoutMs: Number(env.THREADLENS_SHUTDOWN_TIMEOUT_MS) || 60_000,
    databaseUrl: env.DATABASE_URL || undefined,
    dbSchema: env.THREADLENS_DB_SCHEMA?.trim() || undefined,
  };
}

/**
 * Run a worker until SIGINT or SIGTERM, then shut down gracefully: stop taking jobs, finish the active
 * ones, close connections. If they do not finish within the shutdown timeout (or on a second signal)
 * the worker closes anyway: the abandoned jobs stay active in Redis, their locks expire and another
 * worker retries them, so nothing is lost either way. Resolves with the process exit code.
 */
export async function runWorkerUntilSignal(config: QueueConfig, opts: RunWorkerOptions): Promise<number> {
  const handle = await startAnalysisWorker(config, opts);
  const concurrency = opts.concurrency ?? config.concurrency;
  opts.log({ event: 'ready', pid: process.pid, redis: redactRedisUrl(config.redisUrl ?? ''), prefix: config.prefix, queue: QUEUE_NAME, concurrency });
  const heartbeat = opts.healthFile ? startHeartbeat(handle.worker, producerConnection(config.redisUrl ?? '', 2_000), opts.healthFile) : undefined;
  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        opts.log({ event: 'shutdown', signal, note: 'second signal: abandoning active jobs (they will be retried elsewhere)' });
        void handle.close(true);
        return;
      }
      stopping = true;
      heartbeat?.stop();
      const timeoutMs = opts.shutdownTimeoutMs ?? 60_000;
      opts.log({ event: 'shutdown', signal, note: `finishing active jobs (up to ${timeoutMs} ms)` });
      const timer = setTimeout(() => {
        opts.log({ event: 'shutdown', note: 'timed out: abandoning active jobs (they will be retried elsewhere)' });
        void handle.close(true);
      }, timeoutMs);
      handle.close().then(
        () => {
          clearTimeout(timer);
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          opts.log({ event: 'stopped' });
          resolve(0);
        },
        (e: Error) => {
          clearTimeout(timer);
          opts.log({ event: 'error', error: e.message });
          resolve(3);
        },
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

const HEARTBEAT_MS = 5_000;

function startHeartbeat(worker: { isRunning(): boolean }, redis: Redis, file: string): { stop(): void } {
  const beat = async () => {
    if (!worker.isRunning()) return;
    if (redis.status === 'wait') await redis.connect();
    if ((await redis.ping()) === 'PONG') await writeFile(file, new Date().toISOString());
  };
  void beat().catch(() => {});
  const t = setInterval(() => void beat().catch(() => {}), HEARTBEAT_MS);
  t.unref();
  return {
    stop: () => {
      clearInterval(t);
      redis.disconnect();
    },
  };
}
