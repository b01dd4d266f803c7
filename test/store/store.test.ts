import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/model/index.js';
import { reviewFlags } from '../../src/report/index.js';
import { ConflictError, DataDirBusyError, findingId, InvalidRequestError, NotFoundError, openStore, saveAnalysis } from '../../src/store/index.js';
import { BACKENDS, openTestDb, type TestDb } from '../helpers/db.js';
import { tempDir } from '../helpers/paths.js';
import { seedArticles } from '../helpers/seed.js';
import { analyzed, seedVariant, withExtraFinding } from '../helpers/threads.js';

const moderator: Actor = { keyId: 'key_test', name: 'alice', role: 'moderator' };
const other: Actor = { keyId: 'key_other', name: 'bob', role: 'moderator' };

describe.each(BACKENDS)('store (%s)', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(backend);
  });
  afterAll(async () => t?.close());

  it('stores a submitted thread exactly and refuses the same id with other content', async () => {
    const thread = seedVariant('exact');
    expect(await t.store.threads.saveSubmission(thread, [], 'test')).toEqual({ created: true });
    expect(await t.store.threads.saveSubmission(structuredClone(thread), [], 'test')).toEqual({ created: false });
    expect(await t.store.threads.load(thread.thread.id)).toEqual(thread);
    const changed = structuredClone(thread);
    changed.thread.contentHash = 'something-else';
    changed.comments[0]!.text = 'rewritten';
    await expect(t.store.threads.saveSubmission(changed, [], 'test')).rejects.toThrow(ConflictError);
    expect((await t.store.threads.load(thread.thread.id))!.comments[0]!.text).toBe(thread.comments[0]!.text);
  });

  it('never lets comment text (or analyses, findings, decisions) be modified or deleted', async () => {
    const thread = seedVariant('immutable');
    await t.store.threads.saveSubmission(thread, [], 'test');
    await saveAnalysis(t.db, analyzed(thread), null);
    const [item] = (await t.store.review.list({ threadId: thread.thread.id })).items;
    await t.store.review.decide(item!.id, { action: 'remove', version: 1 }, moderator);
    for (const sql of [
      `UPDATE comments SET text = 'x' WHERE thread_id = '${thread.thread.id}'`,
      `DELETE FROM comments WHERE thread_id = '${thread.thread.id}'`,
      'TRUNCATE comments CASCADE',
      `UPDATE analyses SET report = '{}' WHERE thread_id = '${thread.thread.id}'`,
      `DELETE FROM findings WHERE thread_id = '${thread.thread.id}'`,
      `DELETE FROM decisions WHERE item_id = ${item!.id}`,
      `UPDATE decisions SET note = 'x' WHERE item_id = ${item!.id}`,
    ]) {
      await expect(t.db.query(sql), sql).rejects.toThrow(/never modified or deleted/);
    }
    expect(await t.store.threads.load(thread.thread.id)).toEqual(thread);
  });

  it('stores an analysis once per analysis key and adds a version for a new key', async () => {
    const thread = seedVariant('versions');
    const v1 = analyzed(thread);
    expect(await saveAnalysis(t.db, v1, { id: 'job-1' })).toEqual({ threadId: thread.thread.id, version: 1, created: true });
    expect(await saveAnalysis(t.db, v1, { id: 'job-1' })).toEqual({ threadId: thread.thread.id, version: 1, created: false });
    const v2 = analyzed(thread, '99.0.0');
    expect(await saveAnalysis(t.db, v2, { id: 'job-2' })).toMatchObject({ version: 2, created: true });
    const versions = await t.store.threads.analyses(thread.thread.id);
    expect(versions.map((v) => [v.version, v.analyzerVersion, v.jobId])).toEqual([
      [1, v1.report.generator.version, 'job-1'],
      [2, '99.0.0', 'job-2'],
    ]);
    expect(JSON.parse((await t.store.threads.report(thread.thread.id))!.json)).toEqual(v2.report);
    expect(JSON.parse((await t.store.threads.report(thread.thread.id, 1))!.json)).toEqual(v1.report);
    expect(await t.store.threads.report(thread.thread.id, 3)).toBeNull();
  });

  it('derives one review item per review entry, with the comment, context and findings', async () => {
    const thread = seedVariant('derive');
    const result = analyzed(thread);
    await saveAnalysis(t.db, result, null);
    const { items } = await t.store.review.list({ threadId: thread.thread.id, limit: 100 });
    expect(items.map((i) => i.comment.id).sort()).toEqual(result.report.review.map((e) => e.commentId).sort());
    for (const item of items) {
      const c = result.report.comments.find((x) => x.id === item.comment.id)!;
      expect(item).toMatchObject({ state: 'pending', flagged: true, version: 1, analysisVersion: 1, threadId: thread.thread.id });
      expect(item.comment.text).toBe(c.text);
      expect(item.findings.map((f) => f.id)).toEqual(reviewFlags(c).map(findingId));
      for (const f of item.findings) expect(item.comment.text.slice(f.span.start, f.span.end)).toBe(f.actual);
      expect(item.previous?.index ?? -1).toBe(c.index - 1);
    }
    const [n] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM findings WHERE thread_id = $1', [thread.thread.id]);
    expect(n!.n).toBe(items.reduce((s, i) => s + i.findings.length, 0));
  });

  it('records decisions with optimistic concurrency and keeps the full history', async () => {
    const thread = seedVariant('decide');
    await saveAnalysis(t.db, analyzed(thread), null);
    const [item] = (await t.store.review.list({ threadId: thread.thread.id })).items;
    const first = await t.store.review.decide(item!.id, { action: 'escalate', note: 'unsure', version: 1 }, moderator);
    expect(first.item).toMatchObject({ version: 2, state: 'escalated' });
    expect(first.decision).toMatchObject({ action: 'escalate', note: 'unsure', itemVersion: 1, resultingState: 'escalated', decidedBy: moderator });
    await expect(t.store.review.decide(item!.id, { action: 'approve', version: 1 }, other)).rejects.toMatchObject({ code: 'stale-version', details: { currentVersion: 2 } });
    const second = await t.store.review.decide(item!.id, { action: 'remove', note: 'attack', version: 2 }, other);
    expect(second.item.history.map((d) => [d.action, d.decidedBy.name, d.itemVersion])).toEqual([
      ['escalate', 'alice', 1],
      ['remove', 'bob', 2],
    ]);
    expect(second.item.state).toBe('removed');
    expect(second.item.comment.text).toBe(thread.comments.find((c) => c.id === item!.comment.id)!.text);
    await expect(t.store.review.decide('999999', { action: 'approve', version: 1 }, moderator)).rejects.toThrow(NotFoundError);
    await expect(t.store.review.decide('nope', { action: 'approve', version: 1 }, moderator)).rejects.toThrow(NotFoundError);
  });

  it('lets exactly one of two concurrent decisions on the same version win', async () => {
    const thread = seedVariant('race');
    await saveAnalysis(t.db, analyzed(thread), null);
    const [item] = (await t.store.review.list({ threadId: thread.thread.id })).items;
    for (let round = 0; round < 5; round++) {
      const version = item!.version + round;
      const outcomes = await Promise.allSettled([
        t.store.review.decide(item!.id, { action: 'approve', version }, moderator),
        new (t.store.constructor as typeof import('../../src/store/index.js').Store)(t.connect()).review.decide(item!.id, { action: 'remove', version }, other),
      ]);
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]!.reason).toBeInstanceOf(ConflictError);
      expect(lost[0]!.reason).toMatchObject({ code: 'stale-version' });
    }
    expect((await t.store.review.get(item!.id))!.history).toHaveLength(5);
  });

  it('dismisses findings one by one and settles the item when none is left', async () => {
    const thread = seedVariant('dismiss');
    await saveAnalysis(t.db, analyzed(thread), null);
    const [item] = (await t.store.review.list({ threadId: thread.thread.id })).items;
    await expect(t.store.review.decide(item!.id, { action: 'dismiss-finding', version: 1 }, moderator)).rejects.toThrow(InvalidRequestError);
    await expect(t.store.review.decide(item!.id, { action: 'dismiss-finding', findingId: 'nope:0-1', version: 1 }, moderator)).rejects.toMatchObject({
      code: 'unknown-finding',
    });
    await expect(t.store.review.decide(item!.id, { action: 'approve', findingId: item!.findings[0]!.id, version: 1 }, moderator)).rejects.toMatchObject({
      code: 'finding-id-not-allowed',
    });
    let version = 1;
    let state = item!.state;
    for (const f of item!.findings) {
      const r = await t.store.review.decide(item!.id, { action: 'dismiss-finding', findingId: f.id, version }, moderator);
      version = r.item.version;
      state = r.item.state;
      expect(r.item.findings.find((x) => x.id === f.id)!.dismissed).toBe(true);
    }
    expect(state).toBe('dismissed');
    expect((await t.store.review.list({ threadId: thread.thread.id })).items.map((i) => i.id)).not.toContain(item!.id);
  });

  it('keeps earlier decisions visible after re-analysis and reopens an approved item only for new findings', async () => {
    const thread = seedVariant('reanalysis');
    const v1 = analyzed(thread);
    await saveAnalysis(t.db, v1, null);
    const items = (await t.store.review.list({ threadId: thread.thread.id })).items;
    const [a, b] = items;
    await t.store.review.decide(a!.id, { action: 'approve', note: 'fair comment', version: 1 }, moderator);
    await t.store.review.decide(b!.id, { action: 'approve', note: 'fine', version: 1 }, moderator);

    // Same findings under a new analyzer version: the approvals stand.
    await saveAnalysis(t.db, analyzed(thread, '2.0.0'), null);
    const afterSame = await t.store.review.get(a!.id);
    expect(afterSame).toMatchObject({ state: 'approved', analysisVersion: 2, version: 3 });
    expect(afterSame!.lastDecision).toMatchObject({ action: 'approve', note: 'fair comment', analysisVersion: 1 });

    // A rules change finds something new in a's comment: back to pending, history intact.
    await saveAnalysis(t.db, withExtraFinding(analyzed(thread, '3.0.0'), a!.comment.id, '3.0.0'), null);
    const reopened = await t.store.review.get(a!.id);
    expect(reopened).toMatchObject({ state: 'pending', analysisVersion: 3, severity: 'high' });
    expect(reopened!.history.map((d) => [d.action, d.note, d.analysisVersion])).toEqual([['approve', 'fair comment', 1]]);
    expect(reopened!.lastDecision).toMatchObject({ action: 'approve' });
    expect(reopened!.findings.map((f) => f.ruleId)).toContain('test-new-rule');
    expect((await t.store.review.get(b!.id))!.state).toBe('approved');
    expect((await t.store.threads.analyses(thread.thread.id)).map((v) => v.version)).toEqual([1, 2, 3]);
  });

  it('takes an item out of the queue (keeping it) when a new analysis no longer flags it', async () => {
    const thread = seedVariant('unflag');
    const v1 = analyzed(thread);
    await saveAnalysis(t.db, v1, null);
    const [item] = (await t.store.review.list({ threadId: thread.thread.id })).items;
    const v2 = analyzed(thread, '4.0.0');
    const c = v2.report.comments.find((x) => x.id === item!.comment.id)!;
    c.findings = [];
    c.tone = { ...c.tone!, label: 'negative' };
    v2.report.review = v2.report.review.filter((e) => e.commentId !== c.id);
    await saveAnalysis(t.db, v2, null);
    const after = await t.store.review.get(item!.id);
    expect(after).toMatchObject({ flagged: false, state: 'pending', version: 2, analysisVersion: 2 });
    expect((await t.store.review.list({ threadId: thread.thread.id })).items.map((i) => i.id)).not.toContain(item!.id);
  });

  it('lists the queue sorted by severity or age, filtered, with cursor pagination that neither skips nor repeats', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const thread = seedVariant(`list-${i}`);
      ids.push(thread.thread.id);
      const r = analyzed(thread);
      // Vary severity so the order is observable.
      await saveAnalysis(t.db, i % 2 ? withExtraFinding(r, 'c1', 'x') : r, null);
    }
    const all = [];
    let cursor: string | undefined;
    do {
      const page = await t.store.review.list({ sort: 'severity', limit: 3, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(3);
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const everything = (await t.store.review.list({ limit: 1000 })).items;
    expect(all.map((i) => i.id)).toEqual(everything.map((i) => i.id));
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
    const rank = { low: 1, medium: 2, high: 3 };
    for (let i = 1; i < all.length; i++) {
      const [p, q] = [all[i - 1]!, all[i]!];
      expect(rank[p.severity] > rank[q.severity] || (rank[p.severity] === rank[q.severity] && p.priority >= q.priority)).toBe(true);
    }
    const byAge = (await t.store.review.list({ sort: 'age', limit: 1000 })).items;
    for (let i = 1; i < byAge.length; i++) expect(byAge[i - 1]!.flaggedAt <= byAge[i]!.flaggedAt).toBe(true);
    const agePages = [];
    cursor = undefined;
    do {
      const page = await t.store.review.list({ sort: 'age', limit: 2, ...(cursor ? { cursor } : {}) });
      agePages.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(agePages.map((i) => i.id)).toEqual(byAge.map((i) => i.id));

    const newRule = (await t.store.review.list({ ruleId: 'test-new-rule', limit: 1000 })).items;
    expect(newRule.length).toBeGreaterThan(0);
    expect(newRule.every((i) => i.ruleIds.includes('test-new-rule'))).toBe(true);
    const incivility = (await t.store.review.list({ category: 'incivility', limit: 1000 })).items;
    expect(incivility.every((i) => i.categories.includes('incivility'))).toBe(true);
    const one = (await t.store.review.list({ threadId: ids[0]!, limit: 1000 })).items;
    expect(one.length).toBeGreaterThan(0);
    expect(one.every((i) => i.threadId === ids[0])).toBe(true);
    await expect(t.store.review.list({ cursor: 'garbage' })).rejects.toMatchObject({ code: 'bad-cursor' });
    const ageCursor = (await t.store.review.list({ sort: 'age', limit: 1 })).nextCursor!;
    await expect(t.store.review.list({ sort: 'severity', cursor: ageCursor })).rejects.toMatchObject({ code: 'bad-cursor' });
  });

  it('pages through threads newest first', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await t.store.threads.list(2, cursor);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const [n] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM threads');
    expect(seen).toHaveLength(n!.n);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('keeps articles insert-only and resolves them by id', async () => {
    const [a] = await seedArticles();
    expect(await t.store.articles.add([a!])).toEqual([{ id: a!.id, title: a!.title, date: a!.date, created: true }]);
    expect((await t.store.articles.add([a!]))[0]!.created).toBe(false);
    await expect(t.store.articles.add([{ ...a!, body: 'other text' }])).rejects.toMatchObject({ code: 'article-conflict' });
    expect(await t.store.articles.get([a!.id])).toEqual([{ ...a!, url: null }]);
    await expect(t.store.articles.get([a!.id, 'missing-one'])).rejects.toMatchObject({ code: 'article-not-found', details: { missing: ['missing-one'] } });
  });

  it('stores only a hash of each API key', async () => {
    const { secret, info } = await t.store.keys.create('moderator', 'alice');
    expect(await t.store.keys.verify(secret)).toEqual({ id: info.id, name: 'alice', role: 'moderator' });
    expect(await t.store.keys.verify(secret + 'x')).toBeNull();
    expect(await t.store.keys.verify('not-a-key')).toBeNull();
    const rows = await t.db.query<Record<string, unknown>>('SELECT * FROM api_keys WHERE id = $1', [info.id]);
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(JSON.stringify(rows)).not.toContain(secret.slice(4, 20));
    expect((await t.store.keys.list()).map((k) => k.id)).toContain(info.id);
  });
});

describe('embedded data directory', () => {
  it('persists across opens and refuses a second opener while in use', async () => {
    const dir = await tempDir('store-datadir');
    const a = await openStore({ dataDir: dir });
    const { secret } = await a.keys.create('admin', 'root');
    await expect(openStore({ dataDir: dir })).rejects.toThrow(DataDirBusyError);
    await a.close();
    // A lock left behind by a process that no longer exists is taken over.
    await writeFile(join(dir, 'pglite.lock'), '2147483646\n');
    const b = await openStore({ dataDir: dir });
    expect(await b.keys.verify(secret)).toMatchObject({ name: 'root', role: 'admin' });
    await b.close();
  });

  it('defaults to .threadlens/ under the working directory', async () => {
    const cwd = await tempDir('store-cwd');
    const s = await openStore({ cwd });
    expect(s.db.location).toBe(join(cwd, '.threadlens', 'pglite'));
    await s.close();
  });
});
