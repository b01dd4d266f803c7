import type { AddressInfo } from 'node:net';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createApp, Metrics, type AppDeps } from '../../src/api/index.js';
import type { Role } from '../../src/model/index.js';
import { InProcessQueue, processAnalyzeJob, type AnalyzeJobPayload, type AnalyzeJobResult } from '../../src/queue/index.js';
import { openTestDb, type Backend, type TestDb } from './db.js';

export interface TestApi {
  app: FastifyInstance;
  db: TestDb;
  queue: InProcessQueue;
  keys: Record<Role, string>;
  /** The server's base URL (http transport), or '' for inject. */
  url: string;
  /** inject() with the key of `role` (or no key when role is null). */
  as(role: Role | null, opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export type Transport = 'inject' | 'http';

/** Backend × transport pairs the route suites run on: every backend, and both ways of calling. */
export const COMBINATIONS: readonly (readonly [Backend, Transport])[] = [
  ['pglite', 'inject'],
  ['postgres', 'http'],
];

export interface TestApiOptions extends Partial<Omit<AppDeps, 'store' | 'queue'>> {
  /** inject(): in-process, no socket; http: a real server on a loopback port, called with fetch(). */
  transport?: Transport;
  /** Replace the analysis (e.g. simulate a rules change); threads whose id starts with "poison" always fail. */
  processor?: (payload: AnalyzeJobPayload) => AnalyzeJobResult;
}

/**
 * The API over a real database (PGlite or a Postgres schema of its own) and the in-process queue,
 * with one key per role. Rate limiting is off unless a test turns it on.
 */
export async function startTestApi(backend: Backend, options: TestApiOptions = {}): Promise<TestApi> {
  const db = await openTestDb(backend);
  let metrics: Metrics | undefined;
  const queue = new InProcessQueue({
    attempts: 1,
    sink: db.store.sink((saved) => saved.created && metrics?.stored.inc()),
    processor: (p) => {
      if (p.thread.thread.id.startsWith('poison')) throw new Error('analyzer exploded on purpose');
      return (options.processor ?? processAnalyzeJob)(p);
    },
  });
  const { processor: _p, transport = 'inject', ...rest } = options;
  metrics = new Metrics({ queue, pendingReview: () => db.store.review.pendingCount() });
  const app = await createApp({
    store: db.store,
    queue,
    metrics,
    rateLimit: false,
    ...rest,
  });
  const keys = {} as Record<Role, string>;
  for (const role of ['admin', 'moderator', 'ingest', 'reader'] as const) keys[role] = (await db.store.keys.create(role, `${role}-tester`)).secret;
  let base = '';
  if (transport === 'http') {
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  }
  return {
    app,
    db,
    queue,
    keys,
    url: base,
    as(role, opts) {
      const withKey = { ...opts, headers: { ...(role ? { authorization: `Bearer ${keys[role]}` } : {}), ...(opts.headers ?? {}) } };
      return transport === 'http' ? viaHttp(base, withKey) : app.inject(withKey);
    },
    async close() {
      await app.close();
      await queue.close();
      await db.close();
    },
  };
}

/** Wait until the thread's latest job is done (or failed), polling the API as a client would. */
export async function waitForThread(api: TestApi, threadId: string, want: 'done' | 'failed' = 'done'): Promise<Record<string, unknown>> {
  for (let i = 0; i < 200; i++) {
    const r = await api.as('reader', { url: `/v1/threads/${threadId}` });
    const body = r.json() as { status: string };
    if (body.status === want) return body;
    if (body.status === 'failed' && want === 'done') throw new Error(`thread ${threadId} failed: ${JSON.stringify(body)}`);
    await new Promise((res) => setTimeout(res, 25));
  }
  throw new Error(`thread ${threadId} did not reach ${want}`);
}

/** Every 4xx/5xx body has exactly this shape. */
export function expectErrorShape(body: unknown): { code: string; message: string; details?: Record<string, unknown> } {
  const b = body as { error?: { code?: unknown; message?: unknown } };
  if (!b || typeof b !== 'object' || !b.error || typeof b.error.code !== 'string' || typeof b.error.message !== 'string') {
    throw new Error(`not the error shape: ${JSON.stringify(body)}`);
  }
  const keys = Object.keys(b.error).sort();
  if (!['code,message', 'code,details,message'].includes(keys.join(','))) throw new Error(`unexpected error fields: ${keys.join(',')}`);
  if (Object.keys(b).length !== 1) throw new Error(`unexpected top-level fields: ${Object.keys(b).join(',')}`);
  return b.error as { code: string; message: string; details?: Record<string, unknown> };
}

/** The same request over a real socket, answered in inject()'s response shape. */
async function viaHttp(base: string, opts: InjectOptions): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(opts.headers ?? {})) if (v !== undefined) headers[k.toLowerCase()] = String(v);
  let body: string | Buffer | undefined;
  const p = opts.payload;
  if (p !== undefined) {
    if (typeof p === 'string' || Buffer.isBuffer(p)) body = p as string | Buffer;
    else {
      body = JSON.stringify(p);
      headers['content-type'] ??= 'application/json';
    }
  }
  const res = await fetch(base + (opts.url as string), { method: opts.method ?? 'GET', headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  const outHeaders: Record<string, string> = {};
  res.headers.forEach((v, k) => (outHeaders[k] = v));
  return {
    statusCode: res.status,
    headers: outHeaders,
    body: text,
    payload: text,
    json: () => JSON.parse(text),
  } as unknown as LightMyRequestResponse;
}
