import { Redis, type RedisOptions } from 'ioredis';
import { redactRedisUrl } from './config.js';

/**
 * Redis is down or unreachable. Producers get this at once (no silent offline queue that would lose
 * jobs when the process exits); the message says which Redis and what to do.
 */
export class QueueUnavailableError extends Error {
  override readonly name = 'QueueUnavailableError';
  constructor(
    readonly redisUrl: string,
    readonly reason: string,
    action = 'the job was not enqueued',
  ) {
    super(
      `Redis at ${redactRedisUrl(redisUrl)} is unreachable (${reason}): ${action}. ` +
        'Start Redis (e.g. `redis-server` or `docker compose up -d redis`) or unset REDIS_URL to use the in-process queue.',
    );
  }
}

export function isQueueUnavailable(e: unknown): e is QueueUnavailableError {
  return e instanceof QueueUnavailableError;
}

/**
 * Producer connection: no offline queue and one try per command, so a command fails at once while
 * Redis is down instead of waiting forever; ioredis keeps reconnecting in the background, so the
 * next command after Redis comes back succeeds.
 */
export function producerConnection(url: string, timeoutMs: number): Redis {
  const options: RedisOptions = {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: timeoutMs,
    lazyConnect: true,
    retryStrategy: (times) => Math.min(200 * times, 2000),
  };
  const client = new Redis(url, options);
  // Errors surface through the commands that fail; an 'error' listener keeps ioredis from printing them.
  client.on('error', (e: Error) => {
    lastError.set(client, e.message);
  });
  return client;
}

const lastError = new WeakMap<Redis, string>();

/** Why the client cannot talk to Redis right now ("ECONNREFUSED 127.0.0.1:6390", "not connected"). */
export function connectionProblem(client: Redis): string {
  return lastError.get(client) ?? `connection ${client.status}`;
}

/** Connect (or check the connection) within `timeoutMs`, else throw QueueUnavailableError. */
export async function ensureConnected(client: Redis, url: string, timeoutMs: number, action?: string): Promise<void> {
  if (client.status === 'ready') return;
  const attempt = client.status === 'wait' ? client.connect() : new Promise<void>((resolve) => client.once('ready', () => resolve()));
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      attempt,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new QueueUnavailableError(url, connectionProblem(client), action)), timeoutMs);
      }),
    ]);
  } catch (e) {
    if (e instanceof QueueUnavailableError) throw e;
    // connect() rejects with a generic "Connection is closed"; the error event said why (ECONNREFUSED ...).
    throw new QueueUnavailableError(url, lastError.get(client) ?? (e as Error).message, action);
  } finally {
    clearTimeout(timer);
  }
}

/** Options for BullMQ workers and event listeners: commands wait for Redis to come back (BullMQ requires null). */
export function workerConnectionOptions(url: string): { url: string; maxRetriesPerRequest: null } {
  return { url, maxRetriesPerRequest: null };
}
