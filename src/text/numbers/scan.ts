import type { Token } from '../tokenize.js';
import {
  CARDINALS,
  DEFER_WORDS,
  GLUED_UNITS,
  VAGUE_QUANTIFIERS,
  WORD_FLAGS,
  W_ARTICLE,
  W_CARDINAL,
  W_DEFER,
  W_HALF,
  W_VAGUE_QUANTIFIER,
  fractionWord,
  wordFlags,
  type Cardinal,
} from './lexicon.js';
import type { AtomTag, NumberAtom } from './types.js';

/**
 * The fast path of number reading: one pass over a sentence's tokens with one Map lookup per word.
 * It reads digits with separators, decimals, "10k", digits with multipliers ("2 million"),
 * spelled-out cardinals ("ten thousand", "two hundred and six", "a dozen"), halves, fractions written
 * "3/4", and vague sizes the recogniser does not read at all ("a few hundred", "tens of thousands").
 * It tags what is not a plain quantity (ordinals, clock times, dates, decades, units, names).
 * Anything else (spelled fractions and decimals, exponents, "10M", odd separators) makes it ask for
 * the sentence to be deferred to Microsoft Recognizers-Text, which is exact but costs ~100 us a call.
 */

const ORDINAL_SUFFIX = new Set(['st', 'nd', 'rd', 'th']);
/**
 * Glued letters the recogniser reads as multipliers ("10M", "1.2b", "1MM", "2mil", "10G"), matched
 * case-sensitively: lower-case "m", "mm" and "g" are read here as metres, millimetres and grams.
 */
const RECOGNIZER_SUFFIX = new Set(['M', 'MM', 'mil', 'Mil', 'mln', 'G', 'b', 'B', 'bn', 'bln', 'T', 't', 'tn', 'tln']);
/** Denominators of the simple spelled fractions the scanner reads itself ("two thirds", "a quarter"). */
const DENOMINATOR: ReadonlyMap<string, number> = new Map([
  ['third', 3], ['quarter', 4], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7], ['eighth', 8], ['ninth', 9], ['tenth', 10],
  ['hundredth', 100], ['thousandth', 1e3], ['millionth', 1e6], ['billionth', 1e9], ['trillionth', 1e12],
]);
const PLAIN = /^\d+(?:\.\d+)?$/;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * One scanner per text, reused for each of its sentences (no allocation per sentence: this runs on
 * every comment). `scan` appends the sentence's atoms to `out` and returns true when the sentence
 * holds something only the recogniser reads correctly; the token ranges that need it are appended
 * to `windows` as [from, to) pairs.
 */
