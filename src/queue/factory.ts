import { BullMQQueue } from './bullmq.js';
import type { QueueConfig } from './config.js';
import { InProcessQueue } from './in-process.js';
import type { AnalysisQueue, ResultSink } from './types.js';

export interface CreateQueueOptions {
  /**
   * Where reports go for the in-process driver (it runs jobs here). Ignored by the BullMQ driver:
   * there the workers run the jobs and deliver to their own sinks.
   */
  sink?: ResultSink;
  /** In-process concurrency (defaults to config.concurrency). */
  concurrency?: number;
}

/**
 * The one place that picks a driver: BullMQ over Redis when REDIS_URL is set (checked to be
 * reachable, else a QueueUnavailableError saying so), the in-process driver otherwise.
 */
export async function createQueue(config: QueueConfig, opts: CreateQueueOptions = {}): Promise<AnalysisQueue> {
  if (config.redisUrl) return BullMQQueue.connect(config);
  return new InProcessQueue({
    concurrency: opts.concurrency ?? config.concurrency,
    attempts: config.attempts,
    backoffMs: config.backoffMs,
    keepCompleted: config.keepCompleted,
    keepFailed: config.keepFailed,
    ...(opts.sink ? { sink: opts.sink } : {}),
  });
}
