import type { Token } from '../tokenize.js';
import type { AtomSource } from './atoms.js';
import { countedAfter } from './counted.js';
import {
  CURRENCY_SYMBOLS,
  CURRENCY_WORDS,
  FREQUENCY_WORDS,
  LABEL_WORDS,
  MEASURE_WORDS,
  MONTHS,
  OPERATORS,
  PERCENT_WORDS,
  PHRASE_STOPS,
  QUALIFIERS,
  TIME_UNITS,
  YEAR_PREPOSITIONS,
} from './lexicon.js';
import type { NonClaimKind, NumberAtom, NumberMention } from './types.js';

const RANGE_JOINERS = new Set(['-', '–', '—', 'to', 'or']);
const CLOCK_WORDS = new Set(['am', 'pm', 'a.m.', 'p.m.', 'a.m', 'p.m', 'gmt', 'utc', 'est', 'edt', 'pst']);

/**
 * Quantities stated in a text, built from its number atoms: ranges are joined ("5,000 to 10,000"),
 * qualifiers ("over", "some"), currency and percent signs are attached, the counted noun phrase is
 * found, and numbers that are not quantities at all (dates, years, clock times, ordinals, durations,
 * labels, model names) are marked so no analyzer mistakes them for claims.
 */
export function buildMentions(p: AtomSource, atoms: readonly NumberAtom[]): NumberMention[] {
  const { text, tokens, sentences } = p;
  const out: NumberMention[] = [];
  let s = 0;
  for (let a = 0; a < atoms.length; a++) {
    const atom = atoms[a]!;
    while (s < sentences.length - 1 && sentences[s]!.endToken <= atom.firstToken) s++;
    const sentence = sentences[s]!;
    const m = baseMention(atom, s);
    // What the atom alone shows to be no quantity needs no context (most ordinals, times, "one").
    const early = atomNonClaim(atom);
    if (early) {
      m.nonClaim = early;
      out.push(m);
      continue;
    }
    // A range: "5,000 to 10,000", "5-10", "between 5 and 10", "2 or 3".
    const next = atoms[a + 1];
    if (next && plainQuantity(atom) && plainQuantity(next) && next.firstToken === atom.endToken + 1 && next.value > atom.value) {
      const joiner = tokens[atom.endToken]!;
      const between = joiner.norm === 'and' && tokens[atom.firstToken - 1]?.norm === 'between';
      if (RANGE_JOINERS.has(joiner.norm) || between) {
        m.high = next.value;
        m.end = next.end;
        m.endToken = next.endToken;
        if (joiner.norm === 'or') m.vague = true;
        if (between) setStart(m, tokens, atom.firstToken - 1);
        a++;
      }
    }
    attachAround(m, text, tokens, sentence.firstToken, sentence.endToken);
    m.nonClaim = nonClaim(text, m, atom, tokens, sentence.firstToken);
    out.push(m);
  }
  inferElidedCounts(out);
  return out;
}

function baseMention(atom: NumberAtom, sentence: number): NumberMention {
  return {
    start: atom.start,
    end: atom.end,
    value: atom.value,
    high: atom.high,
    kind: atom.tag === 'unit' ? 'measure' : 'count',
    unit: atom.unit,
    qualifier: null,
    vague: atom.vague || (atom.written === 'words' && atom.value > 0 && atom.value < 1),
    written: atom.written,
    counted: null,
    nonClaim: null,
    sentence,
    firstToken: atom.firstToken,
    endToken: atom.endToken,
    via: atom.via,
  };
}

function plainQuantity(a: NumberAtom): boolean {
  return !a.vague && a.tag === null;
}

function setStart(m: NumberMention, tokens: readonly Token[], tok: number): void {
  m.firstToken = tok;
  m.start = tokens[tok]!.start;
}

