import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { OID, parseInt8, parseTimestamp, type Db, type Queryable } from './db.js';
import { lockDataDir } from './lock.js';

/**
 * The embedded database: Postgres compiled to WebAssembly, persisted in `dir` (or in memory when
 * `dir` is null). One process at a time: the directory is locked while open.
 */
export async function openPglite(dir: string | null): Promise<Db> {
  let unlock = async () => {};
  if (dir !== null) {
    await mkdir(dir, { recursive: true });
    unlock = await lockDataDir(dir);
  }
  let pg: PGlite;
  try {
    pg = await PGlite.create(dir ?? 'memory://', {
      parsers: {
        [OID.int8]: parseInt8,
        [OID.timestamptz]: parseTimestamp,
        [OID.timestamp]: parseTimestamp,
      },
    });
  } catch (e) {
    await unlock();
    throw e;
  }
  const q = (c: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<R>(sql: string, params: readonly unknown[] = []) {
      return (await c.query<R>(sql, params as unknown[])).rows;
    },
    async exec(sql: string) {
      await c.exec(sql);
    },
  });
  return {
    kind: 'pglite',
    location: dir ?? 'memory',
    ...q(pg),
    // PGlite has one connection; its transaction() holds a mutex, so queries from other callers wait
    // until the transaction ends instead of running inside it.
    transaction: (fn) => pg.transaction((tx) => fn(q(tx))),
    // One process, one connection: notifications cannot be lost, so onLost is never called.
    listen: async (channel, onMessage) => {
      const stop = await pg.listen(channel, onMessage);
      return async () => stop();
    },
    async close() {
      try {
        await pg.close();
      } finally {
        await unlock();
      }
    },
  };
}
