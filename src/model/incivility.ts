import Type, { type Static } from 'typebox';
import { Finding } from './finding.js';

export const IncivilityLabel = Type.Union([Type.Literal('uncivil'), Type.Literal('civil')], { title: 'IncivilityLabel' });
export type IncivilityLabel = Static<typeof IncivilityLabel>;

/** Incivility of one comment: rules and the learned model combined (README "How incivility works"). */
export const IncivilityResult = Type.Object(
  {
    /** 0..1; `uncivil` at or above the threshold (default chosen on dev data, see README). */
    score: Type.Number({ minimum: 0, maximum: 1 }),
    label: IncivilityLabel,
    /** The learned model's own probability, before the rules are combined in. */
    modelScore: Type.Number({ minimum: 0, maximum: 1 }),
    /** Rule findings and learned spans (category `incivility`), ordered by position. */
    findings: Type.Array(Finding),
  },
  { additionalProperties: false, title: 'IncivilityResult' },
);
export type IncivilityResult = Static<typeof IncivilityResult>;
