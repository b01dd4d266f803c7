import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/index.js';
import type { AnalysisQueue } from '../../src/queue/index.js';
import { expectErrorShape, startTestApi, type TestApi } from '../helpers/api.js';
import { openTestDb } from '../helpers/db.js';
import { seedThread } from '../helpers/seed.js';

describe('error responses', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('pglite', { bodyLimit: 64 * 1024 });
  });
  afterAll(async () => api?.close());

  const post = (payload: string | Buffer, contentType = 'application/json', url = '/v1/threads') =>
    api.as('ingest', { method: 'POST', url, headers: { 'content-type': contentType }, payload });

  it('malformed JSON: 400 with line and column', async () => {
    const r = await post('{\n  "thread": {\n    "id": "x",\n  }\n}');
    expect(r.statusCode).toBe(400);
    const e = expectErrorShape(r.json());
    expect(e.code).toBe('bad-json');
    expect(e.message).toContain('line 4');
    expect(e.details).toEqual({ where: expect.stringMatching(/^line 4, column \d+$/) });
  });

  it('truncated and empty JSON bodies', async () => {
    const t = await post('{"thread": {"id": "x"');
    expect(t.statusCode).toBe(400);
    expect(t.json().error.message).toContain('truncated');
    const empty = await post('');
    expect(empty.statusCode).toBe(400);
    expect(expectErrorShape(empty.json()).code).toBe('empty-body');
  });

  it('wrong field types: 400 naming every field and where it is', async () => {
    const thread = seedThread();
    const bad = { ...thread, comments: thread.comments.map((c, i) => (i === 2 ? { ...c, text: 42 } : c)), articleIds: 'a,b' };
    const r = await post(JSON.stringify(bad));
    expect(r.statusCode).toBe(400);
    const e = expectErrorShape(r.json());
    expect(e.code).toBe('invalid-request');
    const problems = e.details!.problems as { in: string; path: string; message: string }[];
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['/comments/2/text', '/articleIds']));
    expect(problems.every((p) => p.in === 'body')).toBe(true);
    const unknownField = await post(JSON.stringify({ ...thread, colour: 'red' }));
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().error.message).toBe('body /colour: is not a known field');
    const query = await api.as('reader', { url: '/v1/threads?limit=0' });
    expect(query.statusCode).toBe(400);
    expect(query.json().error.message).toMatch(/^querystring \/limit/);
  });

  it('duplicate comment ids and NUL characters are refused with their place', async () => {
    const thread = seedThread();
    const dup = { ...thread, comments: thread.comments.map((c, i) => (i === 1 ? { ...c, id: thread.comments[0]!.id } : c)) };
    const r = await post(JSON.stringify(dup));
    expect(r.statusCode).toBe(400);
    expect(expectErrorShape(r.json())).toMatchObject({ code: 'duplicate-id', details: { where: '/comments/1/id' } });
    const nul = { ...thread, comments: thread.comments.map((c, i) => (i === 0 ? { ...c, text: 'a\u0000b' } : c)) };
    const n = await post(JSON.stringify(nul));
    expect(n.statusCode).toBe(400);
    expect(expectErrorShape(n.json()).code).toBe('nul-character');
  });

  it('oversize bodies: 413 with the limit', async () => {
    const r = await post(Buffer.alloc(80 * 1024, 'a'), 'text/plain');
    expect(r.statusCode).toBe(413);
    const e = expectErrorShape(r.json());
    expect(e).toMatchObject({ code: 'body-too-large', details: { limitBytes: 64 * 1024 } });
    expect(e.message).toContain('64.0 KB');
  });

  it('raw bodies must be UTF-8 text', async () => {
    const latin1 = await post(Buffer.from([0x48, 0x69, 0x20, 0xe9, 0x74, 0xe9]), 'text/plain');
    expect(latin1.statusCode).toBe(400);
    expect(expectErrorShape(latin1.json())).toMatchObject({ code: 'bad-encoding', details: { where: 'byte 3' } });
    const binary = await post(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), 'application/octet-stream');
    expect(binary.statusCode).toBe(400);
    expect(expectErrorShape(binary.json()).code).toBe('binary-input');
  });

  it('unsupported content types and formats: 415', async () => {
    const xml = await post('<thread/>', 'application/xml');
    expect(xml.statusCode).toBe(415);
    expect(expectErrorShape(xml.json())).toMatchObject({ code: 'unsupported-media-type' });
    expect(xml.json().error.message).toContain('application/xml');
    const jsonWithFormat = await post(JSON.stringify(seedThread()), 'application/json', '/v1/threads?format=blogger-text');
    expect(jsonWithFormat.statusCode).toBe(415);
  });

  it('unknown ids and routes: 404', async () => {
    for (const url of ['/v1/threads/nope', '/v1/threads/nope/report', '/v1/review/123456']) {
      const r = await api.as('admin', { url });
      expect(r.statusCode, url).toBe(404);
      expect(expectErrorShape(r.json()).message).toContain(url.includes('review') ? '123456' : '"nope"');
    }
    const route = await api.as('admin', { url: '/v2/anything' });
    expect(route.statusCode).toBe(404);
    expect(expectErrorShape(route.json()).code).toBe('route-not-found');
    const method = await api.as('admin', { method: 'DELETE', url: '/v1/threads/x' });
    expect(method.statusCode).toBe(404);
    expectErrorShape(method.json());
  });
});

describe('internal errors', () => {
  it('answer 500 with the error shape and a request id, never the message or stack', async () => {
    const t = await openTestDb('pglite');
    const broken: AnalysisQueue = {
      driver: 'in-process',
      enqueue: async () => {
        throw new Error('SECRET connection string postgres://admin:hunter2@db');
      },
      getJob: async () => null,
      waitFor: async () => Promise.reject(new Error('no')),
      listFailed: async () => [],
      retry: async () => false,
      counts: async () => {
        throw new Error('redis is on fire');
      },
      close: async () => {},
    };
    const app = await createApp({ store: t.store, queue: broken, rateLimit: false });
    const { secret } = await t.store.keys.create('admin', 'root');
    try {
      const r = await app.inject({ method: 'POST', url: '/v1/threads', headers: { authorization: `Bearer ${secret}` }, payload: seedThread() });
      expect(r.statusCode).toBe(500);
      const e = expectErrorShape(r.json());
      expect(e.code).toBe('internal');
      expect(e.message).toMatch(/request id req-\w+/);
      expect(r.body).not.toMatch(/SECRET|hunter2|at .*\.ts|node_modules/);
      // A readiness probe says which dependency is down (503), in the same shape.
      const ready = await app.inject({ url: '/ready' });
      expect(ready.statusCode).toBe(503);
      expect(expectErrorShape(ready.json())).toMatchObject({ code: 'not-ready', details: { checks: { database: { ok: true }, queue: { ok: false, error: 'redis is on fire' } } } });
    } finally {
      await app.close();
      await t.close();
    }
  });
});