export class NumberScanner {
  private atoms: NumberAtom[] = [];
  private defer = false;
  private windows: number[] = [];
  private first = 0;
  private end = 0;
  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
  ) {}

  scan(first: number, end: number, out: NumberAtom[], windows: number[]): boolean {
    this.first = first;
    this.end = end;
    this.atoms = out;
    this.windows = windows;
    this.defer = false;
    let i = first;
    const tokens = this.tokens;
    while (i < end) {
      const t = tokens[i]!;
      if (t.kind === 'number') i = this.digits(i);
      else if (t.kind === 'word') {
        const f = wordFlags(t.norm);
        i = f === undefined ? i + 1 : this.word(i, f);
      } else i++;
    }
    return this.defer;
  }

  private tok(i: number): Token | undefined {
    return i >= this.first && i < this.end ? this.tokens[i] : undefined;
  }
  private norm(i: number): string | undefined {
    const t = this.tok(i);
    return t && t.kind === 'word' ? t.norm : undefined;
  }
  private isNumberAt(i: number): boolean {
    const t = this.tok(i);
    if (!t) return false;
    if (t.kind === 'number') return true;
    const c = t.kind === 'word' ? CARDINALS.get(t.norm) : undefined;
    return !!c && c.type !== 'vague';
  }
  private push(first: number, endTok: number, value: number, o: Partial<NumberAtom> = {}): void {
    this.atoms.push({
      start: o.start ?? this.tokens[first]!.start,
      end: this.tokens[endTok - 1]!.end,
      value,
      high: o.high ?? null,
      written: o.written ?? 'digits',
      vague: o.vague ?? false,
      tag: o.tag ?? null,
      unit: o.unit ?? null,
      firstToken: first,
      endToken: endTok,
      via: 'scan',
    });
  }
  /** Hand tokens [from, to) to the recogniser (the window is widened later) and continue at `to`. */
  private deferAt(from: number, to: number): number {
    this.defer = true;
    this.windows.push(Math.max(from, this.first), Math.min(to, this.end));
    return to;
  }

  /** A number token ("4,851", "12.5", "03:06") with what is glued to it and the words after it. */
  private digits(i: number): number {
    const t = this.tokens[i]!;
    if (t.text.indexOf(':') !== -1) {
      const [h, min] = t.text.split(':');
      this.push(i, i + 1, Number(h) + Number(min) / 60, { tag: 'time' }); // "3:13" in hours, so the value stays a number
      return i + 1;
    }
    let value: number;
    if (PLAIN.test(t.text)) value = Number(t.text);
    else if (GROUPED.test(t.text)) value = Number(t.text.replace(/,/g, ''));
    else return this.deferAt(i, i + 1); // "192.168.1.2", "22,24,26", "5,00": the recogniser knows these conventions
    let start = t.start;
    let firstTok = i;
    // A sign or a leading decimal point glued in front (may sit in the previous "sentence": ".08").
    const prev = this.tokens[i - 1];
    if (prev && prev.end === t.start && prev.kind === 'punct') {
      const before = this.tokens[i - 2];
      const free = !before || before.end < prev.start;
      if (prev.text === '.' && free) {
        value = Number('0.' + t.text);
        start = prev.start;
        firstTok = i - 1;
      } else if (prev.text === '-' && free) {
        value = -value; // "Su-24" keeps its sign: that hyphen is glued to a word
        start = prev.start;
        firstTok = i - 1;
      }
    }
    const next = this.tok(i + 1);
    if (next && next.start === t.end) {
      if (next.kind === 'word') return this.suffixed(i, firstTok, start, value, next);
      if (next.text === '^') return this.deferAt(i, i + 3);
      if (next.text === '/' && this.tok(i + 2)?.kind === 'number' && this.tok(i + 2)!.start === next.end) return this.slashed(i, firstTok, start, value);
    }
    // "1 234 567", "40 000": digit groups separated by spaces (a convention outside English news text).
    if (next && next.kind === 'number' && t.text.length <= 3 && /^\d{3}(?:\.\d+)?$/.test(next.text) && /^\d+$/.test(t.text) && onlySpaces(this.text, t.end, next.start)) {
      return this.deferAt(i, i + 2);
    }
    let j = i + 1;
    let written: NumberAtom['written'] = 'digits';
    for (let c = multiplierAt(this.norm(j)); c; c = multiplierAt(this.norm(j))) {
      value *= c.value; // "2 million", "322 hundred", "3 dozens"
      written = 'mixed';
      j++;
    }
    j = this.half(j, (v) => (value += v));
    if (this.andFraction(j) || this.followedByDeferral(j, true)) return this.deferAt(i, j + 1);
    this.push(firstTok, j, value, { start, written });
    return j;
  }

  /** Letters glued to digits: "11th", "10k", "80s", "125lbs", "4chan", "1e10", "10M". */
  private suffixed(i: number, firstTok: number, start: number, value: number, next: Token): number {
    const n = next.norm;
    const o = { start, tag: null as AtomTag | null, unit: null as string | null, written: 'digits' as NumberAtom['written'] };
    if (ORDINAL_SUFFIX.has(n)) o.tag = 'ordinal';
    else if (n === 'k') {
      value *= 1000;
      o.written = 'mixed';
    } else if (RECOGNIZER_SUFFIX.has(next.text) || (n[0] === 'e' && (n.length === 1 || isDigitCode(n.charCodeAt(1))))) return this.deferAt(i, i + 2);
    else if ((n === 's' || n === "'s") && value % 10 === 0) o.tag = 'decade'; // "the 80s", "1990s"
    else if (GLUED_UNITS.has(n)) {
      o.tag = 'unit';
      o.unit = GLUED_UNITS.get(n)!;
    } else o.tag = 'identifier'; // "4chan", "2Fort", "7D"
    this.push(firstTok, i + 2, value, o);
    return i + 2;
  }

  /** "3/4" (a fraction or a score), "8/5/2016" (a date); "2 1/4" goes to the recogniser. */
  private slashed(i: number, firstTok: number, start: number, value: number): number {
    const before = this.tok(i - 1);
    if (before && before.kind === 'number' && onlySpaces(this.text, before.end, this.tokens[i]!.start)) return this.deferAt(i - 1, i + 3);
    const den = this.tokens[i + 2]!;
    const slash2 = this.tok(i + 3);
    if (slash2?.text === '/' && slash2.start === den.end && this.tok(i + 4)?.kind === 'number' && this.tok(i + 4)!.start === slash2.end) {
      this.push(firstTok, i + 5, value, { start, tag: 'date' });
      return i + 5;
    }
    const d = Number(den.text.replace(/,/g, ''));
    if (!Number.isFinite(d) || d === 0) return this.deferAt(i, i + 3);
    this.push(firstTok, i + 3, value / d, { start, tag: 'ratio' });
    return i + 3;
  }

  private word(i: number, flags: number): number {
    const n = this.tokens[i]!.norm;
    if (flags & W_DEFER) {
      const when = DEFER_WORDS.get(n);
      if (when === 'always' || (when === 'before-number' && this.isNumberAt(i + 1))) return this.deferAt(i, i + 1);
    }
    if (flags & W_HALF) return this.halfWord(i);
    if (flags & W_ARTICLE) return this.article(i);
    if (flags & W_VAGUE_QUANTIFIER) return this.vague(i, i);
    if (!(flags & W_CARDINAL)) return i + 1;
    const c = CARDINALS.get(n)!;
    if (c.type === 'vague' || (n === 'dozens' && !this.isNumberAt(i - 1))) return this.vague(i, i);
    return this.spelled(i, false);
  }

  /** "a thousand", "a dozen", "a few hundred", "a half"; "a third" goes to the recogniser. */
  private article(i: number): number {
    const nx = this.norm(i + 1);
    if (nx === undefined) return i + 1;
    if (nx === 'half') {
      this.push(i, i + 2, 0.5, { written: 'words' });
      return i + 2;
    }
    const frac = fractionWord(nx);
    const den = frac ? DENOMINATOR.get(frac) : undefined;
    if (den !== undefined && nx === frac) {
      this.push(i, i + 2, 1 / den, { written: 'words' }); // "a third", "a quarter", "a hundredth"
      return i + 2;
    }
    if (frac && frac !== 'second' && frac !== 'first') return this.deferAt(i, i + 2); // "a twenty-first" etc.; not "a second"
    const c = CARDINALS.get(nx);
    if (c && (c.type === 'multiplier' || c.type === 'dozen') && nx !== 'dozens') return this.spelled(i, true);
    if (VAGUE_QUANTIFIERS.has(nx)) return this.vague(i + 1, i);
    return i + 1;
  }

  /** "half", "half a dozen". */
  private halfWord(i: number): number {
    const a = this.norm(i + 1);
    if ((a === 'a' || a === 'an') && this.norm(i + 2) === 'dozen') {
      this.push(i, i + 3, 6, { written: 'words' });
      return i + 3;
    }
    this.push(i, i + 1, 0.5, { written: 'words' });
    return i + 1;
  }

  /** "and a half" after a number: adds 0.5 and returns the index after it. */
  private half(j: number, add: (v: number) => void): number {
    if (this.norm(j) === 'and' && (this.norm(j + 1) === 'a' || this.norm(j + 1) === 'an') && this.norm(j + 2) === 'half') {
      add(0.5);
      return j + 3;
    }
    return j;
  }

  /** What follows a number and needs the recogniser: fractions, "over 3", "point five", "10 bln". */
  private followedByDeferral(j: number, afterDigits: boolean): boolean {
    let k = j;
    if (this.tok(k)?.text === '-') k++;
    const n = this.norm(k);
    if (n === undefined || WORD_FLAGS.get(n) === undefined) return false;
    const frac = fractionWord(n);
    if (frac && !(afterDigits && (frac === 'first' || frac === 'second'))) return true; // "two thirds"; not "3 seconds"
    if (n === 'and') return false;
    const when = DEFER_WORDS.get(n);
    if (when === 'after-number' && k === j) return true;
    if (when === 'between-numbers') return n === 'out' ? this.norm(k + 1) === 'of' && this.isNumberAt(k + 2) : this.isNumberAt(k + 1);
    return false;
  }

  /** Spelled-out cardinal from token i ("two hundred and six", "twenty-one trillion", "a thousand"). */
  private spelled(i: number, leadingA: boolean): number {
    let total = 0;
    let current = leadingA ? 1 : 0;
    let state: State = leadingA ? 'a' : 'start';
    let words = 0;
    let j = leadingA ? i + 1 : i;
    for (;;) {
      const n = this.norm(j);
      const c = n !== undefined ? CARDINALS.get(n) : undefined;
      const next = c ? stateOf(c) : null;
      if (c && next && FOLLOWS[next].has(state)) {
        if (next === 'dozen' && words > 1) return this.deferAt(i, j + 1); // "three hundred and two dozens": the recogniser groups it
        if (next === 'big') {
          total += (current || 1) * c.value;
          current = 0;
        } else if (next === 'hundred' || next === 'dozen') current = (current || 1) * c.value;
        else current += c.value;
        state = next;
        words++;
        j++;
        if (next === 'dozen') break;
        continue;
      }
      // "twenty-one", "fifty - two"
      if (state === 'ten' && this.tok(j)?.text === '-' && CARDINALS.get(this.norm(j + 1) ?? '')?.type === 'unit') {
        j++;
        continue;
      }
      // "one hundred and six", "two thousand and two hundred"
      if (n === 'and' && (state === 'hundred' || state === 'big')) {
        const c2 = CARDINALS.get(this.norm(j + 1) ?? '');
        if (c2 && (c2.type === 'unit' || c2.type === 'teen' || c2.type === 'ten')) {
          state = 'and';
          j++;
          continue;
        }
      }
      break;
    }
    if (words === 0) return i + 1;
    let value = total + current;
    // "two thirds", "one fifth": a single small numerator over a simple denominator
    if (words === 1 && !leadingA && value >= 1 && value <= 10 && !this.joinedBefore(i)) {
      const word = this.norm(j) ?? '';
      const frac = fractionWord(word);
      const den = frac ? DENOMINATOR.get(frac) : undefined;
      // "one fifth", "two thirds"; not "two millionth" (a singular denominator after 2+ is no fraction)
      if (den !== undefined && (value === 1) === (word === frac)) {
        this.push(i, j + 1, value / den, { written: 'words' });
        return j + 1;
      }
    }
    j = this.half(j, (v) => (value += v));
    if (this.andFraction(j) || this.followedByDeferral(j, false)) return this.deferAt(i, j + 1);
    this.push(i, j, value, { written: 'words' });
    return j;
  }

  /** The token before i ties it to a bigger number ("thirty-two fifths", "hundred and two fifths"). */
  private joinedBefore(i: number): boolean {
    const b = this.tok(i - 1);
    if (!b) return false;
    if (b.text === '-') return true;
    return b.kind === 'word' && (b.norm === 'and' || CARDINALS.has(b.norm));
  }

  /** "one hundred and fifth", "five and a quarter": a fraction joined by "and". */
  private andFraction(j: number): boolean {
    if (this.norm(j) !== 'and') return false;
    const a = this.norm(j + 1) ?? '';
    return !!fractionWord(a) || ((a === 'a' || a === 'an') && !!fractionWord(this.norm(j + 2) ?? ''));
  }

  /** Sizes, not counts: "a few hundred(s)", "several thousand", "hundreds", "tens of thousands", "dozens". */
  private vague(q: number, startTok: number): number {
    let j = q;
    let lowMult = 2;
    let highMult = 9;
    const quant = VAGUE_QUANTIFIERS.has(this.norm(j) ?? '') ? this.norm(j)! : null;
    if (quant) {
      const c = CARDINALS.get(this.norm(j + 1) ?? '');
      if (!c || !(c.type === 'multiplier' || c.type === 'vague' || c.type === 'dozen')) return q + 1; // "some ten thousand": "some" qualifies the number after it
      if (quant === 'couple') highMult = 3;
      if (quant === 'some') lowMult = 1;
      j++;
    }
    let base = 1;
    let words = 0;
    for (;;) {
      const n = this.norm(j);
      const c = n !== undefined ? CARDINALS.get(n) : undefined;
      if (!c || !(c.type === 'multiplier' || c.type === 'vague' || c.type === 'dozen')) break;
      base *= c.type === 'vague' ? c.value / 2 : c.value;
      words++;
      j++;
      // "tens of thousands", "hundreds of thousands"
      if (c.type === 'vague' && this.norm(j) === 'of' && CARDINALS.get(this.norm(j + 1) ?? '')?.type === 'vague') j++;
      else if (c.type === 'vague') break;
    }
    if (words === 0) return q + 1;
    this.push(startTok, j, lowMult * base, { written: 'words', vague: true, high: (highMult + 1) * base - 1 });
    return j;
  }
}

