import { describe, expect, it } from 'vitest';
import { analyzeSingle } from '../../src/analyze/index.js';

const score = (text: string, parent?: string) => analyzeSingle({ id: 't', text, ...(parent ? { parent_text: parent } : {}) });
const roleOf = (text: string, parent?: string) => score(text, parent).claims.map((c) => [c.actual, c.role]);

describe('roles', () => {
  it.each([
    ['Since Feb, 308 jihadi groups have disbanded.', '308 jihadi groups', 'assertion'],
    ['Are there really 308 groups?', '308 groups', 'question'],
    ['They have about 500 fighters.', 'about 500 fighters', 'hedged'],
    ['I think 500 fighters left.', '500 fighters', 'hedged'],
    ['brigades of 40 fighters each', '40 fighters', 'illustrative'],
    ['If 500 fighters defected, the front would collapse.', '500 fighters', 'illustrative'],
    ['hundreds of fighters switched sides', 'hundreds of fighters', 'hedged'],
    ['He met them 10 days ago.', '10 days', 'not-a-claim'],
    ['It was on Aug. 9 in Moscow.', '9', 'not-a-claim'],
    ['Back in 2012 it was different.', '2012', 'not-a-claim'],
  ])('%s → %s is %s', (text, actual, role) => {
    expect(roleOf(text)).toContainEqual([actual, role]);
  });

  it('an echo needs an earlier assertion of the same figure and thing', () => {
    expect(roleOf('308 groups wow', 'Since Feb, 308 jihadi groups have disbanded.')).toEqual([['308 groups', 'echo']]);
    expect(roleOf('308 tanks were destroyed', 'Since Feb, 308 jihadi groups have disbanded.')).toEqual([['308 tanks', 'assertion']]);
    expect(roleOf('I have 5 groups', 'There are 5 groups.')).toEqual([['5 groups', 'assertion']]); // too small to be a quote of someone's figure
  });
});

describe('unsupported-numeric-claim', () => {
  const flags = (text: string) => score(text).findings.filter((f) => f.ruleId === 'unsupported-numeric-claim').map((f) => [f.span.start, f.span.end, f.actual, f.severity]);

  it.each([
    ['Since Feb, 308 jihadi groups have disbanded.', [[11, 28, '308 jihadi groups', 'high']]],
    ['The first group, 112 French should arrive.', [[17, 27, '112 French', 'high']]],
    ['There are 500 fighters there.', [[10, 22, '500 fighters', 'medium']]],
    ['Nusra is an alliance of 5 major groups.', [[24, 38, '5 major groups', 'medium']]],
    ['Wiki has listed over 4,851 "groups" alone.', [[16, 35, 'over 4,851 "groups"', 'medium']]],
  ])('flags %s', (text, expected) => {
    expect(flags(text)).toEqual(expected);
  });

  it.each([
    ['They have about 500 fighters.'],
    ['their fighters are in a few hundreds'],
    ['He met them 10 days ago.'],
    ['I paid $100 for it.'],
    ['at 10 it is still strong'],
    ['The Pentagon said 3,700 Syrians volunteered.'],
    ['308 groups, see https://example.org/list'],
    ['Are there really 308 groups?'],
  ])('does not flag %s', (text) => {
    expect(flags(text)).toEqual([]);
  });

  it('says when there was nothing to check against', () => {
    expect(score('There are 500 fighters there.').findings[0]!.reason).toContain('no articles were given to check it against');
  });
});
