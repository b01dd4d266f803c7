import { join, resolve } from 'node:path';
import type { ResultSink } from '../queue/index.js';
import { saveAnalysis } from './analyses.js';
import { DEFAULT_DATA_DIR } from './defaults.js';
import { ArticleRepo } from './articles.js';
import type { Db } from './db.js';
import { KeyRepo } from './keys.js';
import { migrate } from './migrate.js';
import { openPglite } from './pglite.js';
import { openPostgres, type PostgresOptions } from './postgres.js';
import { ReviewRepo } from './review.js';
import { ThreadRepo } from './threads.js';

/** The repositories over one database. */
export class Store {
  readonly threads: ThreadRepo;
  readonly articles: ArticleRepo;
  readonly review: ReviewRepo;
  readonly keys: KeyRepo;

  private readonly changeListeners = new Set<() => void>();

  constructor(readonly db: Db) {
    this.threads = new ThreadRepo(db);
    this.articles = new ArticleRepo(db);
    this.review = new ReviewRepo(db, () => this.changed());
    this.keys = new KeyRepo(db);
  }

  /**
   * Called synchronously after this process commits a change to analyses or review items (other
   * processes' changes arrive as database notifications; see api/cache.ts).
   */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.changeListeners) l();
  }

  /** The ResultSink the queue calls after each analysis: it stores the analysis as a new version. */
  sink(onSaved?: (r: { threadId: string; version: number; created: boolean }) => void): ResultSink {
    return async (result, job) => {
      const saved = await saveAnalysis(this.db, result, job);
      this.changed();
      onSaved?.(saved);
    };
  }

  /** Readiness: the database answers. */
  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

export interface OpenStoreOptions {
  /** Postgres connection string; when absent the embedded PGlite database in `dataDir` is used. */
  databaseUrl?: string | undefined;
  /** Directory for the embedded database (default `.threadlens` under the cwd); null = in memory. */
  dataDir?: string | null;
  cwd?: string;
  postgres?: PostgresOptions;
}


/**
 * THREADLENS_DB_SCHEMA: the Postgres schema Threadlens keeps its tables in (default: the connection's
 * search_path, normally `public`). Several deployments, or test runs, can share one database this way;
 * `serve` and `worker` read it so both sides of a queue deployment use the same tables.
 */
export function postgresOptionsFromEnv(env: NodeJS.ProcessEnv): { postgres?: PostgresOptions } {
  const schema = env.THREADLENS_DB_SCHEMA?.trim();
  return schema ? { postgres: { schema } } : {};
}

/** Open the store the configuration names and bring its schema up to date. */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const db = options.databaseUrl
    ? openPostgres(options.databaseUrl, options.postgres)
    : await openPglite(options.dataDir === null ? null : join(resolve(options.cwd ?? process.cwd(), options.dataDir ?? DEFAULT_DATA_DIR), 'pglite'));
  try {
    await migrate(db);
  } catch (e) {
    await db.close().catch(() => {});
    throw e;
  }
  return new Store(db);
}
