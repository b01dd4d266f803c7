import { processAnalyzeJob } from './process-job.js';
import { locations } from './sinks.js';
import {
  analysisKey,
  type AnalysisQueue,
  type AnalyzeJobPayload,
  type AnalyzeJobResult,
  type EnqueueOptions,
  type EnqueueResult,
  type JobInfo,
  type JobOutcome,
  type JobState,
  type ResultSink,
} from './types.js';
import type { Report } from '../model/index.js';

/** The in-process driver keeps the report in memory, so its outcomes always carry it. */
export type InProcessOutcome = JobOutcome & { report: Report };

export interface InProcessQueueOptions {
  /** Jobs run at the same time (they share one event loop, so >1 only helps when the sink does I/O). */
  concurrency?: number;
  /** Total tries per job, including the first. */
  attempts?: number;
  /** First retry delay; doubles on each further retry. */
  backoffMs?: number;
  /** How many completed / failed jobs to remember (oldest are forgotten first). */
  keepCompleted?: number;
  keepFailed?: number;
  sink?: ResultSink;
  /** The job's work; defaults to processAnalyzeJob. Injected by tests to simulate failures. */
  processor?: (payload: AnalyzeJobPayload) => AnalyzeJobResult | Promise<AnalyzeJobResult>;
}

interface Entry {
  info: JobInfo;
  payload: AnalyzeJobPayload;
  result?: InProcessOutcome;
  waiters: { resolve: (r: InProcessOutcome) => void; reject: (e: Error) => void }[];
  timer?: NodeJS.Timeout;
}

/**
 * The embedded driver: the same contract as the BullMQ driver, run in this process with no Redis.
 * Jobs are not persisted: a process that exits loses its waiting jobs (the BullMQ driver is the one
 * that survives crashes and restarts).
 */
export class InProcessQueue implements AnalysisQueue {
  readonly driver = 'in-process' as const;
  private readonly jobs = new Map<string, Entry>();
  private readonly waiting: string[] = [];
  private active = 0;
  private closed = false;
  private seq = 0;
  private idle: (() => void)[] = [];
  private readonly opts: Required<Omit<InProcessQueueOptions, 'sink'>> & { sink?: ResultSink };

  constructor(options: InProcessQueueOptions = {}) {
    this.opts = {
      concurrency: options.concurrency ?? 1,
      attempts: options.attempts ?? 3,
      backoffMs: options.backoffMs ?? 1000,
      keepCompleted: options.keepCompleted ?? 1000,
      keepFailed: options.keepFailed ?? 5000,
      processor: options.processor ?? ((p) => processAnalyzeJob(p)),
      ...(options.sink ? { sink: options.sink } : {}),
    };
  }

  async enqueue(payload: AnalyzeJobPayload, options: EnqueueOptions = {}): Promise<EnqueueResult> {
    if (this.closed) throw new Error('queue is closed');
    const key = analysisKey(payload);
    const existing = this.jobs.get(key);
    if (existing && !options.force) return { jobId: key, deduplicated: true };
    const id = existing ? `${key}-force-${++this.seq}` : key;
    const info: JobInfo = {
      id,
      state: 'waiting',
      threadId: payload.thread.thread.id,
      progress: 0,
      attemptsMade: 0,
      createdAt: new Date().toISOString(),
      ...(payload.origin ? { origin: payload.origin } : {}),
    };
    this.jobs.set(id, { info, payload, waiters: [] });
    this.waiting.push(id);
    setImmediate(() => this.pump());
    return { jobId: id, deduplicated: false };
  }

  async getJob(jobId: string): Promise<JobInfo | null> {
    const e = this.jobs.get(jobId);
    return e ? { ...e.info } : null;
  }

