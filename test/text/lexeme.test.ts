import { describe, expect, it } from 'vitest';
import { contentStem } from '../../src/text/content-words.js';
import { prepareText } from '../../src/text/index.js';
import { lexeme } from '../../src/text/lexeme.js';
import { claimStems, threadClaim } from '../../src/stance/claim.js';

describe('lexemes', () => {
  it('give every word token its lexeme and nothing to other tokens', () => {
    const p = prepareText('The rebels, THE Rebels: 308 groups :) Mu’tasim');
    expect(p.lexemes).toHaveLength(p.tokens.length);
    p.tokens.forEach((t, i) => {
      if (t.kind === 'word') expect(p.lexemes[i]!.norm).toBe(t.norm);
      else expect(p.lexemes[i]).toBeNull();
    });
    expect(p.lexemes[p.tokens.findIndex((t) => t.text === 'Mu’tasim')]!.norm).toBe("mu'tasim");
  });

  it('are shared by every spelling of a word form', () => {
    const a = prepareText('The rebels');
    const b = prepareText('the REBELS');
    expect(a.lexemes[0]).toBe(b.lexemes[0]);
    expect(a.lexemes[1]).toBe(b.lexemes[1]);
    expect(lexeme('rebels')).toBe(a.lexemes[1]);
  });

  it('answer contentStem exactly as the uncached function does', () => {
    for (const w of ['rebels', 'the', 'is', 'switching', "don't", 'groups']) expect(lexeme(w).contentStem).toBe(contentStem(w));
    expect(lexeme('the').contentStem).toBeNull();
    expect(lexeme('rebels').contentStem).toBe('rebel');
  });
});

describe('claim stems', () => {
  it('read the first words only, skipping stop words', () => {
    const text = 'Russia entices the rebels to switch sides. Later paragraphs mention weapons.';
    expect([...claimStems(prepareText(text), 5)]).toEqual(['russia', 'entic', 'rebel']);
    expect(threadClaim({ title: 'Russia entices rebels', lead: null })).toEqual(new Set(['russia', 'entic', 'rebel']));
    expect(threadClaim({ title: '  ', lead: null })).toBeNull();
  });
});
