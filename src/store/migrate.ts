import { createHash } from 'node:crypto';
import type { Db } from './db.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

export interface MigrationResult {
  /** Versions applied by this call (empty when the schema was already current). */
  applied: number[];
  current: number;
}

const checksum = (m: Migration) => createHash('sha256').update(m.sql).digest('hex').slice(0, 16);

/**
 * Bring the schema up to date. Safe to run at every start and from several processes at once: one
 * transaction holds an advisory lock (per schema) while it reads `schema_migrations` and applies what
 * is missing, so concurrent starters wait and then find nothing left to do. A failing migration
 * rolls back whole (Postgres DDL is transactional).
 */
export async function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrationResult> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(7212, hashtext(current_schema()))`);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const rows = await tx.query<{ version: number; name: string; checksum: string }>(
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
    );
    const known = new Map(migrations.map((m) => [m.version, m] as const));
    const newest = Math.max(0, ...migrations.map((m) => m.version));
    for (const r of rows) {
      const m = known.get(r.version);
      if (!m) {
        throw new MigrationError(
          `the database has migration ${r.version} (${r.name}), which this threadlens does not know (it knows up to ${newest}); upgrade threadlens`,
        );
      }
      if (checksum(m) !== r.checksum) {
        throw new MigrationError(`migration ${r.version} (${r.name}) was changed after it was applied; add a new migration instead`);
      }
    }
    const done = new Set(rows.map((r) => r.version));
    const applied: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, checksum(m)]);
      applied.push(m.version);
    }
    return { applied, current: newest };
  });
}
