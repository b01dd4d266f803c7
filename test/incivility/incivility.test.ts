import { beforeAll, describe, expect, it } from 'vitest';
import type { ThreadAnalysis } from '../../src/analyze/index.js';
import { analyzeSingle } from '../../src/analyze/index.js';
import { combine, DEFAULT_THRESHOLDS, defaultEngine, scoreIncivility } from '../../src/incivility/index.js';
import { EMPTY_CONTEXT } from '../../src/rules/index.js';
import { IDENTITY_TERMS } from '../../src/rules/lexicons.js';
import { prepareText } from '../../src/text/index.js';
import { seedAnalysis, seedThread } from '../helpers/seed.js';

const score = (text: string, ctx = EMPTY_CONTEXT) => scoreIncivility(defaultEngine(), prepareText(text), ctx, DEFAULT_THRESHOLDS);

describe('incivility on the seed thread', () => {
  let a: ThreadAnalysis;
  beforeAll(async () => {
    a = await seedAnalysis();
  });
  const inc = (n: number) => a.comments[n - 1]!.incivility!;

  it('labels comments 2 and 4 uncivil and 1, 3, 5, 7 civil', () => {
    expect([2, 4].map((n) => inc(n).label)).toEqual(['uncivil', 'uncivil']);
    expect([1, 3, 5, 7].map((n) => inc(n).label)).toEqual(['civil', 'civil', 'civil', 'civil']);
  });

  it('spans "What are you smoking" in comment 2 and "leave the drugs mn or get better info" in comment 4', () => {
    expect(inc(2).findings.map((f) => f.actual)).toContain('What are you smoking');
    const four = inc(4).findings.find((f) => f.actual === 'leave the drugs mn or get better info');
    expect(four).toMatchObject({ ruleId: 'drug-insinuation', severity: 'high', category: 'incivility' });
    const text = seedThread().comments[3]!.text;
    expect(text.slice(four!.span.start, four!.span.end)).toBe('leave the drugs mn or get better info');
  });

  it('gives comment 6 a low sweeping-generalisation finding', () => {
    const f = inc(6).findings.filter((x) => x.ruleId === 'group-generalisation');
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('low');
    expect(f[0]!.actual).toMatch(/^they only have on place to retreat to, Europe\.\s+Get ready to meet your new neighbors/);
  });

  it('puts the incivility findings into the comment findings, so review ranking picks them up', () => {
    expect(a.comments[3]!.findings).toEqual(inc(4).findings);
    expect(a.comments[0]!.findings).toEqual([]);
  });
});

describe('second person vs third party', () => {
  it.each([
    ['You are an idiot.', 'The senator is an idiot.'],
    ['you liar', 'The minister is a liar.'],
    ['Your drivel again.', 'The speech was drivel.'],
  ])('"%s" scores higher than "%s"', (atParticipant, atThirdParty) => {
    const p = score(atParticipant);
    const t = score(atThirdParty);
    expect(p.score).toBeGreaterThan(t.score);
    expect(p.label).toBe('uncivil');
  });

  it('an insult addressed with "mn" or a participant name is aimed at the participant', () => {
    const ctx = { ...EMPTY_CONTEXT, participants: new Set(['jay']), isReply: true };
    expect(score('idiot mn', ctx).findings[0]!.severity).toBe('high');
    expect(score('Jay is a clown', ctx).findings[0]!.severity).toBe('high');
  });
});

describe('identity terms never raise the score', () => {
  const neutral = [
    'I am a Muslim and I live in Ohio.',
    'The Kurdish forces advanced on Manbij last week.',
    'My brother is gay and works as a nurse.',
    'The Jewish community centre opens at nine.',
    'An immigrant family opened the bakery on Main Street.',
    'Many Muslims and Christians attended the vigil together.',
    'Gay and lesbian couples can marry here since 2015.',
    'Refugees from Syria arrived in Germany in 2015.',
    'She is a black woman who teaches history.',
    'The Arab League met in Cairo.',
  ];
  it.each(neutral)('"%s" is civil, and scores as if the identity words were absent', (s) => {
    const r = score(s);
    expect(r.label).toBe('civil');
    expect(r.findings).toEqual([]);
    // The model never sees identity terms: deleting them leaves the learned score exactly as it was.
    const without = s.split(' ').filter((w) => !IDENTITY_TERMS.has(w.toLowerCase().replace(/[.,]/g, ''))).join(' ');
    expect(without).not.toBe(s);
    const engine = defaultEngine();
    expect(engine.scorer.scoreComment(prepareText(s)).prob).toBe(engine.scorer.scoreComment(prepareText(without)).prob);
  });
});

describe('combining', () => {
  it('is a noisy-OR in which each rule counts once', () => {
    const f = (ruleId: string, score: number) => ({ ruleId, score }) as Parameters<typeof combine>[1][number];
    expect(combine(0.2, [])).toBeCloseTo(0.2);
    expect(combine(0.2, [f('a', 0.5)])).toBeCloseTo(0.6);
    expect(combine(0.2, [f('a', 0.5), f('a', 0.5)])).toBeCloseTo(0.6);
    expect(combine(0.2, [f('a', 0.5), f('b', 0.5)])).toBeCloseTo(0.8);
  });

  it('the threshold is an option: a stricter one makes the same comment civil', () => {
    const text = 'You are an idiot.';
    expect(analyzeSingle({ id: 1, text }).incivility.label).toBe('uncivil');
    expect(analyzeSingle({ id: 1, text }, { incivilityThreshold: 1 }).incivility.label).toBe('civil');
    expect(analyzeSingle({ id: 1, text }, { incivilityThreshold: 0 }).incivility.label).toBe('uncivil');
    expect(() => analyzeSingle({ id: 1, text }, { incivilityThreshold: 2 })).toThrow(/incivilityThreshold/);
  });

  it('an uncivil comment the rules miss still gets words from the learned model', () => {
    const r = score('what a pathetic excuse for a human being, crawl back under your rock');
    expect(r.label).toBe('uncivil');
    expect(r.findings.length).toBeGreaterThan(0);
    for (const f of r.findings) expect(r.findings.length && f.reason.length).toBeGreaterThan(10);
  });
});
