import { describe, expect, it } from 'vitest';
import lexicon from '../../src/stance/lexicons/stance-cues.json' with { type: 'json' };
import { CUE_GROUPS, listCues } from '../../src/stance/cues.js';
import { tokenKeys } from '../../src/stance/features.js';
import { prepareText } from '../../src/text/index.js';

describe('stance cue lexicon', () => {
  it('has no duplicate phrase within a group, and a source and known group for every entry', () => {
    const seen = new Set<string>();
    for (const e of lexicon.entries) {
      const key = `${e.group}:${e.phrase.toLowerCase()}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
      expect(e.source.length).toBeGreaterThan(10);
      expect(CUE_GROUPS as readonly string[]).toContain(e.group);
    }
  });

  it.each([
    ['Is that true? Source please', [['query:is that true', 'Is that true'], ['query:source', 'Source']]],
    ['This is fake news.', [['deny:fake news', 'fake news']]],
    ['Exactly, you are right.', [['agree:exactly', 'Exactly'], ['agree:you are right', 'you are right']]],
    ['Really? I doubt it', [['query:really', 'Really'], ['disagree:really?', 'Really?'], ['hedge:i doubt', 'I doubt'], ['deny:doubt', 'doubt']]],
    ['Nothing here to see', [['negation:nothing', 'Nothing']]],
  ])('finds the cues in %j with exact spans', (text, expected) => {
    const p = prepareText(text);
    const found = listCues(tokenKeys(p), p.tokens).map((x) => [`${x.group}:${x.phrase}`, text.slice(x.span.start, x.span.end)]);
    for (const e of expected) expect(found).toContainEqual(e);
  });

  it('finds nothing in neutral text', () => {
    const p = prepareText('The train leaves at noon from platform 4.');
    expect(listCues(tokenKeys(p), p.tokens)).toEqual([]);
  });
});