/** Currency sign and qualifier before, percent sign and counted phrase after. */
function attachAround(m: NumberMention, text: string, tokens: readonly Token[], first: number, end: number): void {
  const before = tokens[m.firstToken - 1];
  if (m.firstToken - 1 >= first && before && CURRENCY_SYMBOLS.has(before.text) && before.end >= m.start - 1) {
    m.kind = 'money';
    m.unit = CURRENCY_SYMBOLS.get(before.text)!;
    setStart(m, tokens, m.firstToken - 1);
  }
  const q = qualifierBefore(tokens, m.firstToken, first);
  if (q) {
    m.qualifier = { text: text.slice(tokens[q.first]!.start, m.start).trimEnd(), type: q.type };
    setStart(m, tokens, q.first);
  }
  let j = m.endToken;
  const after = tokens[j];
  if (j < end && after && (after.text === '%' || PERCENT_WORDS.has(after.norm))) {
    m.kind = 'percent';
    m.unit = '%';
    m.end = after.end;
    m.endToken = ++j;
  } else if (j + 1 < end && after?.norm === 'per' && tokens[j + 1]!.norm === 'cent') {
    m.kind = 'percent';
    m.unit = '%';
    m.end = tokens[j + 1]!.end;
    m.endToken = j += 2;
  }
  m.counted = countedAfter(text, tokens, j, end, true);
  const head = m.counted?.head;
  if (head && m.kind === 'count') {
    if (CURRENCY_WORDS.has(head) || CURRENCY_WORDS.has(head + 's')) {
      m.kind = 'money';
      m.unit = head;
    } else if (MEASURE_WORDS.has(head) || MEASURE_WORDS.has(m.counted!.text.toLowerCase())) {
      m.kind = 'measure';
      m.unit = head;
    }
  }
  if (m.kind === 'count' && m.value > 0 && m.value < 1 && m.high === null) m.kind = 'fraction';
}

/** The longest qualifier phrase ending right before token `i` ("more than", "over", "some"). */
function qualifierBefore(tokens: readonly Token[], i: number, first: number): { first: number; type: 'approx' | 'min' | 'max' } | null {
  const prev = tokens[i - 1];
  if (i - 1 < first || !prev) return null;
  const cands = QUALIFIERS.get(prev.kind === 'word' ? prev.norm : prev.text);
  if (!cands) return null;
  for (const q of cands) {
    const start = i - q.words.length;
    if (start < first) continue;
    let ok = true;
    for (let w = 0; w < q.words.length && ok; w++) {
      const t = tokens[start + w]!;
      ok = (t.kind === 'word' ? t.norm : t.text) === q.words[w];
    }
    if (ok) return { first: start, type: q.type };
  }
  return null;
}

/** Non-quantities recognisable from the atom alone: its tag, or a small number written as a word. */
function atomNonClaim(atom: NumberAtom): NonClaimKind | null {
  if (atom.written === 'words' && !atom.vague && atom.endToken - atom.firstToken === 1 && atom.value >= 0 && atom.value < 10 && Number.isInteger(atom.value)) {
    return 'small-count';
  }
  switch (atom.tag) {
    case 'time':
      return 'time';
    case 'ordinal':
      return 'ordinal';
    case 'date':
      return 'date';
    case 'decade':
      return 'year';
    case 'ratio':
      return 'ratio';
    case 'identifier':
      return 'identifier';
    case 'unit':
      if (atom.unit && (TIME_UNITS.has(atom.unit) || TIME_UNITS.has(atom.unit + 's'))) return 'duration';
      if (atom.unit === 'times') return 'frequency';
      break;
  }
  return null;
}

function nonClaim(text: string, m: NumberMention, atom: NumberAtom, tokens: readonly Token[], first: number): NonClaimKind | null {
  if (CLOCK_WORDS.has(tokens[m.endToken]?.norm ?? '')) return 'time';
  const prevIdx = tokens[atom.firstToken - 1]?.text === '.' ? atom.firstToken - 2 : atom.firstToken - 1;
  const prev = prevIdx >= first ? tokens[prevIdx] : undefined;
  if (isDate(tokens, atom, prev, first)) return 'date';
  const head = m.counted?.head;
  if (isYear(m, atom, prev)) return 'year';
  if (head && TIME_UNITS.has(head)) return 'duration';
  if (head && (TIME_UNITS.has(head + 's') || TIME_UNITS.has(m.counted!.text.toLowerCase()))) return 'duration';
  if (head && FREQUENCY_WORDS.has(head)) return 'frequency';
  const glued = tokens[atom.firstToken - 1];
  if (glued && glued.end === atom.start && (glued.text === '#' || (glued.text === '-' && tokens[atom.firstToken - 2]?.kind === 'word' && tokens[atom.firstToken - 2]!.end === glued.start))) {
    return 'identifier'; // "Su-24", "SCP-173", "#5"
  }
  if (prev && m.qualifier === null && (LABEL_WORDS.has(prev.norm) || LABEL_WORDS.has(prev.text))) return 'label';
  if (isListMarker(text, tokens, m, first)) return 'label';
  const before = tokens[m.firstToken - 1];
  const after = tokens[m.endToken];
  if ((before && m.firstToken > first && OPERATORS.has(before.text)) || (after && OPERATORS.has(after.text)) || (after?.text === '/' && after.start > m.end)) {
    return 'calculation';
  }
  // "Blink 182", "Xbox 360": a name followed by a number is a name (not a sentence-initial "Exactly 42").
  if (before && m.firstToken - 1 > first && m.qualifier === null && before.kind === 'word' && isCapitalised(before) && !PHRASE_STOPS.has(before.norm) && !MONTHS.has(before.norm)) {
    return 'identifier';
  }
  return null;
}

