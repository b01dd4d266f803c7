import { randomBytes } from 'node:crypto';
import { Queue, QueueEvents, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { analysisKeyOfJob, JobWaiters } from './bullmq-wait.js';
import type { QueueConfig } from './config.js';
import { ANALYZE_JOB, checkAnalyzePayload, QUEUE_NAME, type AnalyzeJobPayload, type AnalyzeJobReturn } from './jobs.js';
import { doneKey, jobKey, parseMarker } from './marker.js';
import { ensureConnected, isQueueUnavailable, producerConnection, QueueUnavailableError, workerConnectionOptions } from './redis.js';
import { analysisKey, type AnalysisQueue, type EnqueueOptions, type EnqueueResult, type JobInfo, type JobOutcome, type JobState } from './types.js';

type AnalyzeJob = Job<AnalyzeJobPayload, AnalyzeJobReturn>;

/**
 * The BullMQ driver, producer side: enqueues jobs, answers questions about them and waits for them.
 * Jobs are run by workers (bullmq-worker.ts) in other processes, which write the reports to their
 * sinks; the job's return value in Redis is a small summary (AnalyzeJobReturn), never the report.
 */
export class BullMQQueue implements AnalysisQueue {
  readonly driver = 'bullmq' as const;
  private readonly queue: Queue<AnalyzeJobPayload, AnalyzeJobReturn>;
  private events: QueueEvents | undefined;
  private waiters: JobWaiters | undefined;
  private closed = false;

  private constructor(
    private readonly config: QueueConfig & { redisUrl: string },
    private readonly client: Redis,
    private readonly pollMs: number,
  ) {
    this.queue = new Queue(QUEUE_NAME, { connection: client, prefix: config.prefix });
    this.queue.on('error', () => {}); // surfaced by the failing call instead
  }

  /** Connect to Redis (failing within config.redisTimeoutMs with a clear error) and return the driver. */
  static async connect(config: QueueConfig, opts: { pollMs?: number } = {}): Promise<BullMQQueue> {
    if (!config.redisUrl) throw new Error('BullMQQueue needs config.redisUrl (REDIS_URL)');
    const client = producerConnection(config.redisUrl, config.redisTimeoutMs);
    try {
      await ensureConnected(client, config.redisUrl, config.redisTimeoutMs, 'cannot use the queue');
    } catch (e) {
      client.disconnect();
      throw e;
    }
    return new BullMQQueue({ ...config, redisUrl: config.redisUrl }, client, opts.pollMs ?? 1000);
  }

  get prefix(): string {
    return this.config.prefix;
  }

  async enqueue(payload: AnalyzeJobPayload, options: EnqueueOptions = {}): Promise<EnqueueResult> {
    if (this.closed) throw new Error('queue is closed');
    const origin = payload.origin;
    if (!checkAnalyzePayload.check(payload)) {
      const where = checkAnalyzePayload.problems(payload, 3).map((p) => `${p.path}: ${p.message}`).join('; ');
      throw new Error(`invalid analyze job payload${origin ? ` for ${origin}` : ''}: ${where}`);
    }
    const key = analysisKey(payload);
    return this.redisCall(async () => {
      if (!options.force) {
        const res = (await this.client.pipeline().get(doneKey(this.prefix, key)).exists(jobKey(this.prefix, key)).exec()) ?? [];
        const marker = parseMarker((res[0]?.[1] as string | null) ?? null);
        if (res[1]?.[1] === 1) return { jobId: key, deduplicated: true };
        if (marker) return { jobId: marker.jobId, deduplicated: true };
      }
      const jobId = options.force ? `${key}-force-${Date.now().toString(36)}${randomBytes(3).toString('hex')}` : key;
      // Two producers racing on the same key both get this one job: BullMQ ignores an add with an existing id.
      await this.queue.add(ANALYZE_JOB, payload, {
        jobId,
        attempts: this.config.attempts,
        backoff: { type: 'exponential', delay: this.config.backoffMs },
        removeOnComplete: { count: this.config.keepCompleted },
        removeOnFail: { count: this.config.keepFailed },
      });
      return { jobId, deduplicated: false };
    }, `${payload.origin ?? payload.thread.thread.id} was not enqueued`);
  }

  async getJob(jobId: string): Promise<JobInfo | null> {
    return this.redisCall(async () => {
      const job = (await this.queue.getJob(jobId)) as AnalyzeJob | undefined;
      if (job) return toInfo(job, await job.getState());
      const marker = parseMarker(await this.client.get(doneKey(this.prefix, analysisKeyOfJob(jobId))));
      if (!marker || marker.jobId !== jobId) return null;
      // Completed and trimmed: the marker remembers it.
      return { id: jobId, state: 'completed', threadId: marker.threadId, progress: 100, attemptsMade: 1, createdAt: marker.finishedAt, finishedAt: marker.finishedAt };
    });
  }

  async waitFor(jobId: string, timeoutMs = 0): Promise<JobOutcome> {
    const waiters = await this.redisCall(() => this.ensureWaiters());
    return new Promise<JobOutcome>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const w = {
        resolve: (o: JobOutcome) => (clearTimeout(timer), resolve(o)),
        reject: (e: Error) => (clearTimeout(timer), reject(e)),
      };
      if (timeoutMs > 0) {
        timer = setTimeout(() => {
          waiters.remove(jobId, w);
          reject(new Error(`timed out after ${timeoutMs} ms waiting for job ${jobId}`));
        }, timeoutMs);
      }
      waiters.add(jobId, w);
    });
  }

  async listFailed(offset = 0, limit = 50): Promise<JobInfo[]> {
    return this.redisCall(async () => {
      const jobs = (await this.queue.getFailed(offset, offset + limit - 1)) as AnalyzeJob[];
      return jobs.map((j) => toInfo(j, 'failed'));
    });
  }

  async retry(jobId: string): Promise<boolean> {
    if (this.closed) return false;
    return this.redisCall(async () => {
      const job = (await this.queue.getJob(jobId)) as AnalyzeJob | undefined;
      if (!job || (await job.getState()) !== 'failed') return false;
      await job.retry('failed', { resetAttemptsMade: true });
      return true;
    });
  }

  async counts(): Promise<Record<JobState, number>> {
    return this.redisCall(async () => {
      const c = await this.queue.getJobCounts('waiting', 'prioritized', 'active', 'completed', 'failed', 'delayed');
      return {
        waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
        active: c.active ?? 0,
        completed: c.completed ?? 0,
        failed: c.failed ?? 0,
        delayed: c.delayed ?? 0,
      };
    });
  }

  /** Workers connected to this queue right now (BullMQ names their Redis connections). */
  async connectedWorkers(): Promise<number> {
    return this.redisCall(async () => (await this.queue.getWorkers()).length);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.waiters?.rejectAll(new Error('queue closed while waiting'));
    await this.events?.close().catch(() => {});
    await this.queue.close().catch(() => {});
    this.client.disconnect();
  }

  private async ensureWaiters(): Promise<JobWaiters> {
    if (this.waiters) return this.waiters;
    // QueueEvents blocks on XREAD, so it has its own connection (one that waits for Redis to come back).
    this.events = new QueueEvents(QUEUE_NAME, { connection: workerConnectionOptions(this.config.redisUrl), prefix: this.prefix });
    this.events.on('error', () => {}); // reconnects by itself; the sweep covers what it misses
    this.waiters = new JobWaiters(this.client, this.prefix, this.events, this.pollMs);
    return this.waiters;
  }

  /** Run Redis work; fail at once with QueueUnavailableError while Redis is away. */
  private async redisCall<T>(fn: () => Promise<T>, action?: string): Promise<T> {
    await ensureConnected(this.client, this.config.redisUrl, this.config.redisTimeoutMs, action);
    try {
      return await fn();
    } catch (e) {
      if (isQueueUnavailable(e)) throw e;
      const msg = (e as Error).message;
      if (this.client.status !== 'ready' || /Stream isn't writeable|max retries per request|Connection is closed|ECONNREFUSED|ECONNRESET/i.test(msg)) {
        throw new QueueUnavailableError(this.config.redisUrl, msg, action ?? 'the call did not complete');
      }
      throw e;
    }
  }
}

function toInfo(job: AnalyzeJob, state: string): JobInfo {
  const mapped: JobState =
    state === 'completed' || state === 'failed' || state === 'active' || state === 'delayed' ? state : 'waiting';
  const progress = mapped === 'completed' ? 100 : typeof job.progress === 'number' ? job.progress : 0;
  return {
    id: job.id ?? '',
    state: mapped,
    // A malformed job (written by another producer) may lack a thread: it is listed anyway.
    threadId: (job.data as Partial<AnalyzeJobPayload> | undefined)?.thread?.thread?.id ?? '(invalid payload)',
    progress,
    attemptsMade: job.attemptsMade,
    createdAt: new Date(job.timestamp).toISOString(),
    ...(job.data?.origin ? { origin: job.data.origin } : {}),
    ...(job.failedReason ? { failedReason: job.failedReason } : {}),
    ...(job.finishedOn ? { finishedAt: new Date(job.finishedOn).toISOString() } : {}),
  };
}
