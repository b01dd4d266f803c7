import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp, openDeps } from '../../src/api/index.js';
import { openPostgres, quoteIdent } from '../../src/store/index.js';
import { POSTGRES_URL } from '../helpers/db.js';
import { runCli } from '../helpers/cli.js';
import { SEED_THREAD } from '../helpers/paths.js';
import { deletePrefix, redisUrl, stopOwnRedis, uniquePrefix } from '../helpers/redis.js';
import { seedThread } from '../helpers/seed.js';
import { spawnWorker, stopWorker } from '../helpers/workers.js';

afterAll(stopOwnRedis);

/*
 * The deployed shape (docker-compose.yml): `serve` with REDIS_URL and DATABASE_URL enqueues on
 * BullMQ; a separate `threadlens worker` process analyzes the thread and writes the analysis to the
 * same Postgres; the API then serves the report and the review queue from it.
 */
describe('API with the BullMQ queue and a worker process', () => {
  it('a submitted thread is analyzed by the worker and its report and review items are served', async () => {
    const url = await redisUrl();
    const prefix = uniquePrefix('api-bullmq');
    const schema = `tl_deploy_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = openPostgres(POSTGRES_URL, { max: 1 });
    await admin.exec(`CREATE SCHEMA ${quoteIdent(schema)}`);
    const env = { REDIS_URL: url, THREADLENS_QUEUE_PREFIX: prefix, DATABASE_URL: POSTGRES_URL, THREADLENS_DB_SCHEMA: schema };
    const deps = await openDeps({ databaseUrl: POSTGRES_URL, env });
    const worker = spawnWorker(env);
    try {
      expect(deps.queue.driver).toBe('bullmq');
      const app = await createApp({ ...deps, rateLimit: false });
      const ingest = (await deps.store.keys.create('ingest', 'deploy-test')).secret;
      const moderator = (await deps.store.keys.create('moderator', 'deploy-test')).secret;
      await worker.waitFor((e) => e.event === 'ready', 60_000);

      const r = await app.inject({
        method: 'POST',
        url: '/v1/threads?name=wnu.txt',
        headers: { authorization: `Bearer ${ingest}`, 'content-type': 'text/plain' },
        payload: readFileSync(SEED_THREAD),
      });
      expect(r.statusCode).toBe(202);
      const { threadId } = r.json() as { threadId: string };
      expect(threadId).toBe(seedThread().thread.id);

      let status = '';
      for (let i = 0; i < 600 && status !== 'done'; i++) {
        status = ((await app.inject({ url: `/v1/threads/${threadId}`, headers: { authorization: `Bearer ${moderator}` } })).json() as { status: string }).status;
        if (status === 'failed') throw new Error(`analysis failed; worker stderr: ${worker.stderr().slice(-500)}`);
        if (status !== 'done') await new Promise((res) => setTimeout(res, 100));
      }
      expect(status).toBe('done');
      // The report is stored before BullMQ completes the job and the worker logs it: wait for the event.
      expect((await worker.waitFor((e) => e.event === 'completed', 30_000)).event).toBe('completed');

      const report = (await app.inject({ url: `/v1/threads/${threadId}/report`, headers: { authorization: `Bearer ${moderator}` } })).json() as {
        comments: { author: string; incivility: { label: string } | null }[];
      };
      expect(report.comments.map((c) => c.author)).toEqual(['efFlh43', 'bn', 'Jay Farquharson', 'bn', 'efFlh43', 'Jay Farquharson', 'Jay Farquharson']);
      expect(report.comments[3]!.incivility?.label).toBe('uncivil');
      const review = (await app.inject({ url: `/v1/review?threadId=${encodeURIComponent(threadId)}`, headers: { authorization: `Bearer ${moderator}` } })).json() as {
        items: { comment: { index: number } }[];
      };
      expect(review.items.map((i) => i.comment.index)).toContain(3);
      await app.close();
    } finally {
      await stopWorker(worker);
      await deps.close();
      await deletePrefix(url, prefix);
      await admin.exec(`DROP SCHEMA ${quoteIdent(schema)} CASCADE`);
      await admin.close();
    }
  }, 180_000);

  it('serve refuses REDIS_URL without DATABASE_URL, saying why', async () => {
    const url = await redisUrl();
    const r = await runCli(['serve', '--data-dir', 'test-output/never-used'], '', { REDIS_URL: url, DATABASE_URL: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/REDIS_URL is set but DATABASE_URL is not: queue workers run in other processes/);
  });
});
