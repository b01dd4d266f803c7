import Type, { type Static } from 'typebox';

export const ParentSource = Type.Union(
  [Type.Literal('explicit'), Type.Literal('inferred'), Type.Literal('none')],
  { title: 'ParentSource' },
);
export type ParentSource = Static<typeof ParentSource>;

/**
 * `deleted`: withdrawn by its author; `removed`: taken down by a moderator; `spam` / `pending`: as the
 * platform marked it; `missing`: known to exist but not in the file (e.g. a Reddit "more" stub).
 * Non-live comments stay in the thread as placeholders: thread statistics depend on them.
 */
export const CommentStatus = Type.Union(
  [
    Type.Literal('live'),
    Type.Literal('deleted'),
    Type.Literal('removed'),
    Type.Literal('spam'),
    Type.Literal('pending'),
    Type.Literal('missing'),
  ],
  { title: 'CommentStatus' },
);
export type CommentStatus = Static<typeof CommentStatus>;

export const Comment = Type.Object(
  {
    id: Type.String({ minLength: 1 }),
    index: Type.Integer({ minimum: 0 }),
    author: Type.String(),
    authorId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    createdAt: Type.Union([Type.String(), Type.Null()]),
    createdAtRaw: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    parentId: Type.Union([Type.String(), Type.Null()]),
    parentSource: ParentSource,
    parentConfidence: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    parentEvidence: Type.Optional(Type.Array(Type.String())),
    status: CommentStatus,
    text: Type.String(),
    html: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    meta: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false, title: 'Comment' },
);
export type Comment = Static<typeof Comment>;
