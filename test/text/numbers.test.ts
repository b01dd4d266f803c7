import { describe, expect, it } from 'vitest';
import { prepareText } from '../../src/text/index.js';
import { findNumberAtoms } from '../../src/text/numbers/index.js';

const mentions = (s: string) => prepareText(s).numbers;
const one = (s: string) => {
  const ms = mentions(s);
  expect(ms).toHaveLength(1);
  return ms[0]!;
};
const span = (s: string, m: { start: number; end: number }) => s.slice(m.start, m.end);

describe('number mentions: values and spans', () => {
  it.each([
    ['since Feb, 308 jihadi groups have either disbanded', '308', 308, null],
    ['Wiki has listed over 4,851 "groups" alone.', 'over 4,851', 4851, null],
    ['he earns 12.5 a day', '12.5', 12.5, null],
    ['They agreed to $250 for each man', '$250', 250, null],
    ['some 80% of the regime’s effective fighters', 'some 80%', 80, null],
    ['based some 5,000 to 10,000 fighters there', 'some 5,000 to 10,000', 5000, 10000],
    ['AN with some ten thousand fighter', 'some ten thousand', 10000, null],
    ['they had two dozen trucks', 'two dozen', 24, null],
    ['a thousand men came', 'a thousand', 1000, null],
    ['it cost 2 million dollars', '2 million', 2_000_000, null],
    ['the community is 75K strong', '75K', 75_000, null],
    ['one hundred and sixty-one fighters', 'one hundred and sixty-one', 161, null],
    ['between 5 and 10 fighters', 'between 5 and 10', 5, 10],
  ])('%s → %s', (text, actual, value, high) => {
    const m = one(text);
    expect(span(text, m)).toBe(actual);
    expect(m.value).toBe(value);
    expect(m.high).toBe(high);
  });

  it('reads money, percentages and their units', () => {
    expect(one('asked for $500 per fighter').kind).toBe('money');
    expect(one('asked for $500 per fighter').unit).toBe('USD');
    expect(one('We’ll be 100 percent with you').kind).toBe('percent');
    expect(one('it was 300 dollars').kind).toBe('money');
  });

  it('reads vague sizes as ranges and marks them vague', () => {
    const m = one('their fighters are in a few hundreds');
    expect(span('their fighters are in a few hundreds', m)).toBe('a few hundreds');
    expect(m.vague).toBe(true);
    expect([m.value, m.high]).toEqual([200, 999]);
    const t = one('tens of thousands of people');
    expect([t.value, t.high, t.vague]).toEqual([20_000, 99_999, true]);
  });
});

describe('number mentions: the counted thing', () => {
  it.each([
    ['since Feb, 308 jihadi groups have either disbanded', 'jihadi groups', 'group'],
    ['The first group, 112 French, 19 Brits', 'French', 'french'],
    ['3 Bosnian’s, 17 Ukrainian’s and 108 Poles should be arriving', 'Bosnian’s', 'bosnian'],
    ['he and his 1,000 men are on the verge', 'men', 'man'],
    ['He and 1,000 other affiliated rebels threatened', 'affiliated rebels', 'rebel'],
    ['to graduate 5,000 battle-ready rebels per year', 'battle-ready rebels', 'rebel'],
    ['Wiki has listed over 4,851 "groups" alone.', 'groups', 'group'],
    ['is a member of 12 alliances forming "super groups"', 'alliances', 'alliance'],
    ['Ninety percent of the civilians in Marea had to flee', 'civilians', 'civilian'],
  ])('%s → %s (%s)', (text, phrase, head) => {
    const m = mentions(text).find((x) => x.counted)!;
    expect(m.counted!.text).toBe(phrase);
    expect(m.counted!.head).toBe(head);
  });

  it('carries the counted thing over to an elided count in the same sentence', () => {
    const ms = mentions('3,700 Syrians had volunteered in total, but of that number just 400 were approved');
    expect(ms[1]!.counted).toMatchObject({ head: 'syrian', inferred: true });
  });
});

describe('number mentions: what is not a quantity', () => {
  it.each([
    ['met him at the border 10 days ago', 'duration'],
    ['go back to 2012 when there was a government', 'year'],
    ['meet Putin in Moscow on Aug. 9.', 'date'],
    ['August 5, 2016', 'date'],
    ['UPDATE 3:13 PM: updated', 'time'],
    ['Sejry had hoped that 11th-hour bailout', 'ordinal'],
    ['the downing of an Su-24 Russian fighter jet', 'identifier'],
    ['see comment 4 above', 'label'],
    ['there is only one small pocket', 'small-count'],
    ['I said it 100 times', 'frequency'],
    ['rated it 9/10 overall', 'ratio'],
    ['(8100 / (12 * 83)) * 60 = 488', 'calculation'],
    ['I loved Blink 182 back then', 'identifier'],
    ['movies from the 80s were better', 'year'],
    ['1) first point', 'label'],
  ])('%s → %s', (text, kind) => {
    const ms = mentions(text);
    expect(ms.length).toBeGreaterThan(0);
    expect(ms[0]!.nonClaim).toBe(kind);
  });
});

describe('number reading: scanner and recogniser', () => {
  const atoms = (s: string, reader: 'hybrid' | 'scan' = 'hybrid') => findNumberAtoms(prepareText(s), reader).map((a) => [s.slice(a.start, a.end), a.value, a.via]);

  it('reads plain digits and spelled cardinals without the recogniser', () => {
    expect(atoms('308 groups and ten thousand fighters')).toEqual([
      ['308', 308, 'scan'],
      ['ten thousand', 10000, 'scan'],
    ]);
  });

  it('defers fractions and odd forms to the recogniser, only around the numeral', () => {
    expect(atoms('he scored nine point five in the first round and ten later')).toEqual([
      ['nine point five', 9.5, 'recognizer'],
      ['ten', 10, 'scan'],
    ]);
    expect(atoms('it costs 1.2b according to the report, while 300 people died')).toEqual([
      ['1.2b', 1_200_000_000, 'recognizer'],
      ['300', 300, 'scan'],
    ]);
  });

  it('reads simple spelled fractions itself', () => {
    const [frac, value, via] = atoms('about two thirds of them left')[0] as [string, number, string];
    expect([frac, via]).toEqual(['two thirds', 'scan']);
    expect(value).toBeCloseTo(2 / 3, 12);
    expect(atoms('a quarter of my income')).toEqual([['a quarter', 0.25, 'scan']]);
  });

  it('drops what it defers when the recogniser is off', () => {
    expect(atoms('it costs 1.2b today', 'scan')).toEqual([]);
  });
});
