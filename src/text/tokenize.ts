/**
 * Word tokens with character offsets into the original text.
 *
 * A hand-written scanner: this runs on every comment and article and must cost a fraction of
 * `sentiment.analyze` (a Unicode regex with named groups cost ~3x sentiment on its own). Character
 * classes come from a lazily filled table, so non-ASCII text costs one regex test per distinct char.
 * `sentiment`'s tokenizer drops positions and splits "12.5%" / "4,851"; this one keeps both. The
 * text is never rewritten; `norm` is the lower-cased form with typographic apostrophes folded
 * ("Don’t" → "don't") for lexicon lookups.
 */

import { lexeme, type Lexeme } from './lexeme.js';

export type TokenKind = 'word' | 'number' | 'url' | 'mention' | 'emoticon' | 'emoji' | 'punct';

export interface Token {
  /** Exactly `text.slice(start, end)`. */
  text: string;
  /** Lower case, ’ → ', for lookups (words); the text itself for other kinds. */
  norm: string;
  start: number;
  end: number;
  kind: TokenKind;
}

// Character classes for BMP code units.
const UNKNOWN = 0;
const LETTER = 1; // \p{L} or \p{M}
const DIGIT = 2; // ASCII 0-9
const OTHER_NUM = 3; // other \p{N}: part of words (superscripts, other scripts' digits)
const SPACE = 4;
const OTHER = 5;
const CLASS = new Uint8Array(65536);
const LETTER_RE = /[\p{L}\p{M}]/u;
const NUMBER_RE = /\p{N}/u;
const SPACE_RE = /\s/u;
const PICTO_RE = /\p{Extended_Pictographic}/u;

function classOf(c: number): number {
  let k = CLASS[c]!;
  if (k === UNKNOWN) {
    const ch = String.fromCharCode(c);
    k = c >= 48 && c <= 57 ? DIGIT : LETTER_RE.test(ch) ? LETTER : NUMBER_RE.test(ch) ? OTHER_NUM : SPACE_RE.test(ch) ? SPACE : OTHER;
    CLASS[c] = k;
  }
  return k;
}

function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
  const k = classOf(c);
  return k === LETTER || k === OTHER_NUM || k === DIGIT;
}
const APOS = 39;
const RSQUO = 0x2019;
const EMOTICON_EYES = new Set([58, 59, 61, 56]); // : ; = 8
const EMOTICON_NOSE = new Set([45, 111, 42, 39]); // - o * '
const EMOTICON_MOUTH = new Set([41, 93, 40, 91, 100, 68, 112, 80, 47, 92, 124, 125, 123, 64]); // ) ] ( [ d D p P / \ | } { @
const URL_STOP = new Set([32, 9, 10, 13, 60, 62, 34, 39, 40, 41, 91, 93]); // space < > " ' ( ) [ ]
const URL_TRAIL = new Set([46, 44, 59, 58, 33, 63]); // . , ; : ! ?

/**
 * `lexemes`, when given, receives per token the word's lexeme (null for other kinds). Word norms are
 * interned either way: every token of a word form shares one string instance (see lexeme.ts).
 */
