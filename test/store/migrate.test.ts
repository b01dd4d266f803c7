import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS, MigrationError } from '../../src/store/index.js';
import { BACKENDS, openTestDb, type TestDb } from '../helpers/db.js';

describe.each(BACKENDS)('migrations (%s)', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(backend);
  });
  afterAll(async () => t?.close());

  it('records each applied migration once and applies nothing the second time', async () => {
    expect(await migrate(t.db)).toEqual({ applied: [], current: MIGRATIONS.length });
    const rows = await t.db.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
  });

  it('is safe for concurrent starters', async () => {
    const others = [t.connect(), t.connect(), t.connect()];
    const results = await Promise.all(others.map((db) => migrate(db)));
    expect(results.every((r) => r.applied.length === 0)).toBe(true);
    const [n] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
    expect(n!.n).toBe(MIGRATIONS.length);
  });

  it('applies a new migration once even when several starters race for it', async () => {
    const next = [...MIGRATIONS, { version: 999, name: 'test-extra', sql: 'CREATE TABLE test_extra (x int)' }];
    const results = await Promise.all([t.connect(), t.connect(), t.db].map((db) => migrate(db, next)));
    expect(results.map((r) => r.applied).flat()).toEqual([999]);
    expect(await t.db.query('SELECT * FROM test_extra')).toEqual([]);
    await t.db.exec('DELETE FROM schema_migrations WHERE version = 999; DROP TABLE test_extra');
  });

  it('refuses a migration edited after it was applied, and a database newer than the code', async () => {
    const edited = MIGRATIONS.map((m) => (m.version === 1 ? { ...m, sql: m.sql + '\n-- edited' } : m));
    await expect(migrate(t.db, edited)).rejects.toThrow(MigrationError);
    await expect(migrate(t.db, edited)).rejects.toThrow('was changed after it was applied');
    await expect(migrate(t.db, [])).rejects.toThrow('which this threadlens does not know');
  });

  it('rolls a failing migration back whole', async () => {
    const bad = [...MIGRATIONS, { version: 998, name: 'broken', sql: 'CREATE TABLE half_done (x int); SELECT no_such_function()' }];
    await expect(migrate(t.db, bad)).rejects.toThrow(/no_such_function/);
    const tables = await t.db.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done' AND table_schema = current_schema()");
    expect(tables).toEqual([]);
    const [n] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations WHERE version = 998');
    expect(n!.n).toBe(0);
  });
});
