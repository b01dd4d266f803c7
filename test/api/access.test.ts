import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/model/index.js';
import { expectErrorShape, startTestApi, waitForThread, type TestApi } from '../helpers/api.js';
import { seedThread } from '../helpers/seed.js';
import { seedVariant } from '../helpers/threads.js';

interface RouteCase {
  method: 'GET' | 'POST';
  /** The path as the OpenAPI document writes it. */
  path: string;
  roles: readonly Role[] | 'public';
  ok: number;
  /** A valid request for this route (fresh per call, since some calls change state). */
  request(api: TestApi): Promise<{ url: string; payload?: unknown; headers?: Record<string, string> }>;
}

const threadId = seedThread().thread.id;
let variant = 0;

/** Every route of the API with the roles it allows. A route missing here fails the coverage test. */
const ROUTES: RouteCase[] = [
  { method: 'GET', path: '/health', roles: 'public', ok: 200, request: async () => ({ url: '/health' }) },
  { method: 'GET', path: '/ready', roles: 'public', ok: 200, request: async () => ({ url: '/ready' }) },
  { method: 'GET', path: '/metrics', roles: ['admin', 'reader'], ok: 200, request: async () => ({ url: '/metrics' }) },
  {
    method: 'POST',
    path: '/v1/threads',
    roles: ['admin', 'ingest'],
    ok: 202,
    request: async () => ({ url: '/v1/threads', payload: seedVariant(`access-${++variant}`) }),
  },
  { method: 'GET', path: '/v1/threads', roles: ['admin', 'moderator', 'reader', 'ingest'], ok: 200, request: async () => ({ url: '/v1/threads' }) },
  { method: 'GET', path: '/v1/threads/{id}', roles: ['admin', 'moderator', 'reader', 'ingest'], ok: 200, request: async () => ({ url: `/v1/threads/${threadId}` }) },
  { method: 'GET', path: '/v1/threads/{id}/report', roles: ['admin', 'moderator', 'reader'], ok: 200, request: async () => ({ url: `/v1/threads/${threadId}/report` }) },
  {
    method: 'POST',
    path: '/v1/threads/{id}/reanalyze',
    roles: ['admin', 'ingest'],
    ok: 202,
    request: async () => ({ url: `/v1/threads/${threadId}/reanalyze`, payload: {} }),
  },
  {
    method: 'POST',
    path: '/v1/articles',
    roles: ['admin', 'ingest'],
    ok: 201,
    request: async () => ({ url: '/v1/articles', payload: { articles: [{ id: 'access-article', body: 'The same text every time.' }] } }),
  },
  { method: 'GET', path: '/v1/review', roles: ['admin', 'moderator'], ok: 200, request: async () => ({ url: '/v1/review' }) },
  {
    method: 'GET',
    path: '/v1/review/{itemId}',
    roles: ['admin', 'moderator'],
    ok: 200,
    request: async (api) => ({ url: `/v1/review/${(await firstItem(api)).id}` }),
  },
  {
    method: 'POST',
    path: '/v1/review/{itemId}/decision',
    roles: ['admin', 'moderator'],
    ok: 201,
    request: async (api) => {
      const item = await firstItem(api);
      return { url: `/v1/review/${item.id}/decision`, payload: { action: 'escalate', version: item.version } };
    },
  },
  {
    method: 'GET',
    path: '/v1/review/{itemId}/context',
    roles: ['admin', 'moderator'],
    ok: 200,
    request: async (api) => ({ url: `/v1/review/${(await firstItem(api)).id}/context` }),
  },
  { method: 'GET', path: '/v1/me', roles: ['admin', 'moderator', 'reader', 'ingest'], ok: 200, request: async () => ({ url: '/v1/me' }) },
  { method: 'GET', path: '/v1/jobs/failed', roles: ['admin'], ok: 200, request: async () => ({ url: '/v1/jobs/failed' }) },
  {
    method: 'POST',
    path: '/v1/jobs/{id}/retry',
    roles: ['admin'],
    ok: 202,
    request: async (api) => ({ url: `/v1/jobs/${await failedJob(api)}/retry` }),
  },
  { method: 'GET', path: '/v1/keys', roles: ['admin'], ok: 200, request: async () => ({ url: '/v1/keys' }) },
  { method: 'POST', path: '/v1/keys', roles: ['admin'], ok: 201, request: async () => ({ url: '/v1/keys', payload: { role: 'reader', name: 'made-by-test' } }) },
];

async function firstItem(api: TestApi): Promise<{ id: string; version: number }> {
  const items = (await api.as('admin', { url: `/v1/review?threadId=${threadId}&state=escalated` })).json().items;
  return items[0] ?? (await api.as('admin', { url: `/v1/review?threadId=${threadId}` })).json().items[0];
}

let poison = 0;
/** A job that has failed (again): the test queue fails every thread whose id starts with "poison". */
async function failedJob(api: TestApi): Promise<string> {
  const t = seedThread();
  const id = `poison-access-${++poison}`;
  const r = await api.as('admin', { method: 'POST', url: '/v1/threads', payload: { ...t, thread: { ...t.thread, id, contentHash: id } } });
  await waitForThread(api, id, 'failed');
  return r.json().jobId;
}

