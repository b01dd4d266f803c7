import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report, ThreadDetail } from '../../src/model/index.js';
import { SEED_THREAD } from '../helpers/paths.js';
import { seedArticles, seedThread } from '../helpers/seed.js';
import { seedVariant } from '../helpers/threads.js';
import { COMBINATIONS, expectErrorShape, startTestApi, waitForThread, type TestApi } from '../helpers/api.js';

const raw = readFileSync(SEED_THREAD);

// In-process inject() over PGlite, and a real listening server over Postgres.
describe.each(COMBINATIONS)('thread routes (%s, %s)', (backend, transport) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(backend, { transport });
  });
  afterAll(async () => api?.close());

  it('accepts a raw thread file, sniffs its format and analyzes it', async () => {
    const r = await api.as('ingest', { method: 'POST', url: '/v1/threads?name=wnu.txt', headers: { 'content-type': 'text/plain' }, payload: raw });
    expect(r.statusCode).toBe(202);
    const body = r.json();
    expect(body).toMatchObject({ threadId: seedThread().thread.id, created: true, deduplicated: false });
    expect(['queued', 'analyzing', 'done']).toContain(body.status);
    expect(r.headers.location).toBe(`/v1/threads/${body.threadId}`);
    const detail = (await waitForThread(api, body.threadId)) as unknown as ThreadDetail;
    expect(detail).toMatchObject({ format: 'blogger-text', sourceFile: 'wnu.txt', commentCount: 7, latestVersion: 1, jobId: body.jobId });
    expect(detail.analyses).toHaveLength(1);
    // The API names the thread exactly as the CLI does for the same bytes.
    expect(body.threadId).toBe(seedThread().thread.id);
  });

  it('deduplicates an identical submission instead of analyzing it again', async () => {
    const r = await api.as('ingest', { method: 'POST', url: '/v1/threads', headers: { 'content-type': 'application/octet-stream' }, payload: raw });
    expect(r.statusCode).toBe(202);
    expect(r.json()).toMatchObject({ created: false, deduplicated: true, status: 'done' });
    const detail = (await api.as('reader', { url: `/v1/threads/${r.json().threadId}` })).json();
    expect(detail.analyses).toHaveLength(1);
  });

  it('accepts canonical JSON with inline articles and stored article ids', async () => {
    const [a, b] = await seedArticles();
    const stored = await api.as('ingest', { method: 'POST', url: '/v1/articles', payload: { articles: [{ id: b!.id, body: b!.body, title: b!.title, date: b!.date }] } });
    expect(stored.statusCode).toBe(201);
    expect(stored.json()).toEqual({ articles: [{ id: b!.id, title: b!.title, date: b!.date, created: true }] });
    const thread = seedVariant('json');
    const r = await api.as('admin', {
      method: 'POST',
      url: '/v1/threads',
      payload: { ...thread, articles: [{ id: a!.id, body: a!.body, title: a!.title, date: a!.date }], articleIds: [b!.id] },
    });
    expect(r.statusCode).toBe(202);
    const detail = await waitForThread(api, thread.thread.id);
    expect(detail.articleIds).toEqual([a!.id, b!.id].sort());
    const report = (await api.as('reader', { url: `/v1/threads/${thread.thread.id}/report` })).json() as Report;
    expect(report.articles.map((x) => x.id).sort()).toEqual([a!.id, b!.id].sort());
  });

  it('cleans a raw article capture the way the CLI does', async () => {
    const text = readFileSync(new URL('../../seeds/articles/freebeacon-2016-08-05-russia-pick-off-rebels.txt', import.meta.url), 'utf8');
    const r = await api.as('ingest', { method: 'POST', url: '/v1/articles', payload: { articles: [{ id: 'fb-raw', text }] } });
    expect(r.statusCode).toBe(201);
    const seed = (await seedArticles()).find((x) => x.id === 'freebeacon-2016-08-05-russia-pick-off-rebels')!;
    expect(r.json().articles[0]).toMatchObject({ id: 'fb-raw', title: seed.title, date: seed.date, created: true });
    const conflict = await api.as('ingest', { method: 'POST', url: '/v1/articles', payload: { articles: [{ id: 'fb-raw', body: 'different' }] } });
    expect(conflict.statusCode).toBe(409);
    expect(expectErrorShape(conflict.json()).code).toBe('article-conflict');
  });

  it('names unknown article ids and unknown formats precisely', async () => {
    const missing = await api.as('ingest', { method: 'POST', url: '/v1/threads?articles=nope-1,nope-2', headers: { 'content-type': 'text/plain' }, payload: raw });
    expect(missing.statusCode).toBe(404);
    expect(expectErrorShape(missing.json())).toMatchObject({ code: 'article-not-found', details: { missing: ['nope-1', 'nope-2'] } });
    const fmt = await api.as('ingest', { method: 'POST', url: '/v1/threads?format=myspace', headers: { 'content-type': 'text/plain' }, payload: raw });
    expect(fmt.statusCode).toBe(415);
    expect(expectErrorShape(fmt.json())).toMatchObject({ code: 'unknown-format' });
    expect(fmt.json().error.message).toContain('unknown format "myspace"');
    const sniff = await api.as('ingest', { method: 'POST', url: '/v1/threads', headers: { 'content-type': 'text/plain' }, payload: 'just some words\nno thread here\n' });
    expect(sniff.statusCode).toBe(415);
    expect(sniff.json().error.message).toMatch(/not a recognised thread format/);
    const named = await api.as('ingest', { method: 'POST', url: '/v1/threads?format=canonical', headers: { 'content-type': 'text/plain' }, payload: raw });
    expect(named.statusCode).toBe(400);
    expect(expectErrorShape(named.json()).code).toBe('bad-json');
  });

  it('refuses the same thread id with other content (comments are never replaced)', async () => {
    const thread = seedVariant('json');
    thread.comments[0] = { ...thread.comments[0]!, text: 'an edited comment' };
    const r = await api.as('ingest', { method: 'POST', url: '/v1/threads', payload: { ...thread, thread: { ...thread.thread, contentHash: 'edited' } } });
    expect(r.statusCode).toBe(409);
    expect(expectErrorShape(r.json()).code).toBe('thread-conflict');
    const report = (await api.as('reader', { url: `/v1/threads/${thread.thread.id}/report` })).json() as Report;
    expect(report.comments[0]!.text).toBe(seedThread().comments[0]!.text);
  });

  it('lists threads newest first with cursor pagination', async () => {
    const first = await api.as('reader', { url: '/v1/threads?limit=1' });
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.items).toHaveLength(1);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = (await api.as('reader', { url: `/v1/threads?limit=1&cursor=${page1.nextCursor}` })).json();
    expect(page2.items[0].id).not.toBe(page1.items[0].id);
    expect(page2.items[0].createdAt <= page1.items[0].createdAt).toBe(true);
    const all = (await api.as('reader', { url: '/v1/threads?limit=200' })).json();
    expect(all.items.every((t: { status: string }) => t.status === 'done')).toBe(true);
    const bad = await api.as('reader', { url: '/v1/threads?cursor=xyz' });
    expect(bad.statusCode).toBe(400);
    expect(expectErrorShape(bad.json()).code).toBe('bad-cursor');
  });

  it('serves the report as JSON, Markdown or HTML by Accept, and any stored version', async () => {
    const id = seedThread().thread.id;
    const json = await api.as('reader', { url: `/v1/threads/${id}/report` });
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(json.headers['x-analysis-version']).toBe('1');
    const report = json.json() as Report;
    expect(report.thread.id).toBe(id);
    expect(report.comments).toHaveLength(7);
    const md = await api.as('reader', { url: `/v1/threads/${id}/report`, headers: { accept: 'text/markdown' } });
    expect(md.headers['content-type']).toMatch(/^text\/markdown/);
    expect(md.body).toContain('# Threadlens report');
    const html = await api.as('moderator', { url: `/v1/threads/${id}/report`, headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8' } });
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.headers['content-security-policy']).toContain("default-src 'none'");
    expect(html.body).toMatch(/^<!doctype html>/);
    expect(html.body).toContain('<mark');
    expect((await api.as('reader', { url: `/v1/threads/${id}/report?format=md` })).body).toBe(md.body);
    const none = await api.as('reader', { url: `/v1/threads/${id}/report`, headers: { accept: 'image/png' } });
    expect(none.statusCode).toBe(406);
    expect(expectErrorShape(none.json()).code).toBe('not-acceptable');
    const v9 = await api.as('reader', { url: `/v1/threads/${id}/report?version=9` });
    expect(v9.statusCode).toBe(404);
    expect(expectErrorShape(v9.json()).code).toBe('analysis-not-found');
    const unknown = await api.as('reader', { url: '/v1/threads/no-such-thread/report' });
    expect(unknown.statusCode).toBe(404);
    expect(expectErrorShape(unknown.json()).code).toBe('thread-not-found');
  });

  it('reports a failed analysis as failed with the reason, and lets an admin retry it', async () => {
    const poison = { ...seedThread(), thread: { ...seedThread().thread, id: 'poison-1', contentHash: 'poison-1' } };
    const r = await api.as('ingest', { method: 'POST', url: '/v1/threads', payload: poison });
    expect(r.statusCode).toBe(202);
    const failed = await waitForThread(api, 'poison-1', 'failed');
    expect(failed.statusDetail).toBe('analyzer exploded on purpose');
    const notReady = await api.as('reader', { url: '/v1/threads/poison-1/report' });
    expect(notReady.statusCode).toBe(404);
    expect(expectErrorShape(notReady.json())).toMatchObject({ code: 'report-not-ready', details: { status: 'failed' } });
    const list = (await api.as('admin', { url: '/v1/jobs/failed' })).json();
    expect(list.items.map((j: { threadId: string }) => j.threadId)).toContain('poison-1');
    const job = list.items.find((j: { threadId: string }) => j.threadId === 'poison-1');
    expect(job).toMatchObject({ state: 'failed', failedReason: 'analyzer exploded on purpose', attemptsMade: 1 });
    const retry = await api.as('admin', { method: 'POST', url: `/v1/jobs/${job.id}/retry` });
    expect(retry.statusCode).toBe(202);
    expect(['waiting', 'active', 'failed']).toContain(retry.json().job.state);
    await api.queue.waitFor(job.id, 5000).catch(() => {});
    const again = await api.as('admin', { url: '/v1/jobs/failed' });
    expect(again.json().items.find((j: { id: string }) => j.id === job.id).attemptsMade).toBe(1);
    const notFailed = await api.as('admin', { method: 'POST', url: `/v1/jobs/${r.json().jobId.replace('poison', 'x')}x/retry` });
    expect(notFailed.statusCode).toBe(404);
    expect(expectErrorShape(notFailed.json()).code).toBe('job-not-found');
    const done = (await api.as('admin', { url: `/v1/threads/${seedThread().thread.id}` })).json();
    const notFailedJob = await api.as('admin', { method: 'POST', url: `/v1/jobs/${done.jobId}/retry` });
    expect(notFailedJob.statusCode).toBe(409);
    expect(expectErrorShape(notFailedJob.json()).code).toBe('job-not-failed');
  });

  it('re-analyzes a stored thread against other articles as a new version', async () => {
    const id = seedThread().thread.id;
    const articles = await seedArticles();
    await api.as('ingest', { method: 'POST', url: '/v1/articles', payload: { articles: articles.map((a) => ({ id: a.id, body: a.body, title: a.title, date: a.date })) } });
    const r = await api.as('ingest', { method: 'POST', url: `/v1/threads/${id}/reanalyze`, payload: { articleIds: articles.map((a) => a.id) } });
    expect(r.statusCode).toBe(202);
    expect(r.json().deduplicated).toBe(false);
    const detail = await waitForThread(api, id);
    expect((detail as unknown as ThreadDetail).analyses.map((a) => a.version)).toEqual([1, 2]);
    const report = (await api.as('reader', { url: `/v1/threads/${id}/report` })).json() as Report;
    expect(report.articles).toHaveLength(articles.length);
    const v1 = (await api.as('reader', { url: `/v1/threads/${id}/report?version=1` })).json() as Report;
    expect(v1.articles).toHaveLength(0);
    const same = await api.as('ingest', { method: 'POST', url: `/v1/threads/${id}/reanalyze` });
    expect(same.json()).toMatchObject({ deduplicated: true, status: 'done' });
    const missing = await api.as('ingest', { method: 'POST', url: '/v1/threads/nope/reanalyze' });
    expect(missing.statusCode).toBe(404);
  });
});
