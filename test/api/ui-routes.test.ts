import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewItem } from '../../src/model/index.js';
import { REPORT_CSS } from '../../src/report/index.js';
import { UI_CSP } from '../../src/api/routes/ui.js';
import type { ReviewContext } from '../../src/api/schemas.js';
import { COMBINATIONS, expectErrorShape, startTestApi, waitForThread, type TestApi } from '../helpers/api.js';
import { seedArticles, seedThread } from '../helpers/seed.js';
import { REPO, tempDir } from '../helpers/paths.js';

const ROLES = ['admin', 'moderator', 'reader', 'ingest'] as const;

describe.each(COMBINATIONS)('routes the web UI uses (%s, %s)', (backend, transport) => {
  let api: TestApi;
  const threadId = seedThread().thread.id;
  let items: ReviewItem[];
  const byIndex = (i: number) => items.find((x) => x.comment.index === i)!;
  const context = async (itemId: string) => {
    const r = await api.as('moderator', { url: `/v1/review/${itemId}/context` });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as ReviewContext;
  };

  beforeAll(async () => {
    api = await startTestApi(backend, { transport });
    const articles = (await seedArticles()).map((a) => ({ id: a.id, body: a.body, title: a.title, date: a.date }));
    const r = await api.as('ingest', { method: 'POST', url: '/v1/threads', payload: { ...seedThread(), articles } });
    expect(r.statusCode, r.body).toBe(202);
    await waitForThread(api, threadId);
    items = (await api.as('moderator', { url: `/v1/review?threadId=${threadId}` })).json().items;
  });
  afterAll(async () => api?.close());

  it('GET /v1/me names the key and its role, for every role, and is not cached', async () => {
    for (const role of ROLES) {
      const r = await api.as(role, { url: '/v1/me' });
      expect(r.statusCode).toBe(200);
      expect(r.json()).toEqual({ keyId: expect.any(String), name: `${role}-tester`, role });
      expect(r.headers['cache-control']).toBe('no-store');
    }
    const none = await api.as(null, { url: '/v1/me' });
    expect(none.statusCode).toBe(401);
    expect(expectErrorShape(none.json()).code).toBe('missing-key');
  });

  it('gives comment 4 its parent, the reply that disagrees, its echoed figures and the author\'s other flagged comment', async () => {
    const four = byIndex(3);
    expect(four.comment.text).toContain('leave the drugs mn or get better info');
    const ctx = await context(four.id);
    expect(ctx).toMatchObject({ itemId: four.id, threadId, analysisVersion: four.analysisVersion });
    expect(ctx.parent).toMatchObject({ index: 2, author: 'Jay Farquharson' });
    expect(ctx.parent!.text).toContain('308 jihadi groups');
    expect(ctx.challenges.map((c) => c.index)).toEqual([4]);
    expect(ctx.challenges[0]!.reasons[0]).toMatch(/^disagrees with it \(0\.\d\d\)/);
    expect(ctx.claims.length).toBeGreaterThan(0);
    for (const c of ctx.claims) {
      expect(c.verdict).toBe('echo');
      expect(c.notes.join(' ')).toContain('comment 3');
      expect(four.comment.text.slice(c.span.start, c.span.end)).toBe(c.actual);
    }
    expect(ctx.authorFlagged).toEqual([
      expect.objectContaining({ index: 1, author: 'bn', severity: 'high', itemId: byIndex(1).id, state: 'pending' }),
    ]);
  });

  it("gives comment 3's unsupported figures with their evidence and the comments that doubt them", async () => {
    const ctx = await context(byIndex(2).id);
    const groups = ctx.claims.find((c) => c.actual.startsWith('308'))!;
    expect(groups).toMatchObject({ role: 'assertion', status: 'unsupported', verdict: 'unsupported' });
    expect(groups.evidence.length).toBeGreaterThan(0);
    expect(groups.notes.length).toBeGreaterThan(0);
    expect(ctx.challenges.map((c) => c.index)).toEqual([3, 4]);
    expect(ctx.challenges.flatMap((c) => c.reasons).some((r) => r.startsWith('doubts “308'))).toBe(true);
  });

  it("follows decisions: the author's other comment shows its new state", async () => {
    const two = byIndex(1);
    const d = await api.as('moderator', { method: 'POST', url: `/v1/review/${two.id}/decision`, payload: { action: 'remove', version: two.version } });
    expect(d.statusCode).toBe(201);
    const ctx = await context(byIndex(3).id);
    expect(ctx.authorFlagged[0]).toMatchObject({ itemId: two.id, state: 'removed' });
  });

  it('answers 404 for an unknown item and 400 for a malformed id', async () => {
    const missing = await api.as('moderator', { url: '/v1/review/999999/context' });
    expect(missing.statusCode).toBe(404);
    expect(expectErrorShape(missing.json()).code).toBe('review-item-not-found');
    const bad = await api.as('moderator', { url: '/v1/review/abc/context' });
    expect(bad.statusCode).toBe(400);
    expect(expectErrorShape(bad.json()).code).toBe('invalid-request');
  });
});