describe.each(['inject', 'http'] as const)('access control (%s)', (transport) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('pglite', { transport });
    const r = await api.as('ingest', { method: 'POST', url: '/v1/threads', payload: seedThread() });
    expect(r.statusCode).toBe(202);
    await waitForThread(api, threadId);
  });
  afterAll(async () => api?.close());

  it('covers every route of the OpenAPI document', async () => {
    const doc = (await api.app.inject({ url: '/docs/json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });

  describe.each(ROUTES)('$method $path', (route) => {
    const allowed = route.roles === 'public' ? [...ROLES] : route.roles;
    const refused = ROLES.filter((r) => !allowed.includes(r));

    it.each(allowed)('allows %s', async (role) => {
      const req = await route.request(api);
      const r = await api.as(role, { method: route.method, ...req } as never);
      expect(r.statusCode, r.body).toBe(route.ok);
    });

    if (refused.length) {
      it.each(refused)('refuses %s with 403', async (role) => {
        const req = await route.request(api);
        const r = await api.as(role, { method: route.method, ...req } as never);
        expect(r.statusCode).toBe(403);
        const e = expectErrorShape(r.json());
        expect(e.code).toBe('forbidden');
        expect(e.message).toContain(`role "${role}" may not ${route.method}`);
        expect(e.details).toEqual({ role, allowed: [...allowed] });
      });
    }

    if (route.roles !== 'public') {
      it('answers 401 without a key, with a wrong key, and with a malformed header', async () => {
        const req = await route.request(api);
        const none = await api.as(null, { method: route.method, ...req } as never);
        expect(none.statusCode).toBe(401);
        expect(expectErrorShape(none.json()).code).toBe('missing-key');
        expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
        const wrong = await api.as(null, { method: route.method, ...req, headers: { authorization: `Bearer ${api.keys.admin}x` } } as never);
        expect(wrong.statusCode).toBe(401);
        expect(expectErrorShape(wrong.json()).code).toBe('invalid-key');
        const basic = await api.as(null, { method: route.method, ...req, headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } } as never);
        expect(basic.statusCode).toBe(401);
        expect(expectErrorShape(basic.json()).code).toBe('bad-authorization');
      });
    } else {
      it('needs no key', async () => {
        const req = await route.request(api);
        expect((await api.as(null, { method: route.method, ...req } as never)).statusCode).toBe(route.ok);
      });
    }
  });

  it('serves the docs page and the OpenAPI document without a key, every operation with request and response schemas', async () => {
    const page = await api.app.inject({ url: '/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger');
    expect(page.body).not.toMatch(/https?:\/\/(?!localhost)[a-z0-9.-]+\/[^"']*\.(js|css)/i);
    const doc = (await api.app.inject({ url: '/docs/json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, { responses: Record<string, unknown>; security?: unknown; requestBody?: unknown; parameters?: unknown[] }>>)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(Object.keys(op.responses), `${method} ${path}`).toEqual(expect.arrayContaining(['4XX', '5XX']));
        expect(Object.keys(op.responses).some((s) => s.startsWith('2')), `${method} ${path}`).toBe(true);
        if (method === 'post') expect(op.requestBody ?? op.parameters, `${method} ${path}`).toBeDefined();
        if (path !== '/health' && path !== '/ready') expect(op.security, `${method} ${path}`).toEqual([{ apiKey: [] }]);
      }
    }
  });

  it('keys created over the API work at once and are listed without their secret', async () => {
    const r = await api.as('admin', { method: 'POST', url: '/v1/keys', payload: { role: 'moderator', name: 'carol' } });
    expect(r.statusCode).toBe(201);
    const { key, info } = r.json();
    expect(key).toMatch(/^tlk_/);
    expect((await api.app.inject({ url: '/v1/review', headers: { authorization: `Bearer ${key}` } })).statusCode).toBe(200);
    const listed = await api.as('admin', { url: '/v1/keys' });
    expect(listed.json().items).toContainEqual(info);
    expect(listed.body).not.toContain(key);
  });
});

describe('rate limiting and CORS', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('pglite', { rateLimit: { max: 3, timeWindowMs: 60_000 }, corsOrigins: ['https://moderation.example'] });
  });
  afterAll(async () => api?.close());

  it('limits requests per key, not per address, with the error shape and Retry-After', async () => {
    for (let i = 0; i < 3; i++) expect((await api.as('reader', { url: '/v1/threads' })).statusCode).toBe(200);
    const limited = await api.as('reader', { url: '/v1/threads' });
    expect(limited.statusCode).toBe(429);
    expect(expectErrorShape(limited.json())).toMatchObject({ code: 'rate-limited', details: { limit: 3 } });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another key from the same address has its own budget; health probes are never limited.
    expect((await api.as('moderator', { url: '/v1/threads' })).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await api.as(null, { url: '/health' })).statusCode).toBe(200);
  });

  it('sends CORS headers only for configured origins', async () => {
    const ok = await api.as('moderator', { url: '/health', headers: { origin: 'https://moderation.example' } });
    expect(ok.headers['access-control-allow-origin']).toBe('https://moderation.example');
    const other = await api.as('moderator', { url: '/health', headers: { origin: 'https://evil.example' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('CORS default', () => {
  it('is off: no CORS headers for any origin', async () => {
    const api = await startTestApi('pglite');
    try {
      const r = await api.as(null, { url: '/health', headers: { origin: 'https://moderation.example' } });
      expect(r.statusCode).toBe(200);
      expect(r.headers['access-control-allow-origin']).toBeUndefined();
      const pre = await api.as(null, { method: 'OPTIONS', url: '/v1/threads', headers: { origin: 'https://moderation.example', 'access-control-request-method': 'POST' } });
      expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await api.close();
    }
  });
});
