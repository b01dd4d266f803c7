import Type, { type Static } from 'typebox';
import { Comment } from './comment.js';

/** Something the parser or analyzer wants a human to know about the input (never swallowed). */
export const Warning = Type.Object(
  {
    code: Type.String({ minLength: 1 }),
    message: Type.String({ minLength: 1 }),
    where: Type.Optional(Type.String()),
  },
  { additionalProperties: false, title: 'Warning' },
);
export type Warning = Static<typeof Warning>;

/** The post the comments hang under (a blog post, a Reddit submission, an HN story...). */
export const Post = Type.Object(
  {
    author: Type.Union([Type.String(), Type.Null()]),
    text: Type.String(),
    quotedFrom: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    editorNote: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    url: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  },
  { additionalProperties: false, title: 'Post' },
);
export type Post = Static<typeof Post>;

export const ThreadMeta = Type.Object(
  {
    id: Type.String({ minLength: 1 }),
    format: Type.String({ minLength: 1 }),
    sourceFile: Type.Union([Type.String(), Type.Null()]),
    contentHash: Type.String({ minLength: 1 }),
    title: Type.Union([Type.String(), Type.Null()]),
    /** Where the discussion lives (post permalink, topic or video URL), when the source says. */
    url: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    publishedAt: Type.Union([Type.String(), Type.Null()]),
    publishedAtRaw: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    post: Type.Union([Post, Type.Null()]),
    declaredCommentCount: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
    missingCount: Type.Optional(Type.Integer({ minimum: 0 })),
    warnings: Type.Array(Warning),
  },
  { additionalProperties: false, title: 'ThreadMeta' },
);
export type ThreadMeta = Static<typeof ThreadMeta>;

/** The canonical thread: what `threadlens parse` prints and every parser produces. */
export const Thread = Type.Object(
  {
    thread: ThreadMeta,
    comments: Type.Array(Comment),
  },
  { additionalProperties: false, title: 'Thread' },
);
export type Thread = Static<typeof Thread>;
