import { EXIT } from '../exit.js';
import type { CliIO } from '../io.js';

/**
 * Opening the store can fail for reasons that are neither bad input nor a bug: the data directory is
 * in use, Postgres is unreachable, the schema is newer than this build. Say which, plainly.
 */
export function storeFailure(e: unknown, io: CliIO, busyHint = ''): number {
  const err = e as NodeJS.ErrnoException;
  // Queue problems (REDIS_URL unreachable or misconfigured) are reported by main() in their own words.
  if (err.name === 'QueueUnavailableError' || err.name === 'ConfigError') throw e;
  let message: string;
  // By name: importing the classes would load the database drivers into every CLI command.
  if (err.name === 'DataDirBusyError') message = err.message + busyHint;
  else if (err.name === 'MigrationError') message = err.message;
  else if (err.code === 'ECONNREFUSED' || err.code === 'ENOTFOUND' || err.code === 'ETIMEDOUT' || /timeout|connect/i.test(err.message ?? '')) {
    message = `cannot reach the database at DATABASE_URL (${err.message}); check that Postgres is running, or unset DATABASE_URL to use the embedded database`;
  } else throw e;
  io.stderr.write(`threadlens: error: ${message}\n`);
  return EXIT.INTERNAL;
}
