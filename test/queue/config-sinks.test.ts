import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeSinks, ConfigError, createQueue, outputDirSink, processAnalyzeJob, queueConfigFromEnv, redactRedisUrl, type AnalyzeJobPayload, type JobInfo } from '../../src/queue/index.js';
import { tempDir } from '../helpers/paths.js';
import { seedArticles, seedThread } from '../helpers/seed.js';

const info: JobInfo = { id: 'j1', state: 'active', threadId: 't', progress: 80, attemptsMade: 1, createdAt: '2026-01-01T00:00:00Z' };

describe('queue configuration', () => {
  it('reads the environment with documented defaults', () => {
    expect(queueConfigFromEnv({})).toMatchObject({ redisUrl: undefined, prefix: 'threadlens', attempts: 3, backoffMs: 1000, keepCompleted: 1000, keepFailed: 5000, concurrency: 1 });
    expect(queueConfigFromEnv({ REDIS_URL: 'redis://h:6380/2', THREADLENS_WORKER_CONCURRENCY: '4', THREADLENS_QUEUE_PREFIX: 'prod-eu' })).toMatchObject({ redisUrl: 'redis://h:6380/2', concurrency: 4, prefix: 'prod-eu' });
  });

  it('names the variable and what is expected when a value is wrong', () => {
    expect(() => queueConfigFromEnv({ THREADLENS_JOB_ATTEMPTS: '0' })).toThrow(new ConfigError('THREADLENS_JOB_ATTEMPTS="0": expected an integer ≥ 1'));
    expect(() => queueConfigFromEnv({ REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL="localhost:6379": expected redis:\/\//);
    expect(() => queueConfigFromEnv({ THREADLENS_QUEUE_PREFIX: 'a b' })).toThrow(/THREADLENS_QUEUE_PREFIX/);
  });

  it('never prints a Redis password', () => {
    expect(redactRedisUrl('redis://user:s3cret@host:6379/0')).toBe('redis://user:***@host:6379/0');
  });

  it('createQueue picks the in-process driver without REDIS_URL', async () => {
    const q = await createQueue(queueConfigFromEnv({}));
    expect(q.driver).toBe('in-process');
    await q.close();
  });
});

describe('result sinks', () => {
  it('the output-directory sink writes the JSON report atomically where the job says, else to its default directory', async () => {
    const dir = await tempDir('sink');
    const payload: AnalyzeJobPayload = { thread: seedThread(), articles: await seedArticles() };
    const result = processAnalyzeJob(payload);
    const named = await outputDirSink()(result, info, { ...payload, output: { dir, name: 'x.json' } });
    expect(named).toBe(join(dir, 'x.json'));
    expect(JSON.parse(await readFile(join(dir, 'x.json'), 'utf8'))).toMatchObject({ thread: { id: result.threadId } });
    expect(await outputDirSink({ defaultDir: dir })(result, info, payload)).toBe(join(dir, `${result.threadId}.json`));
    expect(await outputDirSink()(result, info, payload)).toBeUndefined(); // nowhere to write: other sinks only
    await expect(outputDirSink()(result, info, { ...payload, output: { dir, name: '../x.json' } })).rejects.toThrow(/refusing report file name/);
  });

  it('composeSinks runs every sink in order, collects locations, and fails when one fails', async () => {
    const calls: string[] = [];
    const payload: AnalyzeJobPayload = { thread: seedThread(), articles: [] };
    const result = processAnalyzeJob(payload);
    const sink = composeSinks(async () => void calls.push('a'), undefined, async () => (calls.push('b'), ['store:1', 'store:2']), false);
    expect(await sink(result, info, payload)).toEqual(['store:1', 'store:2']);
    expect(calls).toEqual(['a', 'b']);
    const failing = composeSinks(async () => 'file', async () => Promise.reject(new Error('db down')));
    await expect(failing(result, info, payload)).rejects.toThrow('db down');
  });
});
