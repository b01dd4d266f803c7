import { readFileSync, readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewItem, ReviewItemDetail } from '../../src/model/index.js';
import { buildUi } from '../../src/ui/build.js';
import { startTestApi, waitForThread, type TestApi } from '../helpers/api.js';
import { launchChromium } from '../helpers/browser.js';
import { SEED_ARTICLES, SEED_THREAD, TEST_OUTPUT, tempDir } from '../helpers/paths.js';

const PHRASE = 'leave the drugs mn or get better info';
const SHOTS = join(TEST_OUTPUT, 'ui-e2e');

/**
 * The moderator page in a real browser against a real server: the seed thread is submitted over the
 * API, a moderator signs in, finds comment 4, removes it with the keyboard, and the API confirms.
 */
describe('review page in headless Chromium', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  let threadId: string;
  const problems: string[] = [];

  beforeAll(async () => {
    // The page under test is built from the current source, not whatever dist/ui holds.
    const uiDir = await tempDir('ui-bundle');
    await buildUi(uiDir);
    api = await startTestApi('pglite', { transport: 'http', uiDir });
    const articles = readdirSync(SEED_ARTICLES)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => ({ id: f.replace(/\.txt$/, ''), text: readFileSync(join(SEED_ARTICLES, f), 'utf8') }));
    expect(articles.length).toBeGreaterThan(0);
    const stored = await api.as('ingest', { method: 'POST', url: '/v1/articles', payload: { articles } });
    expect(stored.statusCode, stored.body).toBe(201);
    const submitted = await api.as('ingest', {
      method: 'POST',
      url: `/v1/threads?name=thread-wnu-russia-rebels.txt&articles=${articles.map((a) => a.id).join(',')}`,
      headers: { 'content-type': 'text/plain' },
      payload: readFileSync(SEED_THREAD),
    });
    expect(submitted.statusCode, submitted.body).toBe(202);
    threadId = submitted.json().threadId;
    await waitForThread(api, threadId);
    await mkdir(SHOTS, { recursive: true });

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()} at ${m.location().url}:${m.location().lineNumber} (page ${page.url()})`));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const heading = () => page.locator('#item-h');

  it('signs in with an API key and shows the role', async () => {
    await page.goto(`${api.url}/ui/`);
    await expect(page.getByRole('heading', { name: 'Sign in' }).isVisible()).resolves.toBe(true);
    await page.getByLabel('API key').fill(api.keys.moderator);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#who-text').filter({ hasText: 'role: moderator' }).waitFor();
    await page.locator('body[data-ready="true"]').waitFor();
    // The key is in this tab's session storage, nowhere else.
    // (Page code as strings: this file is type-checked without the DOM library.)
    expect(await page.evaluate("[sessionStorage.getItem('threadlens.apiKey'), localStorage.length, document.cookie]")).toEqual([api.keys.moderator, 0, '']);
  });

  it('lists pending items most severe first and shows comment 4 with the phrase highlighted and its context', async () => {
    const severities = await page.locator('.qitem .sev').allTextContents();
    expect(severities.length).toBeGreaterThan(1);
    const rank = { low: 1, medium: 2, high: 3 } as Record<string, number>;
    for (let i = 1; i < severities.length; i++) expect(rank[severities[i - 1]!]).toBeGreaterThanOrEqual(rank[severities[i]!]!);

    // Walk the queue with j until comment 4 is shown (k steps back: checked on the way).
    await page.locator('body').press('j');
    await page.locator('body').press('k');
    expect(await page.locator('.qitem[aria-current="true"]').getAttribute('data-item')).toBe(await page.locator('.qitem').first().getAttribute('data-item'));
    for (let i = 0; i < severities.length && (await heading().textContent()) !== 'Comment 4 by bn'; i++) await page.locator('body').press('j');
    expect(await heading().textContent()).toBe('Comment 4 by bn');

    const mark = page.locator('.comment-text mark.flag', { hasText: PHRASE });
    await mark.waitFor();
    expect(await mark.textContent()).toBe(PHRASE);
    expect(await mark.getAttribute('data-rules')).toContain('drug-insinuation');
    // Focus (keyboard) shows rule and reason.
    await mark.focus();
    const tip = page.locator('#tip');
    await tip.waitFor({ state: 'visible' });
    expect(await tip.textContent()).toMatch(/drug-insinuation \(high\): .+/);

    const context = page.locator('#context');
    await context.getByText('Challenged by (1)').waitFor();
    expect(await context.locator('.challenges').textContent()).toMatch(/Comment 5 by efFlh43: disagrees with it/);
    expect(await context.textContent()).toMatch(/In reply to\s*Comment 3 by Jay Farquharson/);
    expect(await context.locator('.author-flagged').textContent()).toContain('Comment 2');
    await page.screenshot({ path: join(SHOTS, 'review-comment-4.png'), fullPage: true });
  });

  it('removes comment 4 with the r key, with a note, shows the next item, and the API has the decision', async () => {
    const itemId = (await page.locator('.qitem[aria-current="true"]').getAttribute('data-item'))!;
    await page.getByLabel('Note (optional)').fill('drug insinuation aimed at another commenter');
    await page.getByLabel('Note (optional)').press('Escape');
    await page.locator('body').press('r');
    await page.locator('#status').filter({ hasText: 'Comment 4 removed' }).waitFor();
    expect(await heading().textContent()).not.toBe('Comment 4 by bn');
    expect(await page.locator(`.qitem[data-item="${itemId}"]`).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'review-after-remove.png'), fullPage: true });

    const r = await api.as('moderator', { url: `/v1/review/${itemId}` });
    expect(r.statusCode).toBe(200);
    const item = r.json() as ReviewItemDetail;
    expect(item.comment.index).toBe(3);
    expect(item.comment.text).toContain(PHRASE);
    expect(item.state).toBe('removed');
    expect(item.history).toHaveLength(1);
    expect(item.history[0]).toMatchObject({ action: 'remove', note: 'drug insinuation aimed at another commenter', decidedBy: { name: 'moderator-tester', role: 'moderator' } });
  });

  it('dismisses a single finding with its button; the item stays, with its other findings open', async () => {
    const itemId = (await page.locator('.qitem[aria-current="true"]').getAttribute('data-item'))!;
    const open = page.locator('.findings > li:not(.dismissed)');
    const before = await open.count();
    expect(before).toBeGreaterThan(1);
    await open.first().getByRole('button', { name: /^Dismiss finding / }).click();
    await page.locator('#status').filter({ hasText: 'finding dismissed; the item is pending' }).waitFor();
    expect(await page.locator('.qitem[aria-current="true"]').getAttribute('data-item')).toBe(itemId);
    expect(await page.locator('.findings > li.dismissed').count()).toBe(1);
    expect(await open.count()).toBe(before - 1);
    const item = (await api.as('moderator', { url: `/v1/review/${itemId}` })).json() as ReviewItemDetail;
    expect(item.state).toBe('pending');
    expect(item.findings.filter((f) => f.dismissed)).toHaveLength(1);
    expect(item.history.map((d) => d.action)).toEqual(['dismiss-finding']);
  });

  it('shows a conflict with both decisions when another moderator decided first, and loses neither', async () => {
    const itemId = (await page.locator('.qitem[aria-current="true"]').getAttribute('data-item'))!;
    const before = (await api.as('admin', { url: `/v1/review/${itemId}` })).json() as ReviewItem;
    // Someone else escalates it behind this page's back.
    const other = await api.as('admin', { method: 'POST', url: `/v1/review/${itemId}/decision`, payload: { action: 'escalate', version: before.version, note: 'legal should look' } });
    expect(other.statusCode).toBe(201);

    await page.locator('body').press('a');
    const conflict = page.locator('.conflict');
    await conflict.waitFor();
    const text = await conflict.textContent();
    expect(text).toContain('escalate by admin-tester (admin)');
    expect(text).toContain('legal should look');
    expect(text).toContain('Your decision, not saved: approve');
    expect((await api.as('admin', { url: `/v1/review/${itemId}` })).json().state).toBe('escalated');
    await page.screenshot({ path: join(SHOTS, 'review-conflict.png'), fullPage: true });

    await conflict.getByRole('button', { name: 'Record my decision too' }).click();
    await page.locator('#status').filter({ hasText: 'approved' }).waitFor();
    const after = (await api.as('admin', { url: `/v1/review/${itemId}` })).json() as ReviewItemDetail;
    expect(after.history.map((d) => [d.action, d.decidedBy.name])).toEqual([
      ['dismiss-finding', 'moderator-tester'],
      ['escalate', 'admin-tester'],
      ['approve', 'moderator-tester'],
    ]);
    expect(after.state).toBe('approved');
  });

  it('shows the thread report page: summary, reply tree, claims table, tone chart, participants', async () => {
    await page.goto(`${api.url}/ui/thread.html?id=${encodeURIComponent(threadId)}`);
    await page.locator('body[data-ready="true"]').waitFor();
    for (const name of ['Summary', 'Claims', 'Thread', 'Participants', 'Comments']) {
      expect(await page.getByRole('heading', { name, exact: true }).count(), name).toBe(1);
    }
    expect(await page.locator('svg[role="img"] circle').count()).toBeGreaterThan(3);
    expect(await page.locator('table.claims tbody tr').count()).toBeGreaterThan(3);
    expect(await page.locator('.tree li').count()).toBeGreaterThan(3);
    expect(await page.locator('.participants').textContent()).toContain('Jay Farquharson');
    // The report's styles come from report.css (the page's CSP would block its inline <style>).
    expect(await page.locator('mark.flag').first().evaluate('(e) => getComputedStyle(e).backgroundColor')).not.toBe('rgba(0, 0, 0, 0)');
    await page.screenshot({ path: join(SHOTS, 'thread-report.png'), fullPage: true });
  });

  it('ran without script errors or Content-Security-Policy violations', () => {
    // The one failed request expected: the stale decision the conflict test provoked.
    const expected = /status of 409 .* at http:\/\/[^/]+\/v1\/review\/\d+\/decision:/;
    expect(problems.filter((p) => !expected.test(p))).toEqual([]);
    expect(problems.filter((p) => expected.test(p))).toHaveLength(1);
  });
});
