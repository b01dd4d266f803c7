import { InvalidArgumentError, Option, type Command } from 'commander';
import { DEFAULT_BODY_LIMIT, DEFAULT_CACHE_BYTES, DEFAULT_DATA_DIR, DEFAULT_RATE_LIMIT } from '../../api/defaults.js';
import { EXIT } from '../exit.js';
import type { CliIO } from '../io.js';
import { byteSize } from '../options.js';
import { storeFailure } from './store-errors.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number 0-65535');
  return n;
}

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return n;
}

export function registerServe(program: Command, io: CliIO, setExit: (code: number) => void, stop: () => Promise<unknown> = shutdownSignal): void {
  program
    .command('serve')
    .description('start the reporting and review API (embedded database and queue unless DATABASE_URL / REDIS_URL are set)')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <n>', 'port (0: any free port)', port, 8080)
    .option('--data-dir <dir>', 'embedded database directory (ignored when DATABASE_URL is set)', DEFAULT_DATA_DIR)
    .option('--max-body <size>', 'largest request body accepted (413 above it)', byteSize, DEFAULT_BODY_LIMIT)
    .option('--rate-limit <n>', 'requests per minute per API key (0: no limit)', count, DEFAULT_RATE_LIMIT.max)
    .option('--cache-mb <n>', 'memory for cached review pages and reports (0: no cache)', count, DEFAULT_CACHE_BYTES / 1024 / 1024)
    .option('--cors-origin <origins...>', 'browser origins allowed to call the API (CORS is off unless given)')
    .addOption(new Option('--log <level>', 'request log level (JSON lines on stderr)').choices(LOG_LEVELS).default('info'))
    .action(async (opts: { host: string; port: number; dataDir: string; maxBody: number; rateLimit: number; cacheMb: number; corsOrigin?: string[]; log: string }) => {
      const warn = (m: string) => io.stderr.write(`threadlens: warning: ${m}\n`);
      const databaseUrl = io.env.DATABASE_URL || undefined;
      // Loaded here, not at the top: other commands should not pay for fastify and the database drivers.
      const { listen, openDeps } = await import('../../api/index.js');
      const { redact } = await import('../../store/index.js');
      let deps;
      try {
        deps = await openDeps({ databaseUrl, dataDir: opts.dataDir, cwd: io.cwd, env: io.env, warn });
      } catch (e) {
        return setExit(storeFailure(e, io));
      }
      try {
        const server = await listen(
          {
            ...deps,
            bodyLimit: opts.maxBody,
            rateLimit: opts.rateLimit === 0 ? false : { max: opts.rateLimit, timeWindowMs: 60_000 },
            cacheBytes: opts.cacheMb * 1024 * 1024,
            ...(opts.corsOrigin ? { corsOrigins: opts.corsOrigin } : {}),
          },
          { host: opts.host, port: opts.port, logger: opts.log === 'silent' ? false : { level: opts.log, stream: io.stderr } },
        );
        const where = databaseUrl ? `postgres ${redact(databaseUrl)}` : `pglite in ${deps.store.db.location}`;
        io.stderr.write(`threadlens: listening on ${server.url} (database: ${where}; queue: ${deps.queue.driver}; docs: ${server.url}/docs)\n`);
        await stop();
        io.stderr.write('threadlens: shutting down\n');
        await server.close();
      } finally {
        await deps.close();
      }
      setExit(EXIT.OK);
    });
}

/** Resolves on the first SIGINT or SIGTERM (then in-flight requests finish and the stores close). */
function shutdownSignal(): Promise<string> {
  return new Promise((resolve) => {
    const on = (sig: string) => () => {
      process.off('SIGINT', int);
      process.off('SIGTERM', term);
      resolve(sig);
    };
    const int = on('SIGINT');
    const term = on('SIGTERM');
    process.once('SIGINT', int);
    process.once('SIGTERM', term);
  });
}
