import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BullMQQueue, queueConfigFromEnv } from '../../src/queue/index.js';
import { REPO, tempDir } from '../helpers/paths.js';
import { deletePrefix, redisUrl, stopOwnRedis, uniquePrefix } from '../helpers/redis.js';
import { seedVariants, spawnWorker, stopWorker } from '../helpers/workers.js';

afterAll(stopOwnRedis);

function healthcheck(env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'workers/healthcheck.ts'], { cwd: REPO, env: { ...process.env, ...env }, encoding: 'utf8' });
}

describe('threadlens worker process', () => {
  it('reports health through its heartbeat file, and on SIGTERM finishes the active job before exiting 0', async () => {
    const url = await redisUrl();
    const prefix = uniquePrefix('graceful');
    const dir = await tempDir('graceful');
    const healthFile = join(dir, 'worker.health');
    const env = { REDIS_URL: url, THREADLENS_QUEUE_PREFIX: prefix, THREADLENS_HEALTH_FILE: healthFile };
    const queue = await BullMQQueue.connect(queueConfigFromEnv(env), { pollMs: 200 });
    const w = spawnWorker(env);
    try {
      await w.waitFor((e) => e.event === 'ready', 60_000);
      for (let i = 0; i < 300 && !existsSync(healthFile); i++) await new Promise((r) => setTimeout(r, 50));
      expect(healthcheck(env).status).toBe(0);

      const [big] = seedVariants(1, 4000, 'graceful');
      const { jobId } = await queue.enqueue({ thread: big!, articles: [], output: { dir, name: 'big.json' } });
      for (let i = 0; ; i++) {
        const info = await queue.getJob(jobId);
        if (info?.state === 'active' && info.progress >= 10) break;
        if (i > 600) throw new Error(`job never became active: ${JSON.stringify(info)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      w.child.kill('SIGTERM');
      expect(await w.exited).toBe(0);
      const kinds = w.events.map((e) => e.event);
      expect(kinds.indexOf('shutdown')).toBeGreaterThan(-1);
      expect(kinds.indexOf('completed')).toBeGreaterThan(kinds.indexOf('shutdown'));
      expect(kinds.at(-1)).toBe('stopped');
      expect(await queue.getJob(jobId)).toMatchObject({ state: 'completed' });
      expect(existsSync(join(dir, 'big.json'))).toBe(true);

      const stale = healthcheck({ ...env, THREADLENS_HEALTH_MAX_AGE_MS: '1' });
      expect(stale.status).toBe(1);
      expect(stale.stderr).toMatch(/unhealthy: .*worker\.health is \d+ s old/);
    } finally {
      await stopWorker(w);
      await queue.close();
      await deletePrefix(url, prefix);
    }
  }, 120_000);

  it('refuses to start without REDIS_URL, saying what to set', async () => {
    const { spawnCli } = await import('../helpers/cli.js');
    const r = await spawnCli(['worker'], { env: { REDIS_URL: '' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/threadlens worker needs REDIS_URL/);
  });
});