  waitFor(jobId: string, timeoutMs = 0): Promise<InProcessOutcome> {
    const e = this.jobs.get(jobId);
    if (!e) return Promise.reject(new Error(`no job ${jobId}`));
    if (e.info.state === 'completed' && e.result) return Promise.resolve(e.result);
    if (e.info.state === 'failed') return Promise.reject(new Error(e.info.failedReason ?? 'job failed'));
    return new Promise((resolve, reject) => {
      let t: NodeJS.Timeout | undefined;
      const w = {
        resolve: (r: InProcessOutcome) => (clearTimeout(t), resolve(r)),
        reject: (err: Error) => (clearTimeout(t), reject(err)),
      };
      e.waiters.push(w);
      if (timeoutMs > 0) {
        t = setTimeout(() => {
          e.waiters.splice(e.waiters.indexOf(w), 1);
          reject(new Error(`timed out after ${timeoutMs} ms waiting for job ${jobId}`));
        }, timeoutMs);
      }
    });
  }

  async listFailed(offset = 0, limit = 50): Promise<JobInfo[]> {
    return [...this.jobs.values()]
      .filter((e) => e.info.state === 'failed')
      .map((e) => ({ ...e.info }))
      .reverse()
      .slice(offset, offset + limit);
  }

  async retry(jobId: string): Promise<boolean> {
    const e = this.jobs.get(jobId);
    if (!e || e.info.state !== 'failed' || this.closed) return false;
    e.info.state = 'waiting';
    e.info.attemptsMade = 0;
    delete e.info.failedReason;
    delete e.info.finishedAt;
    this.waiting.push(jobId);
    setImmediate(() => this.pump());
    return true;
  }

  async counts(): Promise<Record<JobState, number>> {
    const c: Record<JobState, number> = { waiting: 0, active: 0, completed: 0, failed: 0, delayed: 0 };
    for (const e of this.jobs.values()) c[e.info.state]++;
    return c;
  }

  /** Stop starting jobs; wait for the running ones; cancel pending retries (they stay listed as delayed). */
  async close(): Promise<void> {
    this.closed = true;
    for (const e of this.jobs.values()) if (e.timer) clearTimeout(e.timer);
    if (this.active > 0) await new Promise<void>((r) => this.idle.push(r));
  }

  private pump(): void {
    while (!this.closed && this.active < this.opts.concurrency && this.waiting.length > 0) {
      const id = this.waiting.shift()!;
      const e = this.jobs.get(id);
      if (!e || e.info.state !== 'waiting') continue;
      this.active++;
      void this.run(e).finally(() => {
        this.active--;
        if (this.active === 0) for (const r of this.idle.splice(0)) r();
        this.pump();
      });
    }
  }

  private async run(e: Entry): Promise<void> {
    e.info.state = 'active';
    e.info.progress = 10;
    e.info.attemptsMade++;
    try {
      const result = await this.opts.processor(e.payload);
      e.info.progress = 90;
      const where = this.opts.sink ? await this.opts.sink(result, { ...e.info }, e.payload) : undefined;
      e.info.state = 'completed';
      e.info.progress = 100;
      e.info.finishedAt = new Date().toISOString();
      const outcome: InProcessOutcome = {
        jobId: e.info.id,
        threadId: result.threadId,
        analysisKey: result.analysisKey,
        comments: result.report.summary.commentCount,
        delivered: locations(where),
        report: result.report,
      };
      e.result = outcome;
      for (const w of e.waiters.splice(0)) w.resolve(outcome);
      this.trim('completed', this.opts.keepCompleted);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (e.info.attemptsMade < this.opts.attempts && !this.closed) {
        e.info.state = 'delayed';
        e.info.failedReason = message;
        const delay = this.opts.backoffMs * 2 ** (e.info.attemptsMade - 1);
        e.timer = setTimeout(() => {
          delete e.timer;
          e.info.state = 'waiting';
          this.waiting.push(e.info.id);
          this.pump();
        }, delay);
        return;
      }
      e.info.state = 'failed';
      e.info.failedReason = message;
      e.info.finishedAt = new Date().toISOString();
      for (const w of e.waiters.splice(0)) w.reject(new Error(message));
      this.trim('failed', this.opts.keepFailed);
    }
  }

  /** Forget the oldest jobs in `state` beyond `keep` (Map iteration order is insertion order). */
  private trim(state: JobState, keep: number): void {
    let n = 0;
    for (const e of this.jobs.values()) if (e.info.state === state) n++;
    for (const [id, e] of this.jobs) {
      if (n <= keep) break;
      if (e.info.state === state) {
        this.jobs.delete(id);
        n--;
      }
    }
  }
}
