import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewItem, ReviewItemDetail } from '../../src/model/index.js';
import { analysisKey, processAnalyzeJob, type AnalyzeJobPayload } from '../../src/queue/index.js';
import { seedVariant, withExtraFinding } from '../helpers/threads.js';
import { COMBINATIONS, expectErrorShape, startTestApi, waitForThread, type TestApi } from '../helpers/api.js';

/** The analyzer the test server runs; flipping `rulesV2` stands in for deploying a rules change. */
const analyzer = { rulesV2: false };
function analyze(p: AnalyzeJobPayload) {
  const r = processAnalyzeJob(p);
  // Workers upgraded to new rules compute their own analysis key (the API process still runs the old version).
  return analyzer.rulesV2 ? { ...withExtraFinding(r, 'c1', '2.0.0-rules'), analysisKey: analysisKey(p, '2.0.0-rules') } : r;
}

// In-process inject() over PGlite, and a real listening server over Postgres.
describe.each(COMBINATIONS)('review queue and decisions (%s, %s)', (backend, transport) => {
  let api: TestApi;
  const threads = ['rv-a', 'rv-b', 'rv-c'].map((n) => seedVariant(n));
  const submitted: string[] = [];

  beforeAll(async () => {
    analyzer.rulesV2 = false;
    api = await startTestApi(backend, { processor: analyze, transport });
    for (const t of threads) {
      const r = await api.as('ingest', { method: 'POST', url: '/v1/threads', payload: t });
      expect(r.statusCode).toBe(202);
      await waitForThread(api, t.thread.id);
      submitted.push(t.thread.id);
    }
  });
  afterAll(async () => api?.close());

  const list = async (query = '') => {
    const r = await api.as('moderator', { url: `/v1/review${query}` });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as { items: ReviewItem[]; nextCursor: string | null };
  };

  it('lists pending flagged comments across threads with text, findings with spans and context', async () => {
    const { items } = await list('?limit=200');
    expect(new Set(items.map((i) => i.threadId))).toEqual(new Set(submitted));
    for (const item of items) {
      expect(item.state).toBe('pending');
      expect(item.findings.length).toBeGreaterThan(0);
      for (const f of item.findings) {
        expect(item.comment.text.slice(f.span.start, f.span.end)).toBe(f.actual);
        expect(f).toMatchObject({ id: `${f.ruleId}:${f.span.start}-${f.span.end}`, dismissed: false, reason: expect.any(String) });
      }
      expect(item.previous).not.toBeNull();
      expect(item.previous!.index).toBe(item.comment.index - 1);
    }
    // The seed's personal attack (comment 4) is in every thread's queue.
    for (const id of submitted) expect(items.some((i) => i.threadId === id && i.comment.index === 3)).toBe(true);
  });

  it('filters by thread, rule and category and paginates by cursor', async () => {
    const one = await list(`?threadId=${submitted[0]}`);
    expect(one.items.length).toBeGreaterThan(0);
    expect(one.items.every((i) => i.threadId === submitted[0])).toBe(true);
    const rule = one.items[0]!.ruleIds[0]!;
    const byRule = await list(`?ruleId=${rule}&limit=200`);
    expect(byRule.items.length).toBeGreaterThanOrEqual(submitted.length);
    expect(byRule.items.every((i) => i.ruleIds.includes(rule))).toBe(true);
    const byCategory = await list('?category=tone&limit=200');
    expect(byCategory.items.every((i) => i.categories.includes('tone'))).toBe(true);
    expect((await list('?category=claim&limit=200')).items.every((i) => i.categories.includes('claim'))).toBe(true);

    const all = (await list('?limit=200&sort=age')).items;
    const paged: ReviewItem[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: ReviewItem[]; nextCursor: string | null } = await list(`?limit=2&sort=age${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged.map((i) => i.id)).toEqual(all.map((i) => i.id));
    for (let i = 1; i < all.length; i++) expect(all[i - 1]!.flaggedAt <= all[i]!.flaggedAt).toBe(true);
    const newest = (await list('?limit=200&sort=newest')).items;
    expect(newest.map((i) => i.id)).toEqual([...all].reverse().map((i) => i.id));

    const bad = await api.as('moderator', { url: '/v1/review?sort=loudest' });
    expect(bad.statusCode).toBe(400);
    expect(expectErrorShape(bad.json()).message).toContain('querystring /sort');
  });

  it('records a decision with who, what and when, and refuses a stale version with 409', async () => {
    const [item] = (await list(`?threadId=${submitted[0]}`)).items;
    const r = await api.as('moderator', { method: 'POST', url: `/v1/review/${item!.id}/decision`, payload: { action: 'escalate', note: 'needs a second look', version: item!.version } });
    expect(r.statusCode).toBe(201);
    const body = r.json();
    expect(body.decision).toMatchObject({ action: 'escalate', note: 'needs a second look', itemVersion: item!.version, resultingState: 'escalated', decidedBy: { name: 'moderator-tester', role: 'moderator' } });
    expect(Date.now() - Date.parse(body.decision.decidedAt)).toBeLessThan(60_000);
    expect(body.item).toMatchObject({ id: item!.id, version: item!.version + 1, state: 'escalated' });

    const stale = await api.as('admin', { method: 'POST', url: `/v1/review/${item!.id}/decision`, payload: { action: 'approve', version: item!.version } });
    expect(stale.statusCode).toBe(409);
    expect(expectErrorShape(stale.json())).toMatchObject({ code: 'stale-version', details: { currentVersion: item!.version + 1 } });

    const escalated = await list('?state=escalated');
    expect(escalated.items.map((i) => i.id)).toContain(item!.id);
    expect((await list(`?threadId=${submitted[0]}`)).items.map((i) => i.id)).not.toContain(item!.id);

    const final = await api.as('admin', { method: 'POST', url: `/v1/review/${item!.id}/decision`, payload: { action: 'remove', note: 'personal attack', version: item!.version + 1 } });
    expect(final.statusCode).toBe(201);
    const detail = (await api.as('moderator', { url: `/v1/review/${item!.id}` })).json() as ReviewItemDetail;
    expect(detail.history.map((d) => [d.action, d.decidedBy.role, d.note])).toEqual([
      ['escalate', 'moderator', 'needs a second look'],
      ['remove', 'admin', 'personal attack'],
    ]);
    // "remove" is a decision, not a deletion: the original text is still there.
    const report = (await api.as('reader', { url: `/v1/threads/${submitted[0]}/report` })).json();
    expect(detail.comment.text).toBe(report.comments[detail.comment.index].text);
  });

  it('lets exactly one of two concurrent decisions win; the other gets 409', async () => {
    const [item] = (await list(`?threadId=${submitted[1]}`)).items;
    const results = await Promise.all([
      api.as('moderator', { method: 'POST', url: `/v1/review/${item!.id}/decision`, payload: { action: 'approve', note: 'A', version: item!.version } }),
      api.as('admin', { method: 'POST', url: `/v1/review/${item!.id}/decision`, payload: { action: 'remove', note: 'B', version: item!.version } }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const loser = results.find((r) => r.statusCode === 409)!;
    expect(expectErrorShape(loser.json()).code).toBe('stale-version');
    const detail = (await api.as('moderator', { url: `/v1/review/${item!.id}` })).json() as ReviewItemDetail;
    expect(detail.history).toHaveLength(1);
    expect(detail.version).toBe(item!.version + 1);
  });

  it('dismisses single findings and validates finding ids', async () => {
    const [item] = (await list(`?threadId=${submitted[2]}`)).items;
    const noId = await api.as('moderator', { method: 'POST', url: `/v1/review/${item!.id}/decision`, payload: { action: 'dismiss-finding', version: item!.version } });
    expect(noId.statusCode).toBe(400);
    expect(expectErrorShape(noId.json()).code).toBe('finding-id-required');
    const unknown = await api.as('moderator', { method: 'POST', url: `/v1/review/${item!.id}/decision`, payload: { action: 'dismiss-finding', findingId: 'x:1-2', version: item!.version } });
    expect(unknown.statusCode).toBe(400);
    expect(expectErrorShape(unknown.json())).toMatchObject({ code: 'unknown-finding', details: { findingIds: item!.findings.map((f) => f.id) } });
    const f = item!.findings[0]!;
    const ok = await api.as('moderator', { method: 'POST', url: `/v1/review/${item!.id}/decision`, payload: { action: 'dismiss-finding', findingId: f.id, note: 'quote, not an attack', version: item!.version } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().item.findings.find((x: { id: string }) => x.id === f.id).dismissed).toBe(true);
    expect(ok.json().decision.findingId).toBe(f.id);
  });

  it('keeps earlier decisions visible after a re-analysis and reopens approved items with new findings', async () => {
    const id = submitted[1]!;
    const before = (await api.as('moderator', { url: `/v1/review?threadId=${id}&state=approved` })).json().items as ReviewItem[];
    const removed = (await api.as('moderator', { url: `/v1/review?threadId=${id}&state=removed` })).json().items as ReviewItem[];
    const decided = [...before, ...removed][0]!;
    expect(decided).toBeDefined();
    // Approve something on comment 1 too, then deploy "new rules" that flag comment 1.
    const pending = (await list(`?threadId=${id}`)).items;
    const approvals = [];
    for (const item of pending) {
      const r = await api.as('moderator', { method: 'POST', url: `/v1/review/${item.id}/decision`, payload: { action: 'approve', note: 'v1 ok', version: item.version } });
      expect(r.statusCode).toBe(201);
      approvals.push(r.json().item as ReviewItem);
    }
    analyzer.rulesV2 = true;
    const r = await api.as('admin', { method: 'POST', url: `/v1/threads/${id}/reanalyze`, payload: { force: true } });
    expect(r.statusCode).toBe(202);
    await waitForThread(api, id);
    const thread = (await api.as('reader', { url: `/v1/threads/${id}` })).json();
    expect(thread.analyses.map((a: { version: number; analyzerVersion: string }) => [a.version, a.analyzerVersion])).toEqual([
      [1, expect.any(String)],
      [2, '2.0.0-rules'],
    ]);

    const after = (await api.as('moderator', { url: `/v1/review/${decided.id}` })).json() as ReviewItemDetail;
    expect(after.analysisVersion).toBe(2);
    expect(after.history.length).toBeGreaterThanOrEqual(1);
    expect(after.history[0]!.analysisVersion).toBe(1);
    expect(after.state).toBe(decided.state);
    expect(after.lastDecision).toEqual(after.history.at(-1));

    // Comment 1 was not flagged by v1: it is new in the queue, pending, with the new rule.
    const c1 = (await list(`?threadId=${id}&ruleId=test-new-rule`)).items;
    expect(c1.map((i) => i.comment.id)).toEqual(['c1']);
    expect(c1[0]).toMatchObject({ state: 'pending', severity: 'high', analysisVersion: 2 });
    // Approved items whose findings did not change stay approved, with their decision attached.
    for (const a of approvals) {
      const now = (await api.as('moderator', { url: `/v1/review/${a.id}` })).json() as ReviewItemDetail;
      expect(now.history.map((d) => d.note)).toContain('v1 ok');
      expect(now.state).toBe(a.comment.id === 'c1' ? 'pending' : 'approved');
    }
    // A decision on the version the moderator loaded before the re-analysis is stale now.
    const stale = await api.as('moderator', { method: 'POST', url: `/v1/review/${decided.id}/decision`, payload: { action: 'approve', version: decided.version } });
    expect(stale.statusCode).toBe(409);
    analyzer.rulesV2 = false;
  });

  it('answers 404 for unknown items and 400 for malformed ids and bodies', async () => {
    const unknown = await api.as('moderator', { url: '/v1/review/987654' });
    expect(unknown.statusCode).toBe(404);
    expect(expectErrorShape(unknown.json()).code).toBe('review-item-not-found');
    const decideUnknown = await api.as('moderator', { method: 'POST', url: '/v1/review/987654/decision', payload: { action: 'approve', version: 1 } });
    expect(decideUnknown.statusCode).toBe(404);
    const badId = await api.as('moderator', { url: '/v1/review/abc' });
    expect(badId.statusCode).toBe(400);
    expect(expectErrorShape(badId.json()).message).toContain('params /itemId');
    const [item] = (await list()).items;
    const badAction = await api.as('moderator', { method: 'POST', url: `/v1/review/${item!.id}/decision`, payload: { action: 'delete', version: 1 } });
    expect(badAction.statusCode).toBe(400);
    expect(expectErrorShape(badAction.json()).message).toMatch(/^body \/action/);
    const badVersion = await api.as('moderator', { method: 'POST', url: `/v1/review/${item!.id}/decision`, payload: { action: 'approve', version: '1' } });
    expect(badVersion.statusCode).toBe(400);
    expect(badVersion.json().error.message).toMatch(/^body \/version/);
    const noBody = await api.as('moderator', { method: 'POST', url: `/v1/review/${item!.id}/decision` });
    expect(noBody.statusCode).toBe(400);
    expect(noBody.json().error.message).toContain('is missing');
  });
});
