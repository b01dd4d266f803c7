import { composeSinks, outputDirSink } from './sinks.js';
import type { ResultSink } from './types.js';

/**
 * What a sandboxed processor needs to build its dependencies. The worker process passes it through
 * the environment (THREADLENS_SANDBOX_CONFIG), since BullMQ starts the sandbox by file path.
 */
export interface SandboxConfig {
  redisUrl: string;
  prefix: string;
  /** Default report directory (`threadlens worker --out`), for jobs that do not name a target. */
  outDir?: string | undefined;
  /** DATABASE_URL: deliver every analysis to the store too (what `serve` reads). */
  databaseUrl?: string | undefined;
  /** THREADLENS_DB_SCHEMA for that database. */
  dbSchema?: string | undefined;
}

export const SANDBOX_ENV = 'THREADLENS_SANDBOX_CONFIG';

export function readSandboxConfig(env: NodeJS.ProcessEnv = process.env): SandboxConfig {
  const raw = env[SANDBOX_ENV];
  if (!raw) throw new Error(`${SANDBOX_ENV} is not set: the analyze processor must be started by a threadlens worker`);
  return JSON.parse(raw) as SandboxConfig;
}

/**
 * The sinks a worker delivers reports to: the job's output directory (ingest --out / worker --out),
 * and the store when DATABASE_URL is set, so `serve` sees analyses its queue's workers produced.
 */
export function buildWorkerSink(config: SandboxConfig): ResultSink {
  return composeSinks(outputDirSink({ defaultDir: config.outDir }), config.databaseUrl ? lazyStoreSink(config.databaseUrl, config.dbSchema) : undefined);
}

/**
 * The store opens (and migrates) on the first delivery, not at sandbox start, so a worker that only
 * writes files never needs a database. Loaded lazily: the database drivers are not needed otherwise.
 */
function lazyStoreSink(databaseUrl: string, schema: string | undefined): ResultSink {
  let sink: Promise<ResultSink> | undefined;
  return async (result, job, payload) => {
    sink ??= import('../store/index.js')
      .then(({ openStore }) => openStore({ databaseUrl, ...(schema ? { postgres: { schema } } : {}) }))
      .then((store) => store.sink());
    // A failed open is retried on the next job rather than cached.
    const s = await sink.catch((e: unknown) => {
      sink = undefined;
      throw e;
    });
    return s(result, job, payload);
  };
}
