import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, waitForThread, type TestApi } from '../helpers/api.js';
import { seedVariant } from '../helpers/threads.js';

/** The value of a metric line, e.g. metric(text, 'threadlens_queue_jobs{state="completed"}'). */
function metric(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(series + ' '));
  if (!line) throw new Error(`no series ${series} in:\n${text.slice(0, 2000)}`);
  return Number(line.slice(series.length + 1));
}

describe('health, readiness and metrics', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('pglite');
  });
  afterAll(async () => api?.close());

  it('health and ready answer without a key', async () => {
    expect((await api.as(null, { url: '/health' })).json()).toEqual({ status: 'ok' });
    const ready = await api.as(null, { url: '/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', checks: { database: { ok: true, driver: 'pglite' }, queue: { ok: true, driver: 'in-process' } } });
  });

  it('counts requests with latencies by route, queue jobs, stored analyses and pending review items', async () => {
    const before = (await api.as('admin', { url: '/metrics' })).body;
    expect(metric(before, 'threadlens_review_items_pending')).toBe(0);
    for (const n of [1, 2]) {
      await api.as('ingest', { method: 'POST', url: '/v1/threads', payload: seedVariant(`metrics-${n}`) });
      await waitForThread(api, `seed-variant-metrics-${n}`);
    }
    const poison = seedVariant('x');
    await api.as('ingest', { method: 'POST', url: '/v1/threads', payload: { ...poison, thread: { ...poison.thread, id: 'poison-metrics' } } });
    await waitForThread(api, 'poison-metrics', 'failed');
    await api.as('reader', { url: '/v1/threads' });
    await api.as(null, { url: '/v1/threads' });

    const r = await api.as('reader', { url: '/metrics' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const m = r.body;
    expect(metric(m, 'threadlens_http_requests_total{method="POST",route="/v1/threads",status="202"}')).toBe(3);
    expect(metric(m, 'threadlens_http_requests_total{method="GET",route="/v1/threads",status="200"}')).toBe(1);
    expect(metric(m, 'threadlens_http_requests_total{method="GET",route="/v1/threads",status="401"}')).toBe(1);
    expect(metric(m, 'threadlens_http_request_duration_seconds_count{method="GET",route="/v1/threads/:id"}')).toBeGreaterThanOrEqual(3);
    expect(metric(m, 'threadlens_http_request_duration_seconds_sum{method="GET",route="/v1/threads/:id"}')).toBeGreaterThan(0);
    expect(metric(m, 'threadlens_queue_jobs{state="completed"}')).toBe(2);
    expect(metric(m, 'threadlens_queue_jobs{state="failed"}')).toBe(1);
    expect(metric(m, 'threadlens_queue_depth')).toBe(0);
    expect(metric(m, 'threadlens_analyses_stored_total')).toBe(2);
    const pending = (await api.as('moderator', { url: '/v1/review?limit=200' })).json().items.length;
    expect(pending).toBeGreaterThan(0);
    expect(metric(m, 'threadlens_review_items_pending')).toBe(pending);
    expect(m).toContain('threadlens_process_cpu_seconds_total');
  });
});