export function tokenize(text: string, lexemes?: (Lexeme | null)[]): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  const push = (start: number, end: number, kind: TokenKind) => {
    const t = text.slice(start, end);
    tokens.push({ text: t, norm: t, start, end, kind });
    lexemes?.push(null);
  };
  // Words need a lower-cased norm; skip the allocation when the word is already plain lower ASCII.
  const pushWord = (start: number, end: number) => {
    const t = text.slice(start, end);
    let plain = true;
    for (let q = start; q < end; q++) {
      const d = text.charCodeAt(q);
      if ((d >= 65 && d <= 90) || d > 127) {
        plain = false;
        break;
      }
    }
    let norm = t;
    if (!plain) {
      norm = t.toLowerCase();
      if (norm.indexOf('’') !== -1) norm = norm.replace(/’/g, "'");
    }
    const lex = lexeme(norm);
    // A plain word's text is its norm: share the interned instance (same characters).
    tokens.push({ text: plain ? lex.norm : t, norm: lex.norm, start, end, kind: 'word' });
    lexemes?.push(lex);
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128 ? c === 32 || (c >= 9 && c <= 13) : classOf(c) === SPACE) {
      i++;
      continue;
    }
    const start = i;

    // URL: http(s):// or www.
    if ((c === 104 || c === 119 || c === 72 || c === 87) && (startsWithCI(text, i, 'http://') || startsWithCI(text, i, 'https://') || startsWithCI(text, i, 'www.'))) {
      let j = i;
      while (j < n && !URL_STOP.has(text.charCodeAt(j)) && classOf(text.charCodeAt(j)) !== SPACE) j++;
      while (j > i && URL_TRAIL.has(text.charCodeAt(j - 1))) j--;
      if (j - i > 4) {
        push(start, j, 'url');
        i = j;
        continue;
      }
    }

    // @mention (1-40 word chars)
    if (c === 64 && i + 1 < n && isWordChar(text.charCodeAt(i + 1))) {
      let j = i + 1;
      while (j < n && j - i <= 40 && isWordChar(text.charCodeAt(j))) j++;
      push(start, j, 'mention');
      i = j;
      continue;
    }

    const k = c < 65536 ? classOf(c) : OTHER;

    // Number: digits with inner separators "4,851", "12.5", "03:06"
    if (k === DIGIT) {
      let j = i + 1;
      for (;;) {
        while (j < n && isDigit(text.charCodeAt(j))) j++;
        const s = text.charCodeAt(j);
        if ((s === 44 || s === 46 || s === 58) && j + 1 < n && isDigit(text.charCodeAt(j + 1))) {
          j++;
          continue;
        }
        break;
      }
      push(start, j, 'number');
      i = j;
      continue;
    }

    // Word (letters, marks, digits, _), with inner apostrophes ("don't", "Mu’tasim"), or a dotted
    // abbreviation ("U.S.", "e.g.").
    if (k === LETTER || (c >= 0xd800 && c <= 0xdbff && LETTER_RE.test(text.slice(i, i + 2)))) {
      // Abbreviation: (letter .){2,}
      let a = i;
      let pairs = 0;
      while (a + 1 < n && classOf(text.charCodeAt(a)) === LETTER && text.charCodeAt(a + 1) === 46) {
        a += 2;
        pairs++;
      }
      if (pairs >= 2) {
        pushWord(start, a);
        i = a;
        continue;
      }
      let j = i;
      for (;;) {
        while (j < n) {
          const d = text.charCodeAt(j);
          if (isWordChar(d)) j++;
          else if (d >= 0xd800 && d <= 0xdbff && LETTER_RE.test(text.slice(j, j + 2))) j += 2;
          else break;
        }
        const d = text.charCodeAt(j);
        if ((d === APOS || d === RSQUO) && j + 1 < n && classOf(text.charCodeAt(j + 1)) === LETTER) {
          j++;
          continue;
        }
        break;
      }
      pushWord(start, j);
      i = j;
      continue;
    }
    if (k === OTHER_NUM) {
      let j = i + 1;
      while (j < n && isWordChar(text.charCodeAt(j))) j++;
      pushWord(start, j);
      i = j;
      continue;
    }

    // Emoticon ":)", ";-P": not glued to a word on either side.
    if (EMOTICON_EYES.has(c) && (i === 0 || !isWordChar(text.charCodeAt(i - 1)))) {
      let j = i + 1;
      if (j < n && EMOTICON_NOSE.has(text.charCodeAt(j))) j++;
      if (j < n && EMOTICON_MOUTH.has(text.charCodeAt(j)) && (j + 1 >= n || !isWordChar(text.charCodeAt(j + 1)))) {
        push(start, j + 1, 'emoticon');
        i = j + 1;
        continue;
      }
    }

    // Emoji (with ZWJ sequences) and other astral symbols.
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (cp > 127 && PICTO_RE.test(String.fromCodePoint(cp))) {
      let j = i + width;
      j = skipModifiers(text, j);
      while (j < n && text.charCodeAt(j) === 0x200d) {
        const next = text.codePointAt(j + 1);
        if (next === undefined || !PICTO_RE.test(String.fromCodePoint(next))) break;
        j = skipModifiers(text, j + 1 + (next > 0xffff ? 2 : 1));
      }
      while (j < n && text.charCodeAt(j) === 0xfe0f) j++; // variation selector
      push(start, j, 'emoji');
      i = j;
      continue;
    }

    // Punctuation: "..." runs and "?!" runs stay together; everything else is one code point.
    if (c === 46 && text.charCodeAt(i + 1) === 46) {
      let j = i + 2;
      while (j < n && text.charCodeAt(j) === 46) j++;
      push(start, j, 'punct');
      i = j;
      continue;
    }
    if (c === 33 || c === 63) {
      let j = i + 1;
      while (j < n && (text.charCodeAt(j) === 33 || text.charCodeAt(j) === 63)) j++;
      push(start, j, 'punct');
      i = j;
      continue;
    }
    push(start, i + width, 'punct');
    i += width;
  }
  return tokens;
}

/** Skin-tone modifiers (U+1F3FB..U+1F3FF) belong to the emoji before them. */
function skipModifiers(text: string, j: number): number {
  while (text.charCodeAt(j) === 0xd83c && text.charCodeAt(j + 1) >= 0xdffb && text.charCodeAt(j + 1) <= 0xdfff) j += 2;
  return j;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function startsWithCI(text: string, at: number, prefix: string): boolean {
  if (at + prefix.length > text.length) return false;
  for (let k = 0; k < prefix.length; k++) {
    if ((text.charCodeAt(at + k) | 0x20) !== prefix.charCodeAt(k) && text.charCodeAt(at + k) !== prefix.charCodeAt(k)) return false;
  }
  return true;
}
