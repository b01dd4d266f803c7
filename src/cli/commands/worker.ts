import { resolve } from 'node:path';
import type { Command } from 'commander';
import { queueConfigFromEnv, runWorkerUntilSignal, workerOptionsFromEnv } from '../../queue/index.js';
import { UsageError } from '../exit.js';
import type { CliIO } from '../io.js';
import { positiveInt } from '../options.js';

export function registerWorker(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('worker')
    .description('run a queue worker: analyze jobs from Redis (REDIS_URL) until SIGINT/SIGTERM; logs JSON lines')
    .option('--concurrency <n>', 'jobs at once, each in its own sandboxed process (default: THREADLENS_WORKER_CONCURRENCY or 1)', positiveInt)
    .option('--out <dir>', 'write reports of jobs that do not name a target here (default: THREADLENS_OUT_DIR)')
    .option('--shutdown-timeout <ms>', 'on SIGINT/SIGTERM, wait this long for active jobs before leaving them to another worker (default: THREADLENS_SHUTDOWN_TIMEOUT_MS or 60000)', positiveInt)
    .action(async (opts: { concurrency?: number; out?: string; shutdownTimeout?: number }) => {
      const config = queueConfigFromEnv(io.env);
      if (!config.redisUrl) {
        throw new UsageError('threadlens worker needs REDIS_URL (e.g. redis://127.0.0.1:6379); without Redis, `threadlens ingest` runs the jobs itself');
      }
      const code = await runWorkerUntilSignal(config, {
        ...workerOptionsFromEnv(io.env),
        ...(opts.concurrency ? { concurrency: opts.concurrency } : {}),
        outDir: opts.out ? resolve(io.cwd, opts.out) : config.outDir,
        ...(opts.shutdownTimeout ? { shutdownTimeoutMs: opts.shutdownTimeout } : {}),
        log: (event) => io.stdout.write(JSON.stringify({ time: new Date().toISOString(), ...event }) + '\n'),
      });
      setExit(code);
    });
}