/** "1)", "(2)", and "1." opening a line: list markers. */
function isListMarker(text: string, tokens: readonly Token[], m: NumberMention, first: number): boolean {
  const after = tokens[m.endToken];
  if (!after || after.start !== m.end) return false;
  if (after.text === ')') return true;
  return after.text === '.' && m.firstToken === first && m.counted === null && isLineStart(text, m.start);
}

function isLineStart(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k--;
  return k < 0 || text.charCodeAt(k) === 10;
}

function isCapitalised(t: Token): boolean {
  const c = t.text.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c > 127 && t.text[0] !== t.text[0]!.toLowerCase());
}

/** "Aug. 9", "May 29", "August 5, 2016", "9 August", "8/5/2016". */
function isMonth(t: Token | undefined): boolean {
  return !!t && t.kind === 'word' && MONTHS.has(t.norm) && ((t.norm !== 'may' && t.norm !== 'march') || t.text.charCodeAt(0) === 77); // "May", not "may"
}

function isDate(tokens: readonly Token[], atom: NumberAtom, prev: Token | undefined, first: number): boolean {
  if (isMonth(prev) && atom.value >= 1 && atom.value <= 31 && Number.isInteger(atom.value)) return true;
  if (isMonth(tokens[atom.endToken]) && atom.value >= 1 && atom.value <= 31) return true;
  // the year of "August 5, 2016"
  const comma = tokens[atom.firstToken - 1];
  const day = tokens[atom.firstToken - 2];
  if (comma?.text === ',' && day?.kind === 'number' && atom.firstToken - 3 >= first) {
    const dayPrev = tokens[atom.firstToken - 3]!.text === '.' ? tokens[atom.firstToken - 4] : tokens[atom.firstToken - 3];
    if (isMonth(dayPrev)) return true;
  }
  // numeric dates: a slash glued on either side of a slash-separated group
  const l = tokens[atom.firstToken - 1];
  const r = tokens[atom.endToken];
  return (l?.text === '/' && l.end === atom.start && tokens[atom.firstToken - 2]?.kind === 'number') || (r?.text === '/' && r.start === atom.end && tokens[atom.endToken + 1]?.kind === 'number' && tokens[atom.endToken + 2]?.text === '/');
}

function isYear(m: NumberMention, atom: NumberAtom, prev: Token | undefined): boolean {
  const t = atom.written === 'digits' && atom.endToken - atom.firstToken === 1 ? atom : null;
  if (!t || !Number.isInteger(m.value) || m.value < 1800 || m.value > 2100) return false;
  if (m.end - m.start !== 4 && m.high === null) return false;
  if (m.kind !== 'count') return false;
  return m.counted === null || (!!prev && YEAR_PREPOSITIONS.has(prev.norm));
}

/** "3,700 Syrians had volunteered ... just 400 were approved": 400 counts Syrians too. */
function inferElidedCounts(ms: NumberMention[]): void {
  for (let i = 1; i < ms.length; i++) {
    const m = ms[i]!;
    if (m.counted || m.nonClaim || m.kind !== 'count') continue;
    for (let k = i - 1; k >= 0 && ms[k]!.sentence === m.sentence; k--) {
      const p = ms[k]!;
      if (p.counted && !p.nonClaim && p.kind === 'count') {
        m.counted = { ...p.counted, inferred: true };
        break;
      }
    }
  }
}
