import Type, { type Static } from 'typebox';
import type { JobInfo } from '../queue/index.js';
import {
  Article,
  Decision,
  FindingCategory,
  ReportClaim,
  ReviewItem,
  ReviewState,
  Role,
  Severity,
  Thread,
  ThreadState,
  ThreadSummary,
} from '../model/index.js';

/*
 * Request and response shapes of the routes, built from the model schemas (src/model/) so the API,
 * the store and the reports share one definition of a thread, a finding, a review item.
 */

export const Id = Type.String({ minLength: 1, maxLength: 200 });

/** An article to corroborate against: a raw text capture (`text`, page chrome removed) or a clean `body`. */
export const ArticleInput = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 200, pattern: '^[^\\s]+$' }),
    text: Type.Optional(Type.String({ description: 'the article as captured (title first); page chrome is removed' })),
    body: Type.Optional(Type.String({ description: 'the article body, already clean' })),
    title: Type.Optional(Article.properties.title),
    date: Type.Optional(Article.properties.date),
    url: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  },
  { additionalProperties: false, title: 'ArticleInput' },
);
export type ArticleInput = Static<typeof ArticleInput>;

/** A canonical thread (what `threadlens parse` prints) plus the articles to check it against. */
export const ThreadSubmission = Type.Object(
  {
    ...Thread.properties,
    articles: Type.Optional(Type.Array(ArticleInput, { maxItems: 200 })),
    articleIds: Type.Optional(Type.Array(Id, { maxItems: 200 })),
  },
  { additionalProperties: false, title: 'ThreadSubmission' },
);
export type ThreadSubmission = Static<typeof ThreadSubmission>;

export const SubmitQuery = Type.Object(
  {
    format: Type.Optional(Type.String({ description: 'for raw bodies: the thread format, or "auto" (default) to sniff it' })),
    articles: Type.Optional(Type.String({ description: 'comma-separated ids of stored articles to check the thread against' })),
    name: Type.Optional(Type.String({ maxLength: 300, description: 'how messages and the report name the uploaded file' })),
  },
  { additionalProperties: false },
);

export const Accepted = Type.Object(
  {
    threadId: Type.String(),
    jobId: Type.String(),
    status: ThreadState,
    /** True when this exact analysis was already queued or done (nothing new was started). */
    deduplicated: Type.Boolean(),
    /** False when the thread was already stored (same id, same content). */
    created: Type.Boolean(),
    links: Type.Object({ thread: Type.String(), report: Type.String() }, { additionalProperties: false }),
  },
  { additionalProperties: false, title: 'Accepted' },
);
export type Accepted = Static<typeof Accepted>;

export const ArticlesRequest = Type.Object({ articles: Type.Array(ArticleInput, { minItems: 1, maxItems: 200 }) }, { additionalProperties: false });
export const ArticlesResponse = Type.Object(
  {
    articles: Type.Array(
      Type.Object(
        { id: Type.String(), title: Type.Union([Type.String(), Type.Null()]), date: Type.Union([Type.String(), Type.Null()]), created: Type.Boolean() },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const Limit = Type.Integer({ minimum: 1, maximum: 200, default: 50 });
export const Cursor = Type.String({ minLength: 1, maxLength: 500, description: 'nextCursor of the previous page' });

export const ThreadList = Type.Object({ items: Type.Array(ThreadSummary), nextCursor: Type.Union([Type.String(), Type.Null()]) }, { additionalProperties: false });

export const ReviewQueryString = Type.Object(
  {
    state: Type.Optional(ReviewState),
    threadId: Type.Optional(Id),
    ruleId: Type.Optional(Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' })),
    category: Type.Optional(FindingCategory),
    sort: Type.Optional(Type.Union([Type.Literal('severity'), Type.Literal('age'), Type.Literal('newest')], { description: 'severity (default): most severe first; age: oldest first; newest: newest first' })),
    limit: Type.Optional(Limit),
    cursor: Type.Optional(Cursor),
  },
  { additionalProperties: false },
);

export const ReviewPage = Type.Object({ items: Type.Array(ReviewItem), nextCursor: Type.Union([Type.String(), Type.Null()]) }, { additionalProperties: false, title: 'ReviewPage' });

export const DecisionResponse = Type.Object(
  { decision: Decision, item: ReviewItem },
  { additionalProperties: false, title: 'DecisionResponse' },
);

export const JobView = Type.Object(
  {
    id: Type.String(),
    state: Type.Union([Type.Literal('waiting'), Type.Literal('active'), Type.Literal('completed'), Type.Literal('failed'), Type.Literal('delayed')]),
    threadId: Type.String(),
    origin: Type.Optional(Type.String()),
    progress: Type.Number({ minimum: 0, maximum: 100 }),
    attemptsMade: Type.Integer({ minimum: 0 }),
    failedReason: Type.Optional(Type.String()),
    createdAt: Type.String(),
    finishedAt: Type.Optional(Type.String()),
  },
  { additionalProperties: false, title: 'Job' },
);
// The queue's JobInfo must fit the documented shape; this line stops compiling if they drift apart.
export const jobView = (j: JobInfo): Static<typeof JobView> => j;

/** Who the presented key is: the web UI shows the role and hides what the role may not do. */
export const Me = Type.Object(
  { keyId: Type.String(), name: Type.String(), role: Role },
  { additionalProperties: false, title: 'Me' },
);
export type Me = Static<typeof Me>;

const ContextRef = Type.Object(
  { commentId: Type.String(), index: Type.Integer({ minimum: 0 }), author: Type.String(), text: Type.String() },
  { additionalProperties: false },
);

/**
 * What a moderator weighs besides the comment itself, from the analysis the item was flagged by:
 * the comment it answers, replies that push back on it, the verdicts on its figures, and what else
 * its author wrote that was flagged in the same thread.
 */
export const ReviewContext = Type.Object(
  {
    itemId: Type.String(),
    threadId: Type.String(),
    analysisVersion: Type.Integer({ minimum: 1 }),
    parent: Type.Union([
      Type.Object(
        {
          ...ContextRef.properties,
          link: Type.Union([Type.Literal('explicit'), Type.Literal('inferred')], { description: 'given by the source, or inferred by the analyzer' }),
        },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
    challenges: Type.Array(
      Type.Object(
        { ...ContextRef.properties, reasons: Type.Array(Type.String(), { minItems: 1, description: 'why the reply counts as a challenge' }) },
        { additionalProperties: false },
      ),
      { description: 'replies that disagree with the comment, and later comments that doubt one of its figures' },
    ),
    claims: Type.Array(
      Type.Object(
        {
          span: ReportClaim.properties.span,
          actual: Type.String(),
          role: ReportClaim.properties.role,
          status: ReportClaim.properties.status,
          verdict: Type.String({ description: 'the status for assertions ("unsupported", "corroborated", ...), the role otherwise' }),
          notes: Type.Array(Type.String()),
          evidence: ReportClaim.properties.evidence,
        },
        { additionalProperties: false },
      ),
      { description: 'the figures in the comment that the claims analysis looked at (not dates and other non-quantities)' },
    ),
    authorFlagged: Type.Array(
      Type.Object(
        {
          ...ContextRef.properties,
          severity: Severity,
          reasons: Type.Array(Type.String()),
          itemId: Type.Union([Type.String(), Type.Null()]),
          state: Type.Union([ReviewState, Type.Null()]),
        },
        { additionalProperties: false },
      ),
      { description: "the author's other comments this analysis flagged, in thread order" },
    ),
  },
  { additionalProperties: false, title: 'ReviewContext' },
);
export type ReviewContext = Static<typeof ReviewContext>;
