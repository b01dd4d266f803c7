#!/usr/bin/env node
/*
 * Worker process entry point (the Docker image's `worker` service runs this, as does `threadlens
 * worker`): configuration from the environment (see README, "Configuration"), JSON log lines on
 * stdout, graceful shutdown on SIGINT/SIGTERM. The analysis itself runs in sandboxed processes
 * (src/queue/sandbox-processor.ts) that BullMQ forks.
 */
import { queueConfigFromEnv, runWorkerUntilSignal, workerOptionsFromEnv } from '../src/queue/index.js';

const config = queueConfigFromEnv(process.env);
if (!config.redisUrl) {
  process.stderr.write('workers/analyze: REDIS_URL is not set (e.g. redis://redis:6379)\n');
  process.exit(2);
}
runWorkerUntilSignal(config, {
  ...workerOptionsFromEnv(process.env),
  log: (event) => process.stdout.write(JSON.stringify({ time: new Date().toISOString(), ...event }) + '\n'),
}).then(
  (code) => (process.exitCode = code),
  (e: Error) => {
    process.stderr.write(`workers/analyze: ${e.message}\n`);
    process.exitCode = 3;
  },
);
