import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { tempDir } from './paths.js';

/*
 * Real Redis for queue tests. Order: REDIS_URL if reachable, then 127.0.0.1:6379, then a private
 * `redis-server` from PATH on a free port. Without any of them the tests fail and say how to get one
 * (they are never skipped). Each test uses its own key prefix and deletes its keys afterwards.
 */

async function reachable(url: string): Promise<boolean> {
  const c = new Redis(url, { lazyConnect: true, connectTimeout: 700, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  c.on('error', () => {});
  try {
    await c.connect();
    return (await c.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    c.disconnect();
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface OwnRedis {
  url: string;
  port: number;
  dir: string;
  /** SIGKILL the server (a crash: only what AOF already has survives). */
  kill(): Promise<void>;
  /** Start it again on the same port and data directory. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Start a private redis-server; `persistent` turns on AOF with fsync on every write, so a restart keeps everything. */
export async function startOwnRedis(opts: { persistent?: boolean } = {}): Promise<OwnRedis> {
  if (spawnSync('redis-server', ['--version']).status !== 0) {
    throw new Error('redis-server is not on PATH: install Redis (apt-get install redis-server / brew install redis) or set REDIS_URL to a running Redis');
  }
  const port = await freePort();
  const dir = await tempDir('redis');
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--maxmemory-policy', 'noeviction'];
  if (opts.persistent) args.push('--appendonly', 'yes', '--appendfsync', 'always');
  else args.push('--appendonly', 'no');
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn('redis-server', args, { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      if (await reachable(url)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`redis-server did not start on port ${port}`);
  };
  const kill = async () => {
    const c = child;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((r) => {
      c.once('exit', () => r());
      c.kill('SIGKILL');
    });
  };
  await start();
  return { url, port, dir, start, kill, stop: kill };
}

let shared: Promise<string> | undefined;
let own: OwnRedis | undefined;

/** A reachable Redis URL for this test file. */
export function redisUrl(): Promise<string> {
  return (shared ??= (async () => {
    const candidates = [process.env.REDIS_URL, 'redis://127.0.0.1:6379'].filter((u): u is string => !!u);
    for (const u of candidates) if (await reachable(u)) return u;
    own = await startOwnRedis();
    return own.url;
  })());
}

/** Stop a redis-server this file started (call from afterAll). */
export async function stopOwnRedis(): Promise<void> {
  await own?.stop();
}

export function uniquePrefix(name: string): string {
  return `tltest-${name}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** Delete every key under `prefix`. */
export async function deletePrefix(url: string, prefix: string): Promise<void> {
  const c = new Redis(url, { maxRetriesPerRequest: 1 });
  c.on('error', () => {});
  try {
    let cursor = '0';
    do {
      const [next, keys] = await c.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await c.del(...keys);
    } while (cursor !== '0');
  } finally {
    c.disconnect();
  }
}
