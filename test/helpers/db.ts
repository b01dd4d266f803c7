import { randomBytes } from 'node:crypto';
import { migrate, openPglite, openPostgres, quoteIdent, redact, Store, type Db } from '../../src/store/index.js';

/** The Postgres the tests use: DATABASE_URL, else the local server this machine runs. */
export const POSTGRES_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

export const BACKENDS = ['pglite', 'postgres'] as const;
export type Backend = (typeof BACKENDS)[number];

export interface TestDb {
  backend: Backend;
  /** Opens another connection to the same database (Postgres) or returns the same one (PGlite). */
  connect(): Db;
  db: Db;
  store: Store;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or a Postgres schema of its own
 * (dropped again by close()), so runs never see each other's rows. An unreachable Postgres fails the
 * test with instructions rather than skipping it.
 */
export async function openTestDb(backend: Backend): Promise<TestDb> {
  if (backend === 'pglite') {
    const db = await openPglite(null);
    await migrate(db);
    return { backend, db, connect: () => db, store: new Store(db), close: () => db.close() };
  }
  const admin = openPostgres(POSTGRES_URL, { max: 1, connectTimeoutMs: 3000 });
  const schema = `tl_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  try {
    await admin.exec(`CREATE SCHEMA ${quoteIdent(schema)}`);
  } catch (e) {
    await admin.close().catch(() => {});
    throw new Error(
      `the Postgres tests need a Postgres server: could not use ${redact(POSTGRES_URL)} (${(e as Error).message}). ` +
        'Start the local one (pg_ctlcluster 15 main start) or set DATABASE_URL to a database where this user may create schemas.',
    );
  }
  const opened: Db[] = [];
  const connect = () => {
    const db = openPostgres(POSTGRES_URL, { schema, max: 4 });
    opened.push(db);
    return db;
  };
  const db = connect();
  await migrate(db);
  return {
    backend,
    db,
    connect,
    store: new Store(db),
    async close() {
      await Promise.all(opened.map((d) => d.close().catch(() => {})));
      await admin.exec(`DROP SCHEMA ${quoteIdent(schema)} CASCADE`);
      await admin.close();
    },
  };
}
