import Type, { type Static } from 'typebox';

/** Character offsets into a comment's `text`; `end` is exclusive (like String.prototype.slice). */
export const Span = Type.Object(
  {
    start: Type.Integer({ minimum: 0 }),
    end: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false, title: 'Span' },
);
export type Span = Static<typeof Span>;

export const FindingCategory = Type.Union(
  [Type.Literal('tone'), Type.Literal('incivility'), Type.Literal('claim'), Type.Literal('stance')],
  { title: 'FindingCategory' },
);
export type FindingCategory = Static<typeof FindingCategory>;

export const Severity = Type.Union([Type.Literal('low'), Type.Literal('medium'), Type.Literal('high')], {
  title: 'Severity',
});
export type Severity = Static<typeof Severity>;

/** Where a piece of evidence points: an article, another comment, a word list, the learned model, a URL. */
export const EvidenceRef = Type.Object(
  {
    type: Type.Union([
      Type.Literal('article'),
      Type.Literal('comment'),
      Type.Literal('lexicon'),
      Type.Literal('model'),
      Type.Literal('url'),
    ]),
    id: Type.Optional(Type.String()),
    title: Type.Optional(Type.String()),
    span: Type.Optional(Span),
  },
  { additionalProperties: false, title: 'EvidenceRef' },
);
export type EvidenceRef = Static<typeof EvidenceRef>;

export const Evidence = Type.Object(
  {
    kind: Type.String({ minLength: 1 }),
    text: Type.String(),
    ref: Type.Optional(EvidenceRef),
  },
  { additionalProperties: false, title: 'Evidence' },
);
export type Evidence = Static<typeof Evidence>;

/**
 * A positioned, explainable message about one comment (the unified/vfile and ESLint shape).
 * `actual` is always `text.slice(span.start, span.end)` of the comment it belongs to.
 */
export const Finding = Type.Object(
  {
    ruleId: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }),
    category: FindingCategory,
    severity: Severity,
    score: Type.Number({ minimum: 0, maximum: 1 }),
    span: Span,
    actual: Type.String(),
    reason: Type.String({ minLength: 1 }),
    evidence: Type.Optional(Type.Array(Evidence)),
  },
  { additionalProperties: false, title: 'Finding' },
);
export type Finding = Static<typeof Finding>;

export const SEVERITY_RANK: Record<Severity, number> = { low: 1, medium: 2, high: 3 };
