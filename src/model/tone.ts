import Type, { type Static } from 'typebox';
import { Finding, Span } from './finding.js';

export const ToneLabel = Type.Union(
  [Type.Literal('hostile'), Type.Literal('negative'), Type.Literal('neutral'), Type.Literal('positive')],
  { title: 'ToneLabel' },
);
export type ToneLabel = Static<typeof ToneLabel>;

/** A scored word that tone deliberately did not count (or counted less), with the reason. */
export const ToneDiscount = Type.Object(
  {
    span: Span,
    actual: Type.String(),
    lexiconScore: Type.Number(),
    weight: Type.Number({ minimum: 0, maximum: 1 }),
    why: Type.String(),
  },
  { additionalProperties: false, title: 'ToneDiscount' },
);
export type ToneDiscount = Static<typeof ToneDiscount>;

export const ToneResult = Type.Object(
  {
    label: ToneLabel,
    /** -1 (most negative) .. 1 (most positive). */
    score: Type.Number({ minimum: -1, maximum: 1 }),
    /** The words and phrases that drove the label, as positioned findings (ruleId `tone-*`). */
    findings: Type.Array(Finding),
    discounted: Type.Array(ToneDiscount),
  },
  { additionalProperties: false, title: 'ToneResult' },
);
export type ToneResult = Static<typeof ToneResult>;
