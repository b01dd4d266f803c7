import { describe, expect, it } from 'vitest';
import { InProcessQueue, type AnalyzeJobPayload, type AnalyzeJobResult } from '../../src/queue/index.js';
import { seedArticles, seedThread } from '../helpers/seed.js';

async function payload(): Promise<AnalyzeJobPayload> {
  return { thread: seedThread(), articles: await seedArticles(), origin: 'seed' };
}

describe('in-process queue driver', () => {
  it('analyzes a thread and hands the report to the sink', async () => {
    const seen: AnalyzeJobResult[] = [];
    const q = new InProcessQueue({ sink: async (r) => void seen.push(r) });
    const { jobId, deduplicated } = await q.enqueue(await payload());
    expect(deduplicated).toBe(false);
    const result = await q.waitFor(jobId, 10_000);
    expect(result.report.comments).toHaveLength(7);
    expect(seen).toHaveLength(1);
    expect((await q.getJob(jobId))?.state).toBe('completed');
    expect((await q.getJob(jobId))?.progress).toBe(100);
    await q.close();
  });

  it('does not analyze the same content twice unless forced', async () => {
    let runs = 0;
    const q = new InProcessQueue({ sink: async () => void runs++ });
    const p = await payload();
    const a = await q.enqueue(p);
    const b = await q.enqueue(structuredClone(p));
    expect(b).toEqual({ jobId: a.jobId, deduplicated: true });
    await q.waitFor(a.jobId, 10_000);
    const c = await q.enqueue(p, { force: true });
    expect(c.deduplicated).toBe(false);
    expect(c.jobId).not.toBe(a.jobId);
    await q.waitFor(c.jobId, 10_000);
    expect(runs).toBe(2);
    await q.close();
  });

  it('retries with backoff, then keeps a poison job as failed with its error while others go on', async () => {
    const poison = await payload();
    poison.thread = { ...poison.thread, thread: { ...poison.thread.thread, contentHash: 'poison', id: 'poison-thread' } };
    let poisonTries = 0;
    const q = new InProcessQueue({
      attempts: 3,
      backoffMs: 5,
      processor: async (p) => {
        if (p.thread.thread.id === 'poison-thread') {
          poisonTries++;
          throw new Error('analyzer exploded');
        }
        const { processAnalyzeJob } = await import('../../src/queue/index.js');
        return processAnalyzeJob(p);
      },
    });
    const bad = await q.enqueue(poison);
    const good = await q.enqueue(await payload());
    await expect(q.waitFor(bad.jobId, 10_000)).rejects.toThrow('analyzer exploded');
    await expect(q.waitFor(good.jobId, 10_000)).resolves.toMatchObject({ threadId: seedThread().thread.id });
    expect(poisonTries).toBe(3);
    const failed = await q.listFailed();
    expect(failed.map((j) => [j.id, j.failedReason, j.attemptsMade])).toEqual([[bad.jobId, 'analyzer exploded', 3]]);
    expect(await q.counts()).toMatchObject({ completed: 1, failed: 1, waiting: 0, active: 0 });
    // A retried job runs again (and fails again here).
    expect(await q.retry(bad.jobId)).toBe(true);
    await expect(q.waitFor(bad.jobId, 10_000)).rejects.toThrow('analyzer exploded');
    expect(poisonTries).toBe(6);
    expect(await q.retry('no-such-job')).toBe(false);
    await q.close();
  });

  it('a failing sink fails the job (nothing is silently lost)', async () => {
    const q = new InProcessQueue({ attempts: 1, sink: async () => Promise.reject(new Error('disk full')) });
    const { jobId } = await q.enqueue(await payload());
    await expect(q.waitFor(jobId, 10_000)).rejects.toThrow('disk full');
    expect((await q.getJob(jobId))?.state).toBe('failed');
    await q.close();
  });

  it('close() waits for the running job', async () => {
    let finished = false;
    const q = new InProcessQueue({
      processor: async (p) => {
        await new Promise((r) => setTimeout(r, 50));
        finished = true;
        const { processAnalyzeJob } = await import('../../src/queue/index.js');
        return processAnalyzeJob(p);
      },
    });
    await q.enqueue(await payload());
    await new Promise((r) => setTimeout(r, 10));
    await q.close();
    expect(finished).toBe(true);
    await expect(q.enqueue(await payload())).rejects.toThrow('queue is closed');
  });
});
