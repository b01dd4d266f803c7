import Type, { type Static } from 'typebox';
import { Warning } from './thread.js';

/** queued: waiting for a worker; analyzing: a worker has it; done: the latest job's analysis is stored. */
export const ThreadState = Type.Union([Type.Literal('queued'), Type.Literal('analyzing'), Type.Literal('done'), Type.Literal('failed')], {
  title: 'ThreadState',
});
export type ThreadState = Static<typeof ThreadState>;

/** One stored analysis of a thread. Re-analysis (new analyzer version, other articles) adds a version. */
export const AnalysisVersion = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    analysisKey: Type.String(),
    analyzerVersion: Type.String(),
    jobId: Type.Union([Type.String(), Type.Null()]),
    flaggedCount: Type.Integer({ minimum: 0 }),
    createdAt: Type.String(),
  },
  { additionalProperties: false, title: 'AnalysisVersion' },
);
export type AnalysisVersion = Static<typeof AnalysisVersion>;

export const ThreadSummary = Type.Object(
  {
    id: Type.String(),
    title: Type.Union([Type.String(), Type.Null()]),
    format: Type.String(),
    sourceFile: Type.Union([Type.String(), Type.Null()]),
    commentCount: Type.Integer({ minimum: 0 }),
    status: ThreadState,
    /** Why the latest job failed (or null). */
    statusDetail: Type.Union([Type.String(), Type.Null()]),
    jobId: Type.Union([Type.String(), Type.Null()]),
    latestVersion: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
    flaggedCount: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
    pendingReview: Type.Integer({ minimum: 0 }),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { additionalProperties: false, title: 'ThreadSummary' },
);
export type ThreadSummary = Static<typeof ThreadSummary>;

export const ThreadDetail = Type.Object(
  {
    ...ThreadSummary.properties,
    articleIds: Type.Array(Type.String()),
    analyses: Type.Array(AnalysisVersion),
    warnings: Type.Array(Warning),
  },
  { additionalProperties: false, title: 'ThreadDetail' },
);
export type ThreadDetail = Static<typeof ThreadDetail>;
