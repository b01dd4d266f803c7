import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/index.js';
import { makeChecker, Report, ReviewItemDetail } from '../../src/model/index.js';
import { ReviewPage } from '../../src/api/schemas.js';
import { InProcessQueue } from '../../src/queue/index.js';
import { Store } from '../../src/store/index.js';
import { startTestApi, waitForThread, type TestApi } from '../helpers/api.js';
import { seedVariant } from '../helpers/threads.js';

const pageChecker = makeChecker(ReviewPage);
const reportChecker = makeChecker(Report);
const detailChecker = makeChecker(ReviewItemDetail);

describe('response cache (postgres, two API processes sharing one database)', () => {
  let a: TestApi;
  let bApp: Awaited<ReturnType<typeof createApp>>;
  let bQueue: InProcessQueue;
  const threadId = seedVariant('cache').thread.id;

  beforeAll(async () => {
    a = await startTestApi('postgres');
    // A second API instance with its own connection pool on the same schema: another replica.
    const bStore = new Store(a.db.connect());
    bQueue = new InProcessQueue({ sink: bStore.sink() });
    bApp = await createApp({ store: bStore, queue: bQueue, rateLimit: false });
    await a.as('ingest', { method: 'POST', url: '/v1/threads', payload: seedVariant('cache') });
    await waitForThread(a, threadId);
  });
  afterAll(async () => {
    await bApp?.close();
    await bQueue?.close();
    await a?.close();
  });

  const review = () => a.as('moderator', { url: `/v1/review?threadId=${threadId}` });

  it('serves repeated reads from the cache, with bodies that match the documented schemas', async () => {
    const first = await review();
    const second = await review();
    expect(first.headers['x-cache']).toBe('miss');
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.body).toBe(first.body);
    expect(pageChecker.problems(first.json())).toEqual([]);
    const r1 = await a.as('reader', { url: `/v1/threads/${threadId}/report` });
    const r2 = await a.as('reader', { url: `/v1/threads/${threadId}/report` });
    expect([r1.headers['x-cache'], r2.headers['x-cache']]).toEqual(['miss', 'hit']);
    expect(reportChecker.problems(r2.json())).toEqual([]);
    const item = first.json().items[0];
    expect(detailChecker.problems((await a.as('moderator', { url: `/v1/review/${item.id}` })).json())).toEqual([]);
  });

  it('drops the cache at once for its own writes (read-your-writes)', async () => {
    const item = (await review()).json().items[0];
    const d = await a.as('moderator', { method: 'POST', url: `/v1/review/${item.id}/decision`, payload: { action: 'escalate', version: item.version } });
    expect(d.statusCode).toBe(201);
    const after = await review();
    expect(after.headers['x-cache']).toBe('miss');
    expect(after.json().items.map((i: { id: string }) => i.id)).not.toContain(item.id);
  });

  it('drops the cache when another process writes (database notification)', async () => {
    await review();
    expect((await review()).headers['x-cache']).toBe('hit');
    const item = (await review()).json().items[0];
    const d = await bApp.inject({
      method: 'POST',
      url: `/v1/review/${item.id}/decision`,
      headers: { authorization: `Bearer ${a.keys.admin}` },
      payload: { action: 'approve', version: item.version },
    });
    expect(d.statusCode).toBe(201);
    let ids: string[] = [item.id];
    for (let i = 0; i < 100 && ids.includes(item.id); i++) {
      await new Promise((r) => setTimeout(r, 20));
      ids = (await review()).json().items.map((x: { id: string }) => x.id);
    }
    expect(ids).not.toContain(item.id);
  });

  it('is off with cacheBytes 0', async () => {
    const api = await startTestApi('pglite', { cacheBytes: 0 });
    try {
      expect((await api.as('reader', { url: '/v1/threads' })).statusCode).toBe(200);
      const r1 = await api.as('moderator', { url: '/v1/review' });
      const r2 = await api.as('moderator', { url: '/v1/review' });
      expect([r1.headers['x-cache'], r2.headers['x-cache']]).toEqual(['miss', 'miss']);
    } finally {
      await api.close();
    }
  });
});
