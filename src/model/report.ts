import Type, { type Static } from 'typebox';
import { ReportClaim } from './claim.js';
import { Comment } from './comment.js';
import { Finding, Severity } from './finding.js';
import { IncivilityResult } from './incivility.js';
import { ThreadMeta, Warning } from './thread.js';
import { ToneLabel, ToneResult } from './tone.js';
import { StanceResult } from './stance.js';
import { ThreadView } from './thread-view.js';

export const REPORT_SCHEMA_VERSION = 1;

export const ReportComment = Type.Object(
  {
    ...Comment.properties,
    /** Null for comments that are not live (deleted, removed, ...): there is nothing to analyze. */
    tone: Type.Union([ToneResult, Type.Null()]),
    /** Incivility score, label and findings (the findings are also in `findings`); null when not live. */
    incivility: Type.Union([IncivilityResult, Type.Null()]),
    /** Stance toward the source and the parent comment; null for comments that are not live. */
    stance: Type.Union([StanceResult, Type.Null()]),
    /** Every moderation finding for this comment (all analyzers but tone), ordered by position. */
    findings: Type.Array(Finding),
  },
  { additionalProperties: false, title: 'ReportComment' },
);
export type ReportComment = Static<typeof ReportComment>;

export const ReviewEntry = Type.Object(
  {
    commentId: Type.String(),
    index: Type.Integer({ minimum: 0 }),
    author: Type.String(),
    /** 0..1; the ranking key. */
    priority: Type.Number({ minimum: 0, maximum: 1 }),
    severity: Severity,
    ruleIds: Type.Array(Type.String()),
    reasons: Type.Array(Type.String()),
  },
  { additionalProperties: false, title: 'ReviewEntry' },
);
export type ReviewEntry = Static<typeof ReviewEntry>;

export const ToneTrend = Type.Union(
  [Type.Literal('escalating'), Type.Literal('cooling'), Type.Literal('steady'), Type.Literal('too-short')],
  { title: 'ToneTrend' },
);
export type ToneTrend = Static<typeof ToneTrend>;

export const Participant = Type.Object(
  {
    author: Type.String(),
    comments: Type.Integer({ minimum: 0 }),
    flagged: Type.Integer({ minimum: 0 }),
    hostile: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false, title: 'Participant' },
);
export type Participant = Static<typeof Participant>;

export const ReportSummary = Type.Object(
  {
    commentCount: Type.Integer({ minimum: 0 }),
    liveCount: Type.Integer({ minimum: 0 }),
    declaredCommentCount: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
    flaggedCount: Type.Integer({ minimum: 0 }),
    participants: Type.Array(Participant),
    tone: Type.Object(
      {
        counts: Type.Object(
          {
            hostile: Type.Integer({ minimum: 0 }),
            negative: Type.Integer({ minimum: 0 }),
            neutral: Type.Integer({ minimum: 0 }),
            positive: Type.Integer({ minimum: 0 }),
          },
          { additionalProperties: false },
        ),
        mean: Type.Number({ minimum: -1, maximum: 1 }),
        trend: ToneTrend,
        timeline: Type.Array(
          Type.Object(
            { index: Type.Integer({ minimum: 0 }), score: Type.Number(), label: ToneLabel },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false, title: 'ReportSummary' },
);
export type ReportSummary = Static<typeof ReportSummary>;

export const ArticleRef = Type.Object(
  {
    id: Type.String(),
    title: Type.Union([Type.String(), Type.Null()]),
    date: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false, title: 'ArticleRef' },
);

export const Report = Type.Object(
  {
    schemaVersion: Type.Literal(REPORT_SCHEMA_VERSION),
    generator: Type.Object({ name: Type.String(), version: Type.String() }, { additionalProperties: false }),
    generatedAt: Type.Union([Type.String(), Type.Null()]),
    thread: ThreadMeta,
    articles: Type.Array(ArticleRef),
    summary: ReportSummary,
    comments: Type.Array(ReportComment),
    review: Type.Array(ReviewEntry),
    /** Every number in the thread that is not a date, time or other non-quantity, in thread order: role, status, evidence. */
    claims: Type.Array(ReportClaim),
    /** Who answers whom (explicit and inferred links), the stance summary and the disagreement pairs. */
    threadView: ThreadView,
    warnings: Type.Array(Warning),
  },
  { additionalProperties: false, title: 'Report' },
);
export type Report = Static<typeof Report>;
