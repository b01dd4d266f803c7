import Type, { type Static } from 'typebox';

/** A source article the thread discusses: the corpus that numeric claims are checked against. */
export const Article = Type.Object(
  {
    id: Type.String({ minLength: 1 }),
    title: Type.Union([Type.String(), Type.Null()]),
    date: Type.Union([Type.String(), Type.Null()]),
    body: Type.String(),
    sourceFile: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    url: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  },
  { additionalProperties: false, title: 'Article' },
);
export type Article = Static<typeof Article>;
