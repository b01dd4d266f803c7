/**
 * Loopback load test of the reporting API (bounded: fixed duration, fixed rate, 127.0.0.1 only).
 *
 *   npx tsx bench/api-load.ts [--threads 1000] [--rate 500] [--duration 10] [--db pglite|postgres] [--no-cache] [--cache-mb N] [--autocannon] [--json]
 *
 * Seeds N analyzed threads (variants of the seed thread, analyzed and stored exactly as the queue's
 * result sink does), starts the real `threadlens serve` in a child process (so the load generator
 * does not share the server's event loop), then drives GET /v1/threads/:id/report (a random thread
 * per request) and GET /v1/review at a fixed request rate, and prints p50 / p99 latency and the
 * achieved request rate. --db postgres uses DATABASE_URL (or the local server) in a schema of its own,
 * dropped afterwards.
 *
 * Two load generators:
 * - paced (default): open loop, one request every 1/rate seconds whatever the server is doing (a
 *   request due while the previous one is still out goes on another keep-alive socket), latency
 *   measured from the moment the request was due. This is what "p99 at 500 req/s" means: steady
 *   arrivals, and a slow server is charged for the queue it builds.
 * - --autocannon: autocannon with 20 connections and overallRate. It meters the rate per connection
 *   per second, so each second starts with bursts of up to 20 concurrent requests; its latencies show
 *   that burst queue (p50 ≈ half the burst's service time) rather than the latency at a steady rate.
 */
import http from 'node:http';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { decodeInput, parseThread } from '../src/ingest/index.js';
import type { Thread } from '../src/model/index.js';
import { processAnalyzeJob } from '../src/queue/index.js';
import { openPostgres, openStore, quoteIdent, saveAnalysis, type Store } from '../src/store/index.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : def;
};
const THREADS = Number(opt('threads', '1000'));
const RATE = Number(opt('rate', '500'));
const DURATION = Math.min(60, Number(opt('duration', '10')));
const DB = opt('db', 'pglite') as 'pglite' | 'postgres';
const JSON_OUT = args.includes('--json');
const AUTOCANNON = args.includes('--autocannon');
/** --no-cache measures every request reaching the database (the response cache off). */
const CACHE = !args.includes('--no-cache');
/** --cache-mb N passes the server's response-cache budget (default: the server's default). */
const CACHE_MB = args.includes('--cache-mb') ? opt('cache-mb', '') : '';
const log = (s: string) => process.stderr.write(s + '\n');

const seed = parseThread(decodeInput('seed', readFileSync(join(REPO, 'seeds/thread-wnu-russia-rebels.txt'))));
function variant(i: number): Thread {
  // Distinct threads with the seed's comments; every 7th differs in one comment so reports are not all identical.
  const comments = seed.comments.map((c, k) => (k === i % 7 ? { ...c, text: `${c.text}\n\n(edit ${i})` } : c));
  return { thread: { ...seed.thread, id: `bench-${i}`, contentHash: `bench-${i}` }, comments };
}

