import Type, { type Static } from 'typebox';
import { Claim } from './claim.js';
import { Finding } from './finding.js';
import { IncivilityLabel } from './incivility.js';
import { ParentStanceLabel, SourceStanceLabel } from './stance.js';
import { ToneLabel } from './tone.js';

/** One line of `threadlens score` input (JSON Lines). */
export const ScoreInput = Type.Object(
  {
    id: Type.Union([Type.String({ minLength: 1 }), Type.Integer()]),
    text: Type.String(),
    parent_text: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    source_text: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  },
  { additionalProperties: true, title: 'ScoreInput' },
);
export type ScoreInput = Static<typeof ScoreInput>;

/** One line of `threadlens score` output. Later analyzers add their own fields. */
export const ScoreOutput = Type.Object(
  {
    id: Type.Union([Type.String(), Type.Integer()]),
    tone: Type.Object(
      { label: ToneLabel, score: Type.Number(), findings: Type.Array(Finding) },
      { additionalProperties: false },
    ),
    incivility: Type.Object(
      { label: IncivilityLabel, score: Type.Number({ minimum: 0, maximum: 1 }), findings: Type.Array(Finding) },
      { additionalProperties: false },
    ),
    /** Every number in the comment: role, and for assertions the status against `source_text` with evidence. */
    claims: Type.Array(Claim),
    /** Moderation findings of the analyzers other than tone (e.g. unsupported-numeric-claim). */
    findings: Type.Array(Finding),
    /** Stance toward `source_text` (always) and toward `parent_text` (null without one). */
    stance: Type.Object(
      {
        toSource: Type.Object({ label: SourceStanceLabel, confidence: Type.Number({ minimum: 0, maximum: 1 }) }, { additionalProperties: false }),
        toParent: Type.Union([
          Type.Object({ label: ParentStanceLabel, confidence: Type.Number({ minimum: 0, maximum: 1 }) }, { additionalProperties: false }),
          Type.Null(),
        ]),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false, title: 'ScoreOutput' },
);
export type ScoreOutput = Static<typeof ScoreOutput>;
