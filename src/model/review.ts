import Type, { type Static } from 'typebox';
import { Comment } from './comment.js';
import { Finding, FindingCategory, Severity } from './finding.js';
import { Role } from './access.js';
import { ToneLabel } from './tone.js';

/**
 * Where a flagged comment stands with the moderators. `pending` waits for a decision; `dismissed`
 * means every current finding was dismissed one by one. Nothing here deletes or edits the comment:
 * `removed` records the moderators' decision, the original text stays in the store.
 */
export const ReviewState = Type.Union(
  [Type.Literal('pending'), Type.Literal('approved'), Type.Literal('removed'), Type.Literal('escalated'), Type.Literal('dismissed')],
  { title: 'ReviewState' },
);
export type ReviewState = Static<typeof ReviewState>;

export const DecisionAction = Type.Union(
  [Type.Literal('approve'), Type.Literal('remove'), Type.Literal('escalate'), Type.Literal('dismiss-finding')],
  { title: 'DecisionAction' },
);
export type DecisionAction = Static<typeof DecisionAction>;

/**
 * A finding as the review queue shows it. `id` is `ruleId:start-end`: stable across re-analyses (the
 * comment text never changes), so a dismissal made on version 1 still applies to version 2.
 */
export const ReviewFinding = Type.Object(
  { id: Type.String(), ...Finding.properties, dismissed: Type.Boolean() },
  { additionalProperties: false, title: 'ReviewFinding' },
);
export type ReviewFinding = Static<typeof ReviewFinding>;

export const Actor = Type.Object(
  { keyId: Type.String(), name: Type.String(), role: Role },
  { additionalProperties: false, title: 'Actor' },
);
export type Actor = Static<typeof Actor>;

/** One entry of a review item's audit trail (never updated or deleted). */
export const Decision = Type.Object(
  {
    id: Type.String(),
    itemId: Type.String(),
    /** The item version the moderator decided on; the item's version after it is itemVersion + 1. */
    itemVersion: Type.Integer({ minimum: 1 }),
    action: DecisionAction,
    findingId: Type.Union([Type.String(), Type.Null()]),
    note: Type.String(),
    decidedBy: Actor,
    decidedAt: Type.String(),
    /** The analysis version the moderator was looking at. */
    analysisVersion: Type.Integer({ minimum: 1 }),
    resultingState: ReviewState,
  },
  { additionalProperties: false, title: 'Decision' },
);
export type Decision = Static<typeof Decision>;

export const DecisionRequest = Type.Object(
  {
    action: DecisionAction,
    note: Type.Optional(Type.String({ maxLength: 4000 })),
    /** Required for `dismiss-finding`: the ReviewFinding id. */
    findingId: Type.Optional(Type.String({ minLength: 1 })),
    /** The item's current version (optimistic concurrency: a stale version is refused with 409). */
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false, title: 'DecisionRequest' },
);
export type DecisionRequest = Static<typeof DecisionRequest>;

const CommentContext = Type.Object(
  {
    id: Comment.properties.id,
    index: Comment.properties.index,
    author: Comment.properties.author,
    createdAt: Comment.properties.createdAt,
    parentId: Comment.properties.parentId,
    status: Comment.properties.status,
    /** The original text, exactly as ingested; finding spans are offsets into it. */
    text: Comment.properties.text,
  },
  { additionalProperties: false, title: 'ReviewComment' },
);

const ContextComment = Type.Object(
  { id: Type.String(), index: Type.Integer({ minimum: 0 }), author: Type.String(), text: Type.String() },
  { additionalProperties: false, title: 'ContextComment' },
);

/** A flagged comment with everything a moderator needs to decide without another request. */
export const ReviewItem = Type.Object(
  {
    id: Type.String(),
    /** Bumped by every decision and by every re-analysis that changes the item. */
    version: Type.Integer({ minimum: 1 }),
    state: ReviewState,
    /** False when the latest analysis no longer flags the comment (kept for its history). */
    flagged: Type.Boolean(),
    threadId: Type.String(),
    threadTitle: Type.Union([Type.String(), Type.Null()]),
    comment: CommentContext,
    /** The comment it replies to (explicit or inferred), or null for a top-level comment. */
    parent: Type.Union([ContextComment, Type.Null()]),
    /** The comment just before it in thread order (context for flat threads), or null for the first. */
    previous: Type.Union([ContextComment, Type.Null()]),
    severity: Severity,
    priority: Type.Number({ minimum: 0, maximum: 1 }),
    ruleIds: Type.Array(Type.String()),
    categories: Type.Array(FindingCategory),
    reasons: Type.Array(Type.String()),
    findings: Type.Array(ReviewFinding),
    tone: Type.Union([Type.Object({ label: ToneLabel, score: Type.Number() }, { additionalProperties: false }), Type.Null()]),
    analysisVersion: Type.Integer({ minimum: 1 }),
    flaggedAt: Type.String(),
    updatedAt: Type.String(),
    lastDecision: Type.Union([Decision, Type.Null()]),
  },
  { additionalProperties: false, title: 'ReviewItem' },
);
export type ReviewItem = Static<typeof ReviewItem>;

export const ReviewItemDetail = Type.Object(
  { ...ReviewItem.properties, history: Type.Array(Decision) },
  { additionalProperties: false, title: 'ReviewItemDetail' },
);
export type ReviewItemDetail = Static<typeof ReviewItemDetail>;
