import { createHash } from 'node:crypto';
import type { Report } from '../model/index.js';
import { VERSION } from '../version.js';
import type { AnalyzeJobPayload } from './jobs.js';

export { ANALYZE_JOB, type AnalyzeJobPayload, type OutputTarget } from './jobs.js';

/*
 * The queue contract. Two drivers implement AnalysisQueue with the same semantics:
 *   - in-process (src/queue/in-process.ts): the default; no Redis; jobs run in this process.
 *   - BullMQ over Redis (when REDIS_URL is set): jobs run in worker processes.
 * One job analyzes one whole thread (never one job per comment: a queue hop costs more than scoring a
 * comment). Results go to a ResultSink in the process that ran the job (the store, an output directory).
 */

export interface AnalyzeJobResult {
  threadId: string;
  /** The idempotency key the job ran under. */
  analysisKey: string;
  report: Report;
}

/**
 * What waitFor() resolves with. The in-process driver includes the report; the BullMQ driver does not
 * (reports go to the worker's sinks, not through Redis), but says where the sinks put it.
 */
export interface JobOutcome {
  jobId: string;
  threadId: string;
  analysisKey: string;
  /** Comments in the thread (the throughput unit). */
  comments: number;
  /** Where the sinks put the report (file paths, store ids); empty when no sink reported a location. */
  delivered: string[];
  report?: Report;
}

export type JobState = 'waiting' | 'active' | 'completed' | 'failed' | 'delayed';

export interface JobInfo {
  id: string;
  state: JobState;
  threadId: string;
  origin?: string;
  /** 0..100 */
  progress: number;
  attemptsMade: number;
  failedReason?: string;
  createdAt: string;
  finishedAt?: string;
}

export interface EnqueueOptions {
  /** Analyze again even if this exact content was analyzed before. */
  force?: boolean;
}

export interface EnqueueResult {
  jobId: string;
  /** True when an existing job for the same content was returned instead of a new one. */
  deduplicated: boolean;
}

/**
 * Called where the job ran, after a successful analysis: persist the report here. A sink may return
 * where it put the report (a path, a store id); a sink that throws fails the job (it is retried).
 * Sinks compose (composeSinks in sinks.ts): output directory now, the store when it lands.
 */
export type ResultSink = (result: AnalyzeJobResult, job: JobInfo, payload: AnalyzeJobPayload) => Promise<string | string[] | void>;

export interface AnalysisQueue {
  readonly driver: 'in-process' | 'bullmq';
  enqueue(payload: AnalyzeJobPayload, options?: EnqueueOptions): Promise<EnqueueResult>;
  getJob(jobId: string): Promise<JobInfo | null>;
  /** Resolve when the job completes (with its outcome) or fails (rejects with its error). */
  waitFor(jobId: string, timeoutMs?: number): Promise<JobOutcome>;
  listFailed(offset?: number, limit?: number): Promise<JobInfo[]>;
  /** Move a failed job back to waiting; false if there is no such failed job. */
  retry(jobId: string): Promise<boolean>;
  counts(): Promise<Record<JobState, number>>;
  /** Stop taking jobs, let the active ones finish (or release them), free resources. */
  close(): Promise<void>;
}

/**
 * Idempotency key: the same thread content, analyzed against the same articles by the same analyzer
 * version, is one analysis. A rules change (new version) makes a new key, so history is kept.
 * The content is the parsed thread itself, not only its declared contentHash: a canonical JSON file
 * carries its hash along, so an edited file that kept the old hash must still count as new content.
 * Where the file lives (sourceFile) is not content: the same thread under two paths is one analysis.
 */
export function analysisKey(payload: Pick<AnalyzeJobPayload, 'thread' | 'articles'>, analyzerVersion = VERSION): string {
  const h = createHash('sha256');
  const { thread, comments } = payload.thread;
  h.update(analyzerVersion).update('\0').update(thread.contentHash).update('\0');
  h.update(JSON.stringify({ ...thread, sourceFile: null })).update('\0').update(JSON.stringify(comments)).update('\0');
  for (const a of [...payload.articles].sort((x, y) => x.id.localeCompare(y.id))) {
    h.update(a.id).update('\0').update(createHash('sha256').update(a.body).digest('hex')).update('\0');
  }
  return `analyze-${h.digest('hex').slice(0, 32)}`;
}
