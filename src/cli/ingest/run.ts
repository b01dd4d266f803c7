import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isInputError, parseThread, readInputFile } from '../../ingest/index.js';
import type { Article } from '../../model/index.js';
import { isQueueUnavailable, type AnalysisQueue, type EnqueueResult, type JobOutcome } from '../../queue/index.js';
import type { FoundFile } from './discover.js';
import type { IngestCounts } from './progress.js';

export interface IngestOptions {
  files: FoundFile[];
  articles: Article[];
  /** Absolute report directory; none → reports are not written to files by this run. */
  outDir?: string | undefined;
  force: boolean;
  wait: boolean;
  inputFormat: string;
  maxBytes: number;
  /** How long to keep retrying an enqueue while Redis is away before giving up. */
  redisRetryMs: number;
  /** Files read and parsed at the same time. */
  readAhead?: number;
}

export interface IngestResult {
  enqueued: number;
  /** Jobs that ran in this run. */
  analyzed: number;
  /** Threads analyzed before (same content, articles and analyzer version): their report was reused. */
  reused: number;
  comments: number;
  bad: { file: string; message: string }[];
  failed: { file: string; jobId: string; error: string }[];
  /** Already analyzed, but the earlier report could not be copied into --out. */
  unavailable: { file: string; message: string }[];
  /** Set when the run stopped early because Redis stayed away. */
  aborted?: string;
}

export interface IngestHooks {
  counts(c: IngestCounts): void;
  notice(message: string): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Parse every file here (bad files are reported and skipped), enqueue one job per thread, then wait
 * for every job. Idempotent: running it again enqueues nothing that was already analyzed.
 */
export async function runIngest(queue: AnalysisQueue, opts: IngestOptions, hooks: IngestHooks): Promise<IngestResult> {
  const r: IngestResult = { enqueued: 0, analyzed: 0, reused: 0, comments: 0, bad: [], failed: [], unavailable: [] };
  const counts = (): IngestCounts => ({ total: opts.files.length, done: r.analyzed + r.reused, failed: r.failed.length, bad: r.bad.length, comments: r.comments });
  const waits: Promise<void>[] = [];
  let next = 0;
  let redisDownSince = 0;

  const enqueueWithRetry = async (run: () => Promise<EnqueueResult>): Promise<EnqueueResult> => {
    for (;;) {
      try {
        const res = await run();
        if (redisDownSince) hooks.notice('Redis is back: enqueueing again');
        redisDownSince = 0;
        return res;
      } catch (e) {
        if (!isQueueUnavailable(e)) throw e;
        if (!redisDownSince) {
          redisDownSince = Date.now();
          hooks.notice(`${e.message}\nretrying for up to ${Math.round(opts.redisRetryMs / 1000)} s`);
        }
        if (Date.now() - redisDownSince > opts.redisRetryMs) throw e;
        await sleep(500);
      }
    }
  };

  const one = async (file: FoundFile): Promise<void> => {
    let thread;
    try {
      thread = parseThread(await readInputFile(file.path, opts.maxBytes, file.display), opts.inputFormat);
    } catch (e) {
      if (!isInputError(e)) throw e;
      r.bad.push({ file: file.display, message: e.message });
      hooks.counts(counts());
      return;
    }
    const output = opts.outDir ? { dir: opts.outDir, name: file.reportName } : undefined;
    const payload = { thread, articles: opts.articles, origin: file.display, submittedBy: 'cli', ...(output ? { output } : {}) };
    const { jobId, deduplicated } = await enqueueWithRetry(() => queue.enqueue(payload, { force: opts.force }));
    r.enqueued++;
    if (!opts.wait) return;
    const target = output ? join(output.dir, output.name) : undefined;
    waits.push(
      queue.waitFor(jobId).then(
        async (o) => {
          // Judged by where the report went, not by `deduplicated`: two producers (or two lanes here)
          // racing on the same new content share one job, and only one of them named its target.
          if (target ? o.delivered.includes(target) : !deduplicated) r.analyzed++;
          else await reuse(o, file, target);
          r.comments += o.comments;
          hooks.counts(counts());
        },
        (e: Error) => {
          r.failed.push({ file: file.display, jobId, error: e.message });
          hooks.counts(counts());
        },
      ),
    );
  };

  // An identical thread (in this run or an earlier one) was analyzed under another name: copy its report.
  const reuse = async (o: JobOutcome, file: FoundFile, target: string | undefined) => {
    r.reused++;
    if (!target) return;
    const from = o.delivered.find((d) => d.endsWith('.json'));
    try {
      if (!from) throw new Error('no report file was recorded for it');
      await copyFile(from, target);
    } catch (e) {
      r.unavailable.push({ file: file.display, message: `analyzed before (job ${o.jobId}) but its report could not be copied: ${(e as Error).message}; use --force to analyze it again` });
    }
  };

  const lanes = Array.from({ length: Math.min(opts.readAhead ?? 8, opts.files.length) }, async () => {
    while (next < opts.files.length && !r.aborted) {
      const file = opts.files[next++]!;
      try {
        await one(file);
      } catch (e) {
        if (!isQueueUnavailable(e)) throw e;
        r.aborted ??= `${e.message}\nstopped after enqueueing ${r.enqueued} of ${opts.files.length} files; running the same command again is safe (already analyzed threads are skipped)`;
      }
    }
  });
  await Promise.all(lanes);
  hooks.counts(counts());
  if (!r.aborted) await Promise.all(waits);
  return r;
}
