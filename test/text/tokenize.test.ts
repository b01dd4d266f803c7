import { describe, expect, it } from 'vitest';
import { prepareText, sentenceOf, tokenize } from '../../src/text/index.js';

describe('tokenize', () => {
  it('keeps exact offsets for every token', () => {
    const text = 'Wiki has listed over 4,851 "groups" alone. Mu’tasim don’t — 12.5% of $250 :) see https://ex.com/a?b=1.';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it.each([
    ['4,851', 'number'],
    ['12.5', 'number'],
    ['U.S.', 'word'],
    ["don't", 'word'],
    ['Mu’tasim', 'word'],
    ['@bn', 'mention'],
    ['https://example.com/x', 'url'],
    [':)', 'emoticon'],
    ['...', 'punct'],
  ])('%s is one %s token', (s, kind) => {
    const toks = tokenize(`a ${s} b`);
    expect(toks.map((t) => t.text)).toEqual(['a', s, 'b']);
    expect(toks[1]!.kind).toBe(kind);
  });

  it('normalises typographic apostrophes and case only in `norm`', () => {
    const [t] = tokenize('Don’t');
    expect(t!.text).toBe('Don’t');
    expect(t!.norm).toBe("don't");
  });

  it('does not put a trailing full stop into a URL', () => {
    const toks = tokenize('see https://ex.com/page.');
    expect(toks.map((t) => t.text)).toEqual(['see', 'https://ex.com/page', '.']);
  });
});

describe('sentences', () => {
  const split = (s: string) => prepareText(s).sentences.map((x) => s.slice(x.start, x.end));

  it('splits on terminal punctuation before a capital and on line breaks', () => {
    expect(split('Rebels side by side with the russians LOL. What are you smoking?\n\nRight now all')).toEqual([
      'Rebels side by side with the russians LOL.',
      'What are you smoking?',
      'Right now all',
    ]);
  });

  it('does not split after abbreviations or on a lower-case continuation', () => {
    expect(split('Putin meets Erdogan on Aug. 9 in Moscow. Col. Ryder said so.')).toEqual([
      'Putin meets Erdogan on Aug. 9 in Moscow.',
      'Col. Ryder said so.',
    ]);
    expect(split('308 groups wow ... so tell me wow')).toEqual(['308 groups wow ... so tell me wow']);
  });

  it('finds the sentence of a token', () => {
    const p = prepareText('One two. Three four.');
    const three = p.tokens.findIndex((t) => t.text === 'Three');
    const s = sentenceOf(p, three)!;
    expect(p.text.slice(s.start, s.end)).toBe('Three four.');
  });
});

describe('tokenize: scanner edge cases', () => {
  const kinds = (s: string) => tokenize(s).map((t) => `${t.kind}:${t.text}`);

  it('handles non-ASCII letters, emoji with joiners and astral letters', () => {
    expect(kinds('Ğüzel çalışma 👍🏽 👨‍👩‍👧 𝒜bc')).toEqual(['word:Ğüzel', 'word:çalışma', 'emoji:👍🏽', 'emoji:👨‍👩‍👧', 'word:𝒜bc']);
  });

  it('keeps "?!" and "..." runs, splits other punctuation per character', () => {
    expect(kinds('What?! Really... (no)')).toEqual(['word:What', 'punct:?!', 'word:Really', 'punct:...', 'punct:(', 'word:no', 'punct:)']);
  });

  it('does not read a time or ratio glued to words as an emoticon', () => {
    expect(kinds('at 8:30 ok :P')).toEqual(['word:at', 'number:8:30', 'word:ok', 'emoticon::P']);
  });

  it('gives the same tokens as the reference regex on real comments', () => {
    // Reference: the original regex tokenizer, kept here as the specification of token boundaries.
    const RE = /(?<url>(?:https?:\/\/|www\.)[^\s<>"'()[\]]+[^\s<>"'()[\].,;:!?])|(?<mention>@[\p{L}\p{N}_]{1,40})|(?<number>\d+(?:[.,:]\d+)*)|(?<abbr>(?:\p{L}\.){2,})|(?<word>[\p{L}\p{M}][\p{L}\p{M}\p{N}_]*(?:['’][\p{L}\p{M}]+)*)|(?<punct>\.{2,}|[!?]+|[^\s\p{L}\p{N}])/gu;
    const texts = [
      'Through the Reconciliation Process, to date, since Feb, 308 jihadi groups have either disbanded, or joined up with the SAA.',
      'The first group, 112 French, 19 Brits, 2 Kosovars, 3 Bosnian\'s, 17 Ukrainian\'s and 108 Poles should be arriving home next week.',
      'Wiki has listed over 4,851 "groups" alone. See www.example.org/x, or https://en.wikipedia.org/wiki/List_(x).',
      'U.S.-backed rebels — “unlimited amounts of weaponry” — Mu’tasim @bn_2 #tag $250 12.5% e.g. A.B.C.',
    ];
    for (const t of texts) {
      const ref = [...t.matchAll(RE)].map((m) => m[0]);
      expect(tokenize(t).map((x) => x.text)).toEqual(ref);
    }
  });
});
