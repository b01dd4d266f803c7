export type AtomTag = 'ordinal' | 'time' | 'date' | 'decade' | 'ratio' | 'unit' | 'identifier';

/** One numeral expression in a text: "4,851", "ten thousand", "half a dozen", "a few hundred". */
export interface NumberAtom {
  /** Character offsets into the prepared text (end exclusive). */
  start: number;
  end: number;
  value: number;
  /** Upper bound for vague quantities ("hundreds": 200..999); null for a single value. */
  high: number | null;
  written: 'digits' | 'words' | 'mixed';
  /** An order of magnitude or an estimate of size ("hundreds", "a few hundred"), not a count. */
  vague: boolean;
  /**
   * What the number is when it is not a plain quantity, as the scanner can tell from its shape:
   * "11th" ordinal, "3:13" time, "8/5/2016" date, "the 80s" decade, "3/4" ratio, "125lbs" unit,
   * "4chan" identifier. Kept so later stages can say why it is (or is not) a claim.
   */
  tag: AtomTag | null;
  /** For `unit` atoms, the unit ("lb", "Hz"). */
  unit: string | null;
  /** Token range [firstToken, endToken) the atom covers. */
  firstToken: number;
  endToken: number;
  /** Who read it: the fast token scanner, or Microsoft Recognizers-Text for the sentences the scanner defers. */
  via: 'scan' | 'recognizer';
}

export type QuantityKind = 'count' | 'money' | 'percent' | 'measure' | 'fraction';

/** Why a number is not a claim about a quantity. */
export type NonClaimKind =
  | 'date'
  | 'year'
  | 'time'
  | 'duration'
  | 'ordinal'
  | 'identifier'
  | 'label'
  | 'frequency'
  | 'ratio'
  | 'calculation'
  | 'small-count';

export interface CountedThing {
  /** The counted noun phrase as written ("jihadi groups", "Poles"). */
  text: string;
  /** Its head noun, lower case and singular ("group", "pole", "man"). */
  head: string;
  start: number;
  end: number;
  /** True when the phrase was taken from an earlier number in the same sentence ("3,700 Syrians ... just 400 were approved"). */
  inferred: boolean;
}

/**
 * A quantity stated in a text: one number or a range, with what qualifies it ("over", "about"), its
 * kind (count, money, percent, ...) and the thing counted. Computed once per text in `prepareText`.
 */
export interface NumberMention {
  /** The quantity expression: qualifier, currency symbol, number(s), "%" ("over 4,851", "$250", "5,000 to 10,000"). */
  start: number;
  end: number;
  value: number;
  /** Upper end of a range ("5,000 to 10,000") or of a vague quantity; null otherwise. */
  high: number | null;
  kind: QuantityKind;
  /** "USD", "%", "km", ...; null for counts. */
  unit: string | null;
  qualifier: { text: string; type: 'approx' | 'min' | 'max' } | null;
  vague: boolean;
  written: 'digits' | 'words' | 'mixed';
  counted: CountedThing | null;
  /** Set when the number is not a quantity claim at all (a date, a time, an ordinal, ...). */
  nonClaim: NonClaimKind | null;
  /** Index into `PreparedText.sentences`. */
  sentence: number;
  firstToken: number;
  endToken: number;
  via: 'scan' | 'recognizer';
}
