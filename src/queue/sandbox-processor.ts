import { UnrecoverableError, type SandboxedJob } from 'bullmq';
import { Redis } from 'ioredis';
import { analysisKeyOfJob } from './bullmq-wait.js';
import { checkAnalyzePayload, type AnalyzeJobPayload, type AnalyzeJobReturn } from './jobs.js';
import { readMarker, writeMarker } from './marker.js';
import { processAnalyzeJob } from './process-job.js';
import { buildWorkerSink, readSandboxConfig, type SandboxConfig } from './worker-deps.js';
import type { JobInfo, ResultSink } from './types.js';

/*
 * The job processor BullMQ runs in a separate (sandboxed) process, so the CPU-bound analysis never
 * blocks the worker's event loop (lock renewal, stalled checks, Redis heartbeats). BullMQ loads this
 * file by path: dist/src/queue/sandbox-processor.js in production, the .ts file under tsx.
 * Dependencies (sink, Redis for done markers) are built once per sandbox process.
 */

interface Deps {
  config: SandboxConfig;
  redis: Redis;
  sink: ResultSink;
}
let deps: Deps | undefined;

function getDeps(): Deps {
  if (deps) return deps;
  const config = readSandboxConfig();
  // Waits for Redis if it is restarting: the job cannot complete without it anyway.
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  redis.on('error', () => {});
  deps = { config, redis, sink: buildWorkerSink(config) };
  return deps;
}

// A sandbox must not outlive its worker: if the worker process dies (SIGKILL, OOM), its job's lock
// expires and another worker runs the job. Without these guards an orphaned sandbox spins at 100% CPU
// forever: BullMQ's child fails to send its result over the closed channel, then fails to send that
// failure, and its uncaughtException handler loops on the closed channel without ever yielding to the
// event loop (so a 'disconnect' listener alone never runs).
process.on('disconnect', () => process.exit(0));
process.on('unhandledRejection', (e) => {
  if (!process.connected) process.exit(0);
  throw e; // connected: keep Node's default (crash, reported to the worker as a failed job)
});

/** Let pending I/O (the parent's hang-up) be seen, then stop if nobody is listening any more. */
async function exitIfOrphaned(): Promise<void> {
  await new Promise((r) => setImmediate(r));
  if (!process.connected) process.exit(0);
}

export default async function analyzeProcessor(job: SandboxedJob<AnalyzeJobPayload, AnalyzeJobReturn>): Promise<AnalyzeJobReturn> {
  const { config, redis, sink } = getDeps();
  const payload: unknown = job.data;
  if (!checkAnalyzePayload.check(payload)) {
    // Retrying cannot fix a malformed payload: fail now, keep it (and this error) in the failed list.
    const where = checkAnalyzePayload.problems(payload, 5).map((p) => `${p.path}: ${p.message}`).join('; ');
    throw new UnrecoverableError(`invalid analyze job payload: ${where}`);
  }
  const key = analysisKeyOfJob(job.id);
  // A retry (the job started before: its worker died, or an attempt failed) may find that the earlier
  // attempt delivered and wrote its marker; then it is done. First attempts skip the round trip.
  if ((job.attemptsStarted ?? 1) > 1 || job.attemptsMade > 0) {
    const done = await readMarker(redis, config.prefix, key);
    if (done && done.jobId === job.id) {
      const { jobId: _ignored, ...ret } = done;
      return ret;
    }
  }
  // Progress goes to the worker over IPC; not awaited, so it never adds latency to the job.
  void job.updateProgress(10).catch(() => {});
  const result = processAnalyzeJob(payload, undefined, key);
  await exitIfOrphaned(); // the analysis was synchronous: the worker may have died meanwhile
  void job.updateProgress(80).catch(() => {});
  const info: JobInfo = {
    id: job.id,
    state: 'active',
    threadId: result.threadId,
    progress: 80,
    attemptsMade: job.attemptsMade,
    createdAt: new Date(job.timestamp).toISOString(),
    ...(payload.origin ? { origin: payload.origin } : {}),
  };
  const where = await sink(result, info, payload);
  const ret: AnalyzeJobReturn = {
    threadId: result.threadId,
    analysisKey: key,
    comments: result.report.summary.commentCount,
    delivered: where === undefined ? [] : Array.isArray(where) ? where : [where],
    finishedAt: new Date().toISOString(),
  };
  // Sent, not awaited: the SET is on the wire (or in ioredis's offline queue, replayed on reconnect)
  // before the worker hears of the result and completes the job, and it saves a round trip per job.
  // If this process dies before Redis has it, the job is not completed either, and is retried.
  writeMarker(redis, config.prefix, { ...ret, jobId: job.id }).catch(() => {});
  if (!process.connected) {
    // Delivered, but the worker is gone: let the marker reach Redis, then leave (the retry finds it).
    await redis.ping().catch(() => {});
    process.exit(0);
  }
  return ret;
}
