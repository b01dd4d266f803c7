import Type, { type Static } from 'typebox';
import { Span } from './finding.js';

/** Stance toward the thread's source (the article or first post), in the RumourEval scheme. */
export const SourceStanceLabel = Type.Union(
  [Type.Literal('support'), Type.Literal('deny'), Type.Literal('query'), Type.Literal('comment')],
  { title: 'SourceStanceLabel' },
);
export type SourceStanceLabel = Static<typeof SourceStanceLabel>;
export const SOURCE_STANCE_LABELS = ['support', 'deny', 'query', 'comment'] as const satisfies readonly SourceStanceLabel[];

/** Stance of a reply toward the comment it answers. */
export const ParentStanceLabel = Type.Union([Type.Literal('agree'), Type.Literal('disagree'), Type.Literal('neutral')], {
  title: 'ParentStanceLabel',
});
export type ParentStanceLabel = Static<typeof ParentStanceLabel>;
export const PARENT_STANCE_LABELS = ['agree', 'disagree', 'neutral'] as const satisfies readonly ParentStanceLabel[];

/**
 * One thing that pushed the decision: a word or phrase in the comment (with its span) or a property
 * of the comment ("ends with a question", "shares no words with the article"). `weight` is how much it
 * moved the chosen label's score (positive: toward it).
 */
export const StanceCue = Type.Object(
  {
    cue: Type.String({ minLength: 1 }),
    weight: Type.Number(),
    span: Type.Optional(Span),
    actual: Type.Optional(Type.String()),
    /** `model`: a learned weight; `lexicon`: a cue word list entry; `rule`: a documented override. */
    kind: Type.Union([Type.Literal('model'), Type.Literal('lexicon'), Type.Literal('rule')]),
  },
  { additionalProperties: false, title: 'StanceCue' },
);
export type StanceCue = Static<typeof StanceCue>;

export const SourceStance = Type.Object(
  {
    label: SourceStanceLabel,
    confidence: Type.Number({ minimum: 0, maximum: 1 }),
    cues: Type.Array(StanceCue),
  },
  { additionalProperties: false, title: 'SourceStance' },
);
export type SourceStance = Static<typeof SourceStance>;

export const ParentStance = Type.Object(
  {
    label: ParentStanceLabel,
    confidence: Type.Number({ minimum: 0, maximum: 1 }),
    /** The comment this stance is toward. */
    parentId: Type.String(),
    cues: Type.Array(StanceCue),
  },
  { additionalProperties: false, title: 'ParentStance' },
);
export type ParentStance = Static<typeof ParentStance>;

/** Per comment: toward the source always; toward the parent only for replies to a comment. */
export const StanceResult = Type.Object(
  {
    toSource: SourceStance,
    toParent: Type.Union([ParentStance, Type.Null()]),
  },
  { additionalProperties: false, title: 'StanceResult' },
);
export type StanceResult = Static<typeof StanceResult>;
