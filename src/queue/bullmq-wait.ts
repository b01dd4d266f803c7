import type { QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type { AnalyzeJobReturn } from './jobs.js';
import { QUEUE_NAME } from './jobs.js';
import { doneKey, jobKey, parseMarker } from './marker.js';
import type { JobOutcome } from './types.js';

/** Jobs looked at closely per tick (trimmed / removed detection). */
const SWEEP_SLICE = 200;

interface Waiter {
  resolve: (o: JobOutcome) => void;
  reject: (e: Error) => void;
}

/** The analysis key a job id belongs to (forced re-runs append `-force-<n>`). */
export function analysisKeyOfJob(jobId: string): string {
  return jobId.replace(/-force-[\w]+$/, '');
}

export function outcomeOf(jobId: string, ret: AnalyzeJobReturn): JobOutcome {
  return { jobId, threadId: ret.threadId, analysisKey: ret.analysisKey, comments: ret.comments, delivered: ret.delivered };
}

/**
 * Resolves waitFor() calls. Events (QueueEvents) give the fast path; a periodic sweep over the pending
 * jobs covers what events cannot: an event missed while Redis restarted, a job that finished before
 * the listener was up, a completed job already trimmed (its done marker answers then).
 */
export class JobWaiters {
  private readonly pending = new Map<string, Waiter[]>();
  private timer: NodeJS.Timeout | undefined;
  private sweeping = false;
  private cursor = 0;
  private fresh: string[] = [];

  constructor(
    private readonly client: Redis,
    private readonly prefix: string,
    events: QueueEvents,
    private readonly pollMs: number,
  ) {
    events.on('completed', ({ jobId, returnvalue }) => {
      const ret = (typeof returnvalue === 'string' ? JSON.parse(returnvalue) : returnvalue) as AnalyzeJobReturn | null;
      if (ret) this.settle(jobId, outcomeOf(jobId, ret));
    });
    // 'failed' can precede a retry in some versions: confirm the state before rejecting.
    events.on('failed', ({ jobId }) => void this.check([jobId]));
  }

  add(jobId: string, waiter: Waiter): void {
    const list = this.pending.get(jobId) ?? [];
    list.push(waiter);
    this.pending.set(jobId, list);
    this.timer ??= setInterval(() => void this.sweep(), this.pollMs);
    // A job may have finished before the event listener was up: look once, batched with the other
    // waits started in the same turn (one pipeline per 100 jobs, not one round trip per job).
    this.fresh.push(jobId);
    if (this.fresh.length === 1) {
      setImmediate(() => {
        const ids = this.fresh.splice(0);
        for (let i = 0; i < ids.length; i += 100) void this.check(ids.slice(i, i + 100)).catch(() => {});
      });
    }
  }

  remove(jobId: string, waiter: Waiter): void {
    const list = this.pending.get(jobId);
    if (!list) return;
    list.splice(list.indexOf(waiter), 1);
    if (list.length === 0) this.pending.delete(jobId);
    this.stopIfIdle();
  }

  rejectAll(e: Error): void {
    for (const id of [...this.pending.keys()]) this.settle(id, e);
  }

  private settle(jobId: string, outcome: JobOutcome | Error): void {
    const list = this.pending.get(jobId);
    if (!list) return;
    this.pending.delete(jobId);
    for (const w of list) (outcome instanceof Error ? w.reject(outcome) : w.resolve(outcome));
    this.stopIfIdle();
  }

  private stopIfIdle(): void {
    if (this.pending.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  /**
   * Each tick: ask the completed and failed sets about every pending job (two ZMSCOREs per 1,000 jobs)
   * and settle the finished ones; then look closely at a rotating slice (jobs trimmed or removed).
   * Events are only a fast path: BullMQ caps its event stream (about 10,000 entries), so a producer
   * that falls behind a big batch loses events, and this sweep settles those jobs within a tick.
   */
  private async sweep(): Promise<void> {
    if (this.sweeping || this.client.status !== 'ready') return; // Redis away: keep waiting, try next tick
    this.sweeping = true;
    try {
      const ids = [...this.pending.keys()];
      for (let i = 0; i < ids.length; i += 1000) {
        const chunk = ids.slice(i, i + 1000);
        const res = (await this.client
          .pipeline()
          .zmscore(`${this.prefix}:${QUEUE_NAME}:completed`, ...chunk)
          .zmscore(`${this.prefix}:${QUEUE_NAME}:failed`, ...chunk)
          .exec()) ?? [];
        const [done, failed] = [res[0]?.[1], res[1]?.[1]] as [(string | null)[] | undefined, (string | null)[] | undefined];
        const finished = chunk.filter((_, k) => done?.[k] != null || failed?.[k] != null);
        for (let k = 0; k < finished.length; k += 100) await this.check(finished.slice(k, k + 100));
      }
      const rest = [...this.pending.keys()];
      if (this.cursor >= rest.length) this.cursor = 0;
      const slice = rest.slice(this.cursor, this.cursor + SWEEP_SLICE);
      this.cursor += SWEEP_SLICE;
      for (let k = 0; k < slice.length; k += 100) await this.check(slice.slice(k, k + 100));
    } catch {
      // A failed sweep (Redis went away mid-way) is retried on the next tick.
    } finally {
      this.sweeping = false;
    }
  }

  /** Look at each job's state in one round trip; settle the finished ones. */
  private async check(ids: string[]): Promise<void> {
    if (ids.length === 0 || this.client.status !== 'ready') return;
    const pipe = this.client.pipeline();
    for (const id of ids) {
      pipe.hmget(jobKey(this.prefix, id), 'finishedOn', 'returnvalue', 'failedReason');
      pipe.zscore(`${this.prefix}:${QUEUE_NAME}:failed`, id);
      pipe.exists(jobKey(this.prefix, id));
      pipe.get(doneKey(this.prefix, analysisKeyOfJob(id)));
    }
    const res = (await pipe.exec()) ?? [];
    const at = (i: number) => res[i]?.[1];
    ids.forEach((id, n) => {
      const i = n * 4;
      const [finishedOn, returnvalue, failedReason] = (at(i) ?? []) as (string | null)[];
      const failed = at(i + 1) != null;
      const exists = at(i + 2) === 1;
      const marker = parseMarker((at(i + 3) as string | null) ?? null);
      if (exists && failed) this.settle(id, new Error(failedReason ?? `job ${id} failed`));
      else if (exists && finishedOn && returnvalue) this.settle(id, outcomeOf(id, JSON.parse(returnvalue) as AnalyzeJobReturn));
      else if (!exists && marker) this.settle(id, outcomeOf(id, marker)); // completed, then trimmed by removeOnComplete
      else if (!exists) this.settle(id, new Error(`job ${id} is no longer in Redis and never completed (removed, or trimmed after failing)`));
    });
  }
}
