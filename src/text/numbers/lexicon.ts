import words from './lexicons/number-words.json' with { type: 'json' };
import context from './lexicons/quantity-context.json' with { type: 'json' };

export type CardinalType = 'unit' | 'teen' | 'ten' | 'multiplier' | 'dozen' | 'vague';

export interface Cardinal {
  value: number;
  type: CardinalType;
}

/** Number names by lower-case word; precompiled once so the scanner does one Map lookup per word. */
export const CARDINALS: ReadonlyMap<string, Cardinal> = new Map(
  words.entries.map((e) => [e.word, { value: e.value, type: e.type as CardinalType }] as const),
);

/** Quantifiers that turn a following round number into a size estimate ("a few hundred"). */
export const VAGUE_QUANTIFIERS: ReadonlySet<string> = new Set(words.vagueQuantifiers.entries.map((e) => e.word));

export type DeferWhen = 'between-numbers' | 'before-number' | 'after-number' | 'always' | 'fraction';

/** Words that send a sentence to the recogniser, with the context in which they do. */
export const DEFER_WORDS: ReadonlyMap<string, DeferWhen> = new Map(
  words.deferToRecognizer.entries.map((e) => [e.word, e.when as DeferWhen] as const),
);

/** Units glued to digits ("125lbs", "144Hz"): lower-case suffix → unit name. */
export const GLUED_UNITS: ReadonlyMap<string, string> = new Map(context.gluedUnits.entries.map((e) => [e.suffix, e.unit] as const));

/** What a word can do for the scanner, as bit flags: one Map lookup per word on the hot path. */
export const W_CARDINAL = 1;
export const W_VAGUE_QUANTIFIER = 2;
export const W_DEFER = 4;
export const W_ARTICLE = 8;
export const W_HALF = 16;
export const W_FRACTION = 32;

/** A fraction word, singular or plural ("third", "thirds", "fifths"), or null. */
export function fractionWord(norm: string): string | null {
  if (DEFER_WORDS.get(norm) === 'fraction') return norm;
  if (norm.length > 3 && norm.endsWith('s')) {
    const sing = norm === 'halves' ? 'half' : norm.slice(0, -1);
    if (DEFER_WORDS.get(sing) === 'fraction') return sing;
  }
  return null;
}

export type QualifierType = 'approx' | 'min' | 'max';

export interface Qualifier {
  words: string[];
  type: QualifierType;
}

/** Qualifiers before a number ("over", "more than", "about"), indexed by their last word for a backwards match. */
export const QUALIFIERS: ReadonlyMap<string, Qualifier[]> = (() => {
  const m = new Map<string, Qualifier[]>();
  for (const e of context.qualifiers.entries) {
    const ws = e.phrase.split(' ');
    const list = m.get(ws.at(-1)!) ?? [];
    list.push({ words: ws, type: e.type as QualifierType });
    list.sort((a, b) => b.words.length - a.words.length);
    m.set(ws.at(-1)!, list);
  }
  return m;
})();

const byKind = (kind: string) => new Set(context.units.entries.filter((e) => e.kind === kind).flatMap((e) => e.words));

/** Heads that make a quantity money, a percentage, a measure, a length of time or a frequency. */
export const CURRENCY_WORDS = byKind('currency');
export const PERCENT_WORDS = byKind('percent');
export const MEASURE_WORDS = byKind('measure');
export const TIME_UNITS = byKind('time');
export const FREQUENCY_WORDS = byKind('frequency');
export const CURRENCY_SYMBOLS: ReadonlyMap<string, string> = new Map(context.currencySymbols.entries.map((e) => [e.symbol, e.code] as const));

export const MONTHS: ReadonlySet<string> = new Set(context.months.entries.flatMap((e) => e.words));
/** Words after which a number is a label, not a quantity ("page 5", "comment 4", "No. 3"). */
export const LABEL_WORDS: ReadonlySet<string> = new Set(context.labelWords.entries.flatMap((e) => e.words));
/** Prepositions that make a bare four-digit number a year ("in 2012", "since 2015"). */
export const YEAR_PREPOSITIONS: ReadonlySet<string> = new Set(context.yearPrepositions.entries.flatMap((e) => e.words));
/** Words that end a counted noun phrase: function words, auxiliaries, reporting verbs. */
export const PHRASE_STOPS: ReadonlySet<string> = new Set(context.phraseStops.entries.flatMap((e) => e.words));
/** Determiners and possessive pronouns, skipped after a partitive "of" ("80% of the regime's fighters"). */
export const DETERMINERS: ReadonlySet<string> = new Set(context.phraseStops.entries.filter((e) => e.class === 'determiner').flatMap((e) => e.words));
/** Modifiers skipped at the start of a counted noun phrase ("1,000 other affiliated rebels"). */
export const PHRASE_LEAD_SKIP: ReadonlySet<string> = new Set(context.phraseLeadSkip.entries.flatMap((e) => e.words));
/** Arithmetic operators: a number next to one is part of a calculation. */
export const OPERATORS: ReadonlySet<string> = new Set(context.operators.entries.flatMap((e) => e.symbols));
/** Irregular plurals for the counted head ("men" → "man"). */
export const IRREGULAR_PLURALS: ReadonlyMap<string, string> = new Map(
  context.irregularPlurals.entries.map((e) => [e.plural, e.singular] as const),
);

/** Every word the scanner reacts to, with its flags; any other word is skipped after one lookup. */
export const WORD_FLAGS: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  const add = (w: string, f: number) => m.set(w, (m.get(w) ?? 0) | f);
  for (const w of CARDINALS.keys()) add(w, W_CARDINAL);
  for (const w of VAGUE_QUANTIFIERS) add(w, W_VAGUE_QUANTIFIER);
  for (const [w, when] of DEFER_WORDS) {
    if (when === 'fraction') {
      add(w, W_FRACTION);
      add(w === 'half' ? 'halves' : w + 's', W_FRACTION);
    } else add(w, W_DEFER);
  }
  add('a', W_ARTICLE);
  add('an', W_ARTICLE);
  add('half', W_HALF);
  return m;
})();

/**
 * A cheap filter in front of WORD_FLAGS: (first letter, last letter, length) of every listed word.
 * About 90% of the words in comments fail it and skip the Map lookup.
 */
const MAYBE = new Uint8Array(128 * 128 * 16);
function shapeKey(w: string): number {
  const a = w.charCodeAt(0);
  const b = w.charCodeAt(w.length - 1);
  return a < 128 && b < 128 ? (a * 128 + b) * 16 + (w.length < 15 ? w.length : 15) : -1;
}
for (const w of WORD_FLAGS.keys()) {
  const k = shapeKey(w);
  if (k >= 0) MAYBE[k] = 1;
}

/** The scanner's flags for a word, or undefined: one typed-array read for most words. */
export function wordFlags(norm: string): number | undefined {
  const k = shapeKey(norm);
  return k >= 0 && MAYBE[k] === 0 ? undefined : WORD_FLAGS.get(norm);
}
