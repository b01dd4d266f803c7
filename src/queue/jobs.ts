import Type, { type Static } from 'typebox';
import { Article, makeChecker, Thread } from '../model/index.js';

/*
 * Job names and payload schemas, in one place. Producers (CLI `ingest`, the API) and workers import
 * these; a payload is validated on both sides (at enqueue, so bad input fails at the edge; in the
 * worker, so a job written by another producer version cannot crash the analyzer).
 */

/** The BullMQ queue every analysis job goes through (keys: `<prefix>:<QUEUE_NAME>:...`). */
export const QUEUE_NAME = 'analyze';

/** One job analyzes one whole thread. There is deliberately no per-comment job (a queue hop costs ~10x scoring one comment). */
export const ANALYZE_JOB = 'analyze-thread';

/**
 * Where the worker's output-directory sink writes this job's JSON report. Set by `threadlens ingest
 * --out` (a trusted, local producer); the API does not set it (its reports go to the store).
 */
export const OutputTarget = Type.Object(
  {
    /** Absolute directory, as seen by the worker (same machine or a shared volume). */
    dir: Type.String({ minLength: 1 }),
    /** File name inside `dir`: a single path segment ending in .json. */
    name: Type.String({ minLength: 1, pattern: '^[^/\\\\]+\\.json$' }),
  },
  { additionalProperties: false, title: 'OutputTarget' },
);
export type OutputTarget = Static<typeof OutputTarget>;

/** What an `analyze-thread` job carries. Parsing happens before enqueueing, so bad files fail at the edge. */
export const AnalyzeJobPayload = Type.Object(
  {
    thread: Thread,
    /** The corpus to corroborate against, inline (so a worker needs no other storage). */
    articles: Type.Array(Article),
    /** Who or what submitted it (API key name, "cli"), for the audit trail. */
    submittedBy: Type.Optional(Type.String()),
    /** Where the thread came from (file path, URL), for progress output and failure listings. */
    origin: Type.Optional(Type.String()),
    output: Type.Optional(OutputTarget),
  },
  { additionalProperties: false, title: 'AnalyzeJobPayload' },
);
export type AnalyzeJobPayload = Static<typeof AnalyzeJobPayload>;

export const checkAnalyzePayload = makeChecker(AnalyzeJobPayload);

/**
 * What a BullMQ job returns (stored in Redis, carried by the `completed` event): deliberately small.
 * The report itself goes to the worker's sinks (output directory, store), not through Redis.
 */
export const AnalyzeJobReturn = Type.Object(
  {
    threadId: Type.String(),
    analysisKey: Type.String(),
    comments: Type.Integer({ minimum: 0 }),
    /** Where the sinks put the report (file paths, store ids), for the producer to show or copy. */
    delivered: Type.Array(Type.String()),
    finishedAt: Type.String(),
  },
  { additionalProperties: false, title: 'AnalyzeJobReturn' },
);
export type AnalyzeJobReturn = Static<typeof AnalyzeJobReturn>;

/** Retry policy shared by both drivers: tries including the first, and the first backoff delay (it doubles). */
export const DEFAULT_ATTEMPTS = 3;
export const DEFAULT_BACKOFF_MS = 1000;
/** How many finished jobs Redis keeps (the done markers outlive them; see marker.ts). */
export const DEFAULT_KEEP_COMPLETED = 1000;
export const DEFAULT_KEEP_FAILED = 5000;
