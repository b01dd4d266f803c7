import { DEFAULT_ATTEMPTS, DEFAULT_BACKOFF_MS, DEFAULT_KEEP_COMPLETED, DEFAULT_KEEP_FAILED } from './jobs.js';

/**
 * Queue and worker settings. Every field has an environment variable (documented in the README,
 * "Configuration") so containers are configured without flags; CLI flags override them.
 */
export interface QueueConfig {
  /** REDIS_URL: set → BullMQ over Redis; unset → the in-process driver. */
  redisUrl: string | undefined;
  /** THREADLENS_QUEUE_PREFIX: Redis key prefix, so several deployments (or test runs) share one Redis. */
  prefix: string;
  /** THREADLENS_JOB_ATTEMPTS: tries per job including the first. */
  attempts: number;
  /** THREADLENS_JOB_BACKOFF_MS: first retry delay; doubles on each retry (exponential). */
  backoffMs: number;
  /** THREADLENS_KEEP_COMPLETED / THREADLENS_KEEP_FAILED: finished jobs kept in Redis (removeOnComplete/removeOnFail). */
  keepCompleted: number;
  keepFailed: number;
  /** THREADLENS_WORKER_CONCURRENCY: jobs a worker runs at once (each in its own sandboxed process). */
  concurrency: number;
  /** THREADLENS_LOCK_MS: a job's lock; a worker that dies loses it after this long and the job is retried. */
  lockDurationMs: number;
  /** THREADLENS_STALLED_INTERVAL_MS: how often workers look for jobs whose worker died. */
  stalledIntervalMs: number;
  /** THREADLENS_REDIS_TIMEOUT_MS: how long a producer waits for Redis before failing with a clear error. */
  redisTimeoutMs: number;
  /** THREADLENS_OUT_DIR: where a worker writes reports for jobs that do not name a target. */
  outDir: string | undefined;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export const DEFAULT_PREFIX = 'threadlens';

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new ConfigError(`${name}=${JSON.stringify(raw)}: expected an integer ≥ ${min}`);
  return n;
}

export function queueConfigFromEnv(env: NodeJS.ProcessEnv = process.env): QueueConfig {
  const redisUrl = env.REDIS_URL?.trim() || undefined;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) {
    throw new ConfigError(`REDIS_URL=${JSON.stringify(redisUrl)}: expected redis://[user:password@]host[:port][/db] or rediss://...`);
  }
  const prefix = env.THREADLENS_QUEUE_PREFIX?.trim() || DEFAULT_PREFIX;
  if (!/^[\w.-]+$/.test(prefix)) throw new ConfigError(`THREADLENS_QUEUE_PREFIX=${JSON.stringify(prefix)}: use letters, digits, '.', '_' or '-'`);
  return {
    redisUrl,
    prefix,
    attempts: int(env, 'THREADLENS_JOB_ATTEMPTS', DEFAULT_ATTEMPTS, 1),
    backoffMs: int(env, 'THREADLENS_JOB_BACKOFF_MS', DEFAULT_BACKOFF_MS, 0),
    keepCompleted: int(env, 'THREADLENS_KEEP_COMPLETED', DEFAULT_KEEP_COMPLETED, 0),
    keepFailed: int(env, 'THREADLENS_KEEP_FAILED', DEFAULT_KEEP_FAILED, 0),
    concurrency: int(env, 'THREADLENS_WORKER_CONCURRENCY', 1, 1),
    lockDurationMs: int(env, 'THREADLENS_LOCK_MS', 30_000, 500),
    stalledIntervalMs: int(env, 'THREADLENS_STALLED_INTERVAL_MS', 30_000, 200),
    redisTimeoutMs: int(env, 'THREADLENS_REDIS_TIMEOUT_MS', 5_000, 100),
    outDir: env.THREADLENS_OUT_DIR?.trim() || undefined,
  };
}

/** The URL with its password masked, for messages and logs. */
export function redactRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '<invalid REDIS_URL>';
  }
}