describe('the /ui/ static files', () => {
  let api: TestApi;
  let dir: string;

  beforeAll(async () => {
    // A stand-in bundle: these tests are about serving (the e2e test builds and runs the real one).
    dir = await tempDir('ui-static');
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>queue</title><script type="module" src="/ui/app.js"></script>');
    await writeFile(join(dir, 'app.js'), 'console.log("ui");');
    await writeFile(join(dir, 'ui.css'), 'body{}');
    api = await startTestApi('pglite', { uiDir: dir });
  });
  afterAll(async () => api?.close());

  it('serves the pages without a key, each with the strict CSP and nosniff', async () => {
    for (const [url, type, body] of [
      ['/ui/', 'text/html; charset=utf-8', '<title>queue</title>'],
      ['/ui/index.html', 'text/html; charset=utf-8', '<title>queue</title>'],
      ['/ui/app.js', 'text/javascript; charset=utf-8', 'console.log'],
      ['/ui/ui.css', 'text/css; charset=utf-8', 'body{}'],
    ] as const) {
      const r = await api.as(null, { url });
      expect(r.statusCode, url).toBe(200);
      expect(r.headers['content-type']).toBe(type);
      expect(r.body).toContain(body);
      expect(r.headers['content-security-policy']).toBe(UI_CSP);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
    expect(UI_CSP).toContain("script-src 'self'");
    expect(UI_CSP).not.toContain('unsafe-inline');
    expect(UI_CSP).not.toContain('unsafe-eval');
    expect(UI_CSP).toContain("default-src 'none'");
  });

  it('serves the report styles from the same source as the HTML report', async () => {
    const r = await api.as(null, { url: '/ui/report.css' });
    expect(r.statusCode).toBe(200);
    expect(r.body).toBe(REPORT_CSS);
    expect(r.body).toContain('mark.flag');
  });

  it('redirects /ui to /ui/, refuses other names, and keeps the UI out of the OpenAPI document', async () => {
    const redirect = await api.as(null, { url: '/ui' });
    expect(redirect.statusCode).toBe(301);
    expect(redirect.headers.location).toBe('/ui/');
    const missing = await api.as(null, { url: '/ui/nope.js' });
    expect(missing.statusCode).toBe(404);
    expect(expectErrorShape(missing.json()).code).toBe('ui-file-not-found');
    for (const url of ['/ui/..%2Fpackage.json', '/ui/secret.txt', '/ui/UPPER.html']) {
      const r = await api.as(null, { url });
      expect(r.statusCode, url).toBe(400);
    }
    const doc = (await api.app.inject({ url: '/docs/json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/ui'))).toEqual([]);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/me', '/v1/review/{itemId}/context']));
  });

  it('says how to build the UI when the bundle is missing, and serves nothing with uiDir: null', async () => {
    const unbuilt = await startTestApi('pglite', { uiDir: join(dir, 'not-built') });
    try {
      const r = await unbuilt.as(null, { url: '/ui/' });
      expect(r.statusCode).toBe(503);
      const e = expectErrorShape(r.json());
      expect(e.code).toBe('ui-not-built');
      expect(e.message).toContain('npm run build');
    } finally {
      await unbuilt.close();
    }
    const none = await startTestApi('pglite', { uiDir: null });
    try {
      const r = await none.as(null, { url: '/ui/' });
      expect(r.statusCode).toBe(404);
      expect(expectErrorShape(r.json()).code).toBe('route-not-found');
    } finally {
      await none.close();
    }
  });

  it('the real pages have no inline script, no inline style, labelled inputs and one main landmark', async () => {
    for (const page of ['index.html', 'thread.html']) {
      const html = await readFile(join(REPO, 'src', 'ui', 'static', page), 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length, page).toBe(1);
      for (const [, attrs, body] of scripts) {
        expect(attrs).toMatch(/src="\/ui\/app\.js"/);
        expect(body!.trim()).toBe('');
      }
      expect(html, page).not.toMatch(/\son[a-z]+=/i);
      expect(html, page).not.toMatch(/\sstyle=/i);
      expect(html, page).not.toMatch(/<style/i);
      expect(html).toContain('<html lang="en">');
      expect(html.match(/<main\b/g)).toHaveLength(1);
      for (const [, id] of html.matchAll(/<(?:input|textarea|select)\b[^>]*\bid="([^"]+)"/g)) expect(html, `label for #${id}`).toContain(`<label for="${id}">`);
    }
  });
});
