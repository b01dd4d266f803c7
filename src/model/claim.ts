import Type, { type Static } from 'typebox';
import { Evidence, Span } from './finding.js';

/** What a number does in a comment (see README "How claims work"). */
export const ClaimRole = Type.Union(
  [
    Type.Literal('assertion'),
    Type.Literal('echo'),
    Type.Literal('question'),
    Type.Literal('hedged'),
    Type.Literal('illustrative'),
    Type.Literal('not-a-claim'),
  ],
  { title: 'ClaimRole' },
);
export type ClaimRole = Static<typeof ClaimRole>;

/** What backs an assertion; null for every other role. */
export const ClaimStatus = Type.Union(
  [Type.Literal('corroborated'), Type.Literal('contradicted'), Type.Literal('attributed'), Type.Literal('unsupported')],
  { title: 'ClaimStatus' },
);
export type ClaimStatus = Static<typeof ClaimStatus>;

export const ClaimQuantityKind = Type.Union(
  [Type.Literal('count'), Type.Literal('money'), Type.Literal('percent'), Type.Literal('measure'), Type.Literal('fraction')],
  { title: 'ClaimQuantityKind' },
);

export const ClaimSource = Type.Object(
  {
    /** The source as written ("Wiki", "The Pentagon", a URL). */
    text: Type.String(),
    /**
     * linked: a URL is given; named: a specific body or outlet ("The Pentagon said"); first-hand: the
     * writer's own experience ("I paid $100"); vague: "Wiki", "reports", "they".
     */
    quality: Type.Union([Type.Literal('linked'), Type.Literal('named'), Type.Literal('first-hand'), Type.Literal('vague')]),
    url: Type.Union([Type.String(), Type.Null()]),
    span: Span,
  },
  { additionalProperties: false, title: 'ClaimSource' },
);
export type ClaimSource = Static<typeof ClaimSource>;

/** A later comment that repeats the number with doubt ("308 groups wow ...", "I not yet heard about this 308 group"). */
export const ClaimChallenge = Type.Object(
  {
    commentId: Type.String(),
    /** 0-based comment index (humans say "comment N" with N = index + 1). */
    index: Type.Integer({ minimum: 0 }),
    /** The echo of the number in the challenging comment. */
    span: Span,
    actual: Type.String(),
    /** The words that express doubt. */
    cue: Type.String(),
  },
  { additionalProperties: false, title: 'ClaimChallenge' },
);
export type ClaimChallenge = Static<typeof ClaimChallenge>;

/**
 * One number in a comment, with its role and (for assertions) whether anything backs it.
 * `actual` is exactly `text.slice(span.start, span.end)` of the comment: the quantity and what it counts.
 */
export const Claim = Type.Object(
  {
    span: Span,
    actual: Type.String(),
    value: Type.Number(),
    /** Upper end of a range ("5,000 to 10,000") or of a vague size ("hundreds"). */
    high: Type.Union([Type.Number(), Type.Null()]),
    kind: ClaimQuantityKind,
    unit: Type.Union([Type.String(), Type.Null()]),
    /** "over", "some", "about": a bound or an approximation written before the number. */
    qualifier: Type.Union([Type.String(), Type.Null()]),
    /** The counted noun phrase and its normalised head ({text: "jihadi groups", head: "group"}). */
    counted: Type.Union([Type.Object({ text: Type.String(), head: Type.String() }, { additionalProperties: false }), Type.Null()]),
    role: ClaimRole,
    /** Why a number is not a claim ("date", "duration", ...) or why it is hedged/illustrative. */
    roleReason: Type.String(),
    status: Type.Union([ClaimStatus, Type.Null()]),
    source: Type.Union([ClaimSource, Type.Null()]),
    /** For an echo: the earlier comment whose number it repeats. */
    echoOf: Type.Union([Type.Object({ commentId: Type.String(), index: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }), Type.Null()]),
    challengedBy: Type.Array(ClaimChallenge),
    evidence: Type.Array(Evidence),
  },
  { additionalProperties: false, title: 'Claim' },
);
export type Claim = Static<typeof Claim>;

/** A claim in the thread report: the claim plus which comment it is in. */
export const ReportClaim = Type.Object(
  {
    commentId: Type.String(),
    index: Type.Integer({ minimum: 0 }),
    author: Type.String(),
    ...Claim.properties,
  },
  { additionalProperties: false, title: 'ReportClaim' },
);
export type ReportClaim = Static<typeof ReportClaim>;