function multiplierAt(norm: string | undefined): Cardinal | undefined {
  if (norm === undefined) return undefined;
  const c = CARDINALS.get(norm);
  return c && (c.type === 'multiplier' || c.type === 'dozen') ? c : undefined;
}

type State = 'start' | 'a' | 'unit' | 'teen' | 'ten' | 'hundred' | 'big' | 'and' | 'dozen';

function stateOf(c: Cardinal): State | null {
  if (c.type === 'multiplier') return c.value === 100 ? 'hundred' : 'big';
  return c.type === 'vague' ? null : c.type;
}

/** Which word may follow which inside one spelled-out number ("twenty one" yes, "one two" no). */
const FOLLOWS: Record<State, ReadonlySet<State>> = {
  start: new Set(),
  a: new Set(),
  and: new Set(),
  unit: new Set(['start', 'ten', 'and', 'hundred', 'big']),
  teen: new Set(['start', 'and', 'hundred', 'big']),
  ten: new Set(['start', 'and', 'hundred', 'big']),
  hundred: new Set(['start', 'a', 'unit', 'teen', 'ten']),
  big: new Set(['start', 'a', 'unit', 'teen', 'ten', 'hundred']),
  dozen: new Set(['start', 'a', 'unit', 'teen', 'ten']),
};

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function onlySpaces(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 0xa0 && c !== 0x202f && c !== 0x2009) return false;
  }
  return true;
}
