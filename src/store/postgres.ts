import pg from 'pg';
import { OID, parseInt8, parseTimestamp, type Db, type Queryable } from './db.js';

export interface PostgresOptions {
  /** Use this schema (search_path) instead of `public`: tests give each run its own. */
  schema?: string;
  max?: number;
  /** Fail a connection attempt after this long instead of hanging (ms). */
  connectTimeoutMs?: number;
}

const types = {
  getTypeParser(oid: number, format?: string) {
    if (oid === OID.int8) return parseInt8;
    if (oid === OID.timestamptz || oid === OID.timestamp) return parseTimestamp;
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

/** A pool to a Postgres server; `DATABASE_URL` style connection string. */
export function openPostgres(url: string, options: PostgresOptions = {}): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    types,
    ...(options.schema ? { options: `-c search_path=${quoteIdent(options.schema)}` } : {}),
  });
  // An idle client losing its connection (server restart) must not crash the process; the next
  // query gets a fresh connection or a clear error.
  pool.on('error', () => {});
  const q = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<R>(sql: string, params: readonly unknown[] = []) {
      return (await c.query(sql, params as unknown[])).rows as R[];
    },
    async exec(sql: string) {
      await c.query(sql);
    },
  });
  return {
    kind: 'postgres',
    location: redact(url) + (options.schema ? ` (schema ${options.schema})` : ''),
    ...q(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(q(client));
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    listen: (channel, onMessage, onLost) => listenPostgres(url, options, channel, onMessage, onLost),
    async close() {
      await pool.end();
    },
  };
}

/**
 * LISTEN on a dedicated connection (a pooled one would be handed to other queries). If it drops,
 * report the loss, retry every few seconds, and signal once it is back.
 */
async function listenPostgres(
  url: string,
  options: PostgresOptions,
  channel: string,
  onMessage: (payload: string) => void,
  onLost?: () => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      ...(options.schema ? { options: `-c search_path=${quoteIdent(options.schema)}` } : {}),
    });
    c.on('notification', (n) => onMessage(n.payload ?? ''));
    const lost = () => {
      if (stopped || client !== c) return;
      client = null;
      onLost?.();
      retry = setTimeout(() => void reconnect(), 3000);
    };
    c.on('error', lost);
    c.on('end', lost);
    await c.connect();
    await c.query(`LISTEN ${quoteIdent(channel)}`);
    client = c;
  };
  const reconnect = async () => {
    if (stopped) return;
    try {
      await connect();
      onMessage('');
    } catch {
      retry = setTimeout(() => void reconnect(), 3000);
    }
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => {});
  };
}

export function quoteIdent(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '<unparseable DATABASE_URL>';
  }
}
