#!/usr/bin/env node
/*
 * Container health check for a worker (it has no port): healthy while the worker keeps touching
 * THREADLENS_HEALTH_FILE, which it does every 5 s while it runs and Redis answers its PING.
 * Exit 0 healthy, 1 unhealthy (with the reason on stderr, shown by `docker inspect`).
 */
import { statSync } from 'node:fs';

const file = process.env.THREADLENS_HEALTH_FILE || '/tmp/threadlens-worker.health';
const maxAgeMs = Number(process.env.THREADLENS_HEALTH_MAX_AGE_MS) || 30_000;
try {
  const age = Date.now() - statSync(file).mtimeMs;
  if (age > maxAgeMs) {
    process.stderr.write(`unhealthy: ${file} is ${Math.round(age / 1000)} s old (worker stopped, or Redis unreachable)\n`);
    process.exit(1);
  }
} catch {
  process.stderr.write(`unhealthy: ${file} does not exist yet (worker starting, or THREADLENS_HEALTH_FILE differs)\n`);
  process.exit(1);
}