async function seedStore(store: Store): Promise<{ ids: string[]; key: string }> {
  const t0 = performance.now();
  const ids: string[] = [];
  for (let i = 0; i < THREADS; i++) {
    const thread = variant(i);
    await store.threads.saveSubmission(thread, [], 'bench');
    await saveAnalysis(store.db, processAnalyzeJob({ thread, articles: [] }), { id: `bench-job-${i}` });
    ids.push(thread.thread.id);
  }
  const pending = await store.review.pendingCount();
  log(`seeded ${THREADS} analyzed threads (${pending} pending review items) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { ids, key: (await store.keys.create('admin', 'bench')).secret };
}

function startServer(env: NodeJS.ProcessEnv, extra: string[]): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', '--log', 'silent', '--rate-limit', '0', ...(CACHE ? (CACHE_MB ? ['--cache-mb', CACHE_MB] : []) : ['--cache-mb', '0']), ...extra], {
    cwd: REPO,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  const closed = new Promise<void>((r) => child.on('close', () => r()));
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
      const m = /listening on (http:\/\/\S+)/.exec(err);
      if (m) resolve({ url: m[1]!, stop: async () => void (child.kill('SIGTERM'), await closed) });
    });
    void closed.then(() => reject(new Error(`server exited:\n${err}`)));
  });
}

interface Figures {
  route: string;
  rate: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  reqPerSec: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** Server process CPU time per request (from its /metrics): less sensitive to a busy machine than latency. */
  cpuMsPerRequest: number;
}

async function serverCpuSeconds(url: string, key: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${key}` } })).text();
  const line = text.split('\n').find((l) => l.startsWith('threadlens_process_cpu_seconds_total '));
  return Number(line?.split(' ')[1] ?? NaN);
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Open-loop load: requests start on schedule (every 1000/rate ms), never waiting for earlier ones. */
async function paced(url: string, key: string, path: () => string, seconds: number): Promise<{ latencies: number[]; non2xx: number; errors: number; elapsed: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const base = new URL(url);
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const total = Math.round(RATE * seconds);
  const interval = 1000 / RATE;
  const inflight: Promise<void>[] = [];
  const t0 = performance.now();
  const one = (due: number) =>
    new Promise<void>((resolve) => {
      const req = http.request(
        { agent, host: base.hostname, port: base.port, path: path(), headers: { authorization: `Bearer ${key}`, accept: 'application/json' } },
        (res) => {
          if (res.statusCode! < 200 || res.statusCode! >= 300) non2xx++;
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - due);
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end();
    });
  let sent = 0;
  while (sent < total) {
    const now = performance.now();
    // Send every request that is due (catching up if the timer fired late), then sleep until the next.
    while (sent < total && t0 + sent * interval <= now) {
      inflight.push(one(t0 + sent * interval));
      sent++;
    }
    const wait = t0 + sent * interval - performance.now();
    await new Promise((r) => setTimeout(r, Math.max(0, wait)));
  }
  await Promise.all(inflight);
  const elapsed = (performance.now() - t0) / 1000;
  agent.destroy();
  return { latencies, non2xx, errors, elapsed };
}

async function load(url: string, key: string, route: string, path: () => string): Promise<Figures> {
  if (!AUTOCANNON) {
    await paced(url, key, path, 2); // warm-up (JIT, connection pools, caches), not counted
    const cpu0 = await serverCpuSeconds(url, key);
    const r = await paced(url, key, path, DURATION);
    const cpu1 = await serverCpuSeconds(url, key);
    const sorted = r.latencies.sort((a, b) => a - b);
    const ms = (v: number) => Math.round(v * 10) / 10;
    return {
      route,
      rate: RATE,
      p50: ms(percentile(sorted, 50)),
      p90: ms(percentile(sorted, 90)),
      p99: ms(percentile(sorted, 99)),
      max: ms(sorted[sorted.length - 1] ?? NaN),
      reqPerSec: Math.round(r.latencies.length / r.elapsed),
      requests: r.latencies.length,
      non2xx: r.non2xx,
      errors: r.errors,
      cpuMsPerRequest: Math.round(((cpu1 - cpu0) * 1000 * 100) / Math.max(1, r.latencies.length)) / 100,
    };
  }
  const opts = {
    url,
    connections: 20,
    duration: DURATION,
    overallRate: RATE,
    headers: { authorization: `Bearer ${key}`, accept: 'application/json' },
    requests: [{ method: 'GET' as const, setupRequest: (req: { path?: string }) => ({ ...req, path: path() }) }],
  };
  // A short warm-up (JIT, connection pools, PGlite caches), not counted.
  await autocannon({ ...opts, duration: 2 });
  const cpu0 = await serverCpuSeconds(url, key);
  const r = await autocannon(opts);
  const cpu1 = await serverCpuSeconds(url, key);
  return {
    route,
    rate: RATE,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    max: r.latency.max,
    reqPerSec: Math.round(r.requests.average),
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    cpuMsPerRequest: Math.round(((cpu1 - cpu0) * 1000 * 100) / Math.max(1, r.requests.total)) / 100,
  };
}

async function main(): Promise<void> {
  const pgUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `tl_bench_${process.pid}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'threadlens-bench-'));
  let env: NodeJS.ProcessEnv = { DATABASE_URL: '', REDIS_URL: '' };
  let extra = ['--data-dir', dataDir];
  let store: Store;
  if (DB === 'postgres') {
    const raw = openPostgres(pgUrl, { max: 1 });
    await raw.exec(`CREATE SCHEMA ${quoteIdent(schema)}`);
    await raw.close();
    store = await openStore({ databaseUrl: pgUrl, postgres: { schema } });
    const u = new URL(pgUrl);
    u.searchParams.set('options', `-c search_path=${schema}`);
    env = { DATABASE_URL: u.toString(), REDIS_URL: '' };
    extra = [];
  } else {
    store = await openStore({ dataDir });
  }
  const { ids, key } = await seedStore(store);
  await store.close();

  const server = await startServer(env, extra);
  const figures: Figures[] = [];
  try {
    figures.push(await load(server.url, key, 'GET /v1/threads/:id/report', () => `/v1/threads/${ids[Math.floor(Math.random() * ids.length)]}/report`));
    figures.push(await load(server.url, key, 'GET /v1/review', () => '/v1/review'));
  } finally {
    await server.stop();
    if (DB === 'postgres') {
      const raw = openPostgres(pgUrl, { max: 1 });
      await raw.exec(`DROP SCHEMA ${quoteIdent(schema)} CASCADE`);
      await raw.close();
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (JSON_OUT) {
    process.stdout.write(JSON.stringify({ db: DB, cache: CACHE, generator: AUTOCANNON ? 'autocannon' : 'paced', threads: THREADS, rate: RATE, durationSeconds: DURATION, figures }, null, 2) + '\n');
    return;
  }
  const how = AUTOCANNON ? 'autocannon, 20 connections' : 'paced open-loop arrivals';
  process.stdout.write(`\n${DB}, cache ${CACHE ? 'on' : 'off'}, ${THREADS} analyzed threads, target ${RATE} req/s for ${DURATION} s, ${how} (latency in ms)\n\n`);
  process.stdout.write('| route | p50 | p90 | p99 | max | req/s | server CPU ms/req | non-2xx | errors |\n|---|---|---|---|---|---|---|---|---|\n');
  for (const f of figures) {
    process.stdout.write(`| ${f.route} | ${f.p50} | ${f.p90} | ${f.p99} | ${f.max} | ${f.reqPerSec} | ${f.cpuMsPerRequest} | ${f.non2xx} | ${f.errors} |\n`);
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exitCode = 1;
});
