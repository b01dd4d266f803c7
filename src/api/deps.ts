import { ConfigError, createQueue, queueConfigFromEnv, type AnalysisQueue, type ResultSink } from '../queue/index.js';
import { openStore, postgresOptionsFromEnv, type Store } from '../store/index.js';
import { Metrics } from './metrics.js';
import { submitThread } from './submit.js';

export interface DepsOptions {
  /** Postgres connection string (DATABASE_URL); absent → embedded PGlite in dataDir. */
  databaseUrl?: string | undefined;
  dataDir?: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Where to say things a human operator should know (e.g. an unsupported REDIS_URL). */
  warn?: (message: string) => void;
}

export interface Deps {
  store: Store;
  queue: AnalysisQueue;
  metrics: Metrics;
  close(): Promise<void>;
}

/**
 * The queue for `serve`: BullMQ when REDIS_URL is set (jobs run in `threadlens worker` processes, which
 * write analyses to the same Postgres), the in-process driver otherwise (jobs run here, into `sink`).
 * Routes only see the AnalysisQueue contract.
 */
export async function makeQueue(sink: ResultSink, env: NodeJS.ProcessEnv, databaseUrl: string | undefined): Promise<AnalysisQueue> {
  const config = queueConfigFromEnv(env);
  if (config.redisUrl && !databaseUrl) {
    throw new ConfigError(
      'REDIS_URL is set but DATABASE_URL is not: queue workers run in other processes and write analyses to the database, ' +
        'so they need a shared Postgres (the embedded database is single-process). Set DATABASE_URL, or unset REDIS_URL.',
    );
  }
  return createQueue(config, { sink });
}

/** Open the store, build the queue around a sink into it, and re-queue work an earlier run left unfinished. */
export async function openDeps(options: DepsOptions = {}): Promise<Deps> {
  const env = options.env ?? process.env;
  const warn = options.warn ?? (() => {});
  const store = await openStore({
    databaseUrl: options.databaseUrl,
    ...postgresOptionsFromEnv(env),
    ...(options.dataDir !== undefined ? { dataDir: options.dataDir } : {}),
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
  });
  let metrics: Metrics | undefined;
  let queue: AnalysisQueue;
  try {
    queue = await makeQueue(store.sink((saved) => saved.created && metrics?.stored.inc()), env, options.databaseUrl);
  } catch (e) {
    await store.close();
    throw e;
  }
  metrics = new Metrics({ queue, pendingReview: () => store.review.pendingCount() });
  if (queue.driver === 'in-process') await requeueUnfinished(store, queue, warn);
  return {
    store,
    queue,
    metrics,
    async close() {
      await queue.close();
      await store.close();
    },
  };
}

/** The in-process queue forgets its jobs when the process stops; the store remembers which were pending. */
async function requeueUnfinished(store: Store, queue: AnalysisQueue, warn: (m: string) => void): Promise<void> {
  const pending = await store.threads.unfinished();
  for (const { id } of pending) {
    const thread = await store.threads.load(id);
    if (!thread) continue;
    await submitThread(store, queue, { thread, articles: [], articleIds: await store.threads.articleIds(id), submittedBy: null, reanalyze: true });
  }
  if (pending.length) warn(`re-queued ${pending.length} thread(s) whose analysis had not finished before the last stop`);
}
