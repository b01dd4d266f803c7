/**
 * The one database interface the repositories use, over node-postgres (Postgres server) and PGlite
 * (embedded). Both return int8 as number and timestamptz as an ISO string (see the type parsers in
 * postgres.ts / pglite.ts), so repository code never branches on the backend.
 */
export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Several statements separated by semicolons, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** Human-readable location for logs and errors (URL without password, or the data directory). */
  readonly location: string;
  /** Run `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Receive NOTIFYs on `channel` (from this process or any other using the database). `onLost` is
   * called when delivery can no longer be trusted (connection dropped); the listener reconnects itself
   * and calls `onMessage('')` once it is back, so the caller can resynchronise.
   */
  listen(channel: string, onMessage: (payload: string) => void, onLost?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Postgres type OIDs we parse ourselves. */
export const OID = { int8: 20, timestamptz: 1184, timestamp: 1114 } as const;

export const parseInt8 = (s: string): number => {
  const n = Number(s);
  if (!Number.isSafeInteger(n)) throw new Error(`int8 value ${s} is too large for a JavaScript number`);
  return n;
};

/** Postgres prints timestamptz as "2026-11-22 04:33:45.349+00"; Date parses it; we hand out ISO strings. */
export const parseTimestamp = (s: string): string => new Date(s.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')).toISOString();

/** SQLSTATE codes the repositories react to. */
export const SQLSTATE = { uniqueViolation: '23505', raiseException: 'P0001' } as const;

export function sqlState(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof (e as { code: unknown }).code === 'string' ? (e as { code: string }).code : undefined;
}
