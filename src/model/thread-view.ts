import Type, { type Static } from 'typebox';
import { ParentStanceLabel, SourceStanceLabel } from './stance.js';

/** One comment in the reply tree, in depth-first order. */
export const ReplyNode = Type.Object(
  {
    commentId: Type.String(),
    index: Type.Integer({ minimum: 0 }),
    author: Type.String(),
    /** 0 for replies to the post. */
    depth: Type.Integer({ minimum: 0 }),
    parentId: Type.Union([Type.String(), Type.Null()]),
    /** How the link is known: given by the source, inferred from evidence, or none (a reply to the post). */
    link: Type.Union([Type.Literal('explicit'), Type.Literal('inferred'), Type.Literal('post')]),
    confidence: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    evidence: Type.Optional(Type.Array(Type.String())),
    toSource: Type.Union([SourceStanceLabel, Type.Null()]),
    toParent: Type.Union([ParentStanceLabel, Type.Null()]),
    uncivil: Type.Boolean(),
  },
  { additionalProperties: false, title: 'ReplyNode' },
);
export type ReplyNode = Static<typeof ReplyNode>;

const AuthorComments = Type.Object(
  { author: Type.String(), indices: Type.Array(Type.Integer({ minimum: 0 })) },
  { additionalProperties: false, title: 'AuthorComments' },
);
export type AuthorComments = Static<typeof AuthorComments>;

const Count = Type.Integer({ minimum: 0 });

export const StanceSummary = Type.Object(
  {
    toSource: Type.Object({ support: Count, deny: Count, query: Count, comment: Count }, { additionalProperties: false }),
    toParent: Type.Object({ agree: Count, disagree: Count, neutral: Count }, { additionalProperties: false }),
    supporters: Type.Array(AuthorComments),
    deniers: Type.Array(AuthorComments),
  },
  { additionalProperties: false, title: 'StanceSummary' },
);
export type StanceSummary = Static<typeof StanceSummary>;

/** One reply between the two participants of a disagreement pair. */
export const Exchange = Type.Object(
  {
    commentId: Type.String(),
    index: Type.Integer({ minimum: 0 }),
    author: Type.String(),
    repliesToIndex: Type.Integer({ minimum: 0 }),
    repliesTo: Type.String(),
    stance: Type.Union([ParentStanceLabel, Type.Null()]),
    uncivil: Type.Boolean(),
  },
  { additionalProperties: false, title: 'Exchange' },
);
export type Exchange = Static<typeof Exchange>;

/**
 * Two participants answering each other with disagreement and incivility: where threads derail.
 * A pair is listed when at least one reply between them disagrees and at least one is uncivil.
 */
export const DisagreementPair = Type.Object(
  {
    authors: Type.Tuple([Type.String(), Type.String()]),
    exchanges: Type.Array(Exchange),
    /** Both answered the other at least once. */
    mutual: Type.Boolean(),
    disagreeing: Count,
    uncivil: Count,
  },
  { additionalProperties: false, title: 'DisagreementPair' },
);
export type DisagreementPair = Static<typeof DisagreementPair>;

export const ThreadView = Type.Object(
  {
    tree: Type.Array(ReplyNode),
    links: Type.Object({ explicit: Count, inferred: Count, post: Count }, { additionalProperties: false }),
    stance: StanceSummary,
    disagreements: Type.Array(DisagreementPair),
  },
  { additionalProperties: false, title: 'ThreadView' },
);
export type ThreadView = Static<typeof ThreadView>;
