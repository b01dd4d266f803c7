import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ThreadAnalysis } from '../../src/analyze/index.js';
import { prepareText } from '../../src/text/index.js';
import { scoreTone } from '../../src/tone/index.js';
import { seedAnalysis, seedThread } from '../helpers/seed.js';

const require = createRequire(import.meta.url);
const Sentiment = require('sentiment') as new () => { analyze(s: string): { score: number } };

describe('tone on the seed thread', () => {
  let a: ThreadAnalysis;
  beforeAll(async () => {
    a = await seedAnalysis();
  });
  const label = (n: number) => a.comments[n - 1]!.tone!.label;

  it('comment 4 (personal attack) is neither positive nor neutral, though plain AFINN rates it the most positive', () => {
    const plain = new Sentiment();
    const scores = seedThread().comments.map((c) => plain.analyze(c.text).score);
    expect(Math.max(...scores)).toBe(scores[3]); // the trap DESIGN.md describes
    expect(['negative', 'hostile']).toContain(label(4));
    expect(a.comments[3]!.tone!.score).toBeLessThan(0);
  });

  it('comment 2 (ridicule, drug insinuation) is negative or hostile', () => {
    expect(['negative', 'hostile']).toContain(label(2));
  });

  it('comments 1 and 5 (long civil analysis) are not hostile', () => {
    expect(label(1)).not.toBe('hostile');
    expect(label(5)).not.toBe('hostile');
  });

  it('explains comment 4 with the exact words', () => {
    const f = a.comments[3]!.tone!.findings.map((x) => [x.ruleId, x.actual]);
    expect(f).toContainEqual(['tone-ridicule', 'wow']);
    expect(f).toContainEqual(['tone-hostile', 'leave the drugs']);
    expect(f).toContainEqual(['tone-ridicule', 'get better info']);
  });

  it('every tone span is exactly the text it names', () => {
    const t = seedThread();
    a.comments.forEach((r, i) => {
      for (const f of r.tone!.findings) expect(t.comments[i]!.text.slice(f.span.start, f.span.end)).toBe(f.actual);
      for (const d of r.tone!.discounted) expect(t.comments[i]!.text.slice(d.span.start, d.span.end)).toBe(d.actual);
    });
  });
});

describe('tone corrections', () => {
  const tone = (s: string, ctx = {}) => scoreTone(prepareText(s), ctx);

  it('ignores topic vocabulary and says so', () => {
    const r = tone('The rebels defeated ISIS after a long war and heavy fighting.');
    expect(r.label).toBe('neutral');
    expect(r.findings).toEqual([]);
    expect(r.discounted.map((d) => d.actual)).toEqual(['rebels', 'defeated', 'war', 'fighting']);
  });

  it('half-weights negative words the article itself uses', () => {
    const withCtx = tone('They feel betrayed by everyone.', { topicTerms: new Set(['betrayed']) });
    const without = tone('They feel betrayed by everyone.');
    expect(withCtx.score).toBeGreaterThan(without.score);
    expect(withCtx.discounted[0]!.weight).toBe(0.5);
  });

  it('reads "wow" next to someone else\'s number as sarcasm but a plain "wow" as positive', () => {
    expect(tone('308 groups wow', { priorNumbers: new Set(['308']) }).score).toBeLessThan(0);
    expect(tone('Wow, great article, thank you!').label).toBe('positive');
  });

  it('scores laughter as mockery only when the comment addresses someone', () => {
    expect(tone('LOL you really believe that?').findings.map((f) => f.ruleId)).toContain('tone-ridicule');
    expect(tone('lol').findings).toEqual([]);
  });

  it('applies sentiment\'s negation and keeps the negator in the span', () => {
    const r = tone('This is not good at all.');
    expect(r.score).toBeLessThan(0);
    expect(r.findings[0]!.actual).toBe('not good');
  });

  it('does not score "like" as a preposition or words in scare quotes', () => {
    expect(tone('Like some years before, the front moved.').findings).toEqual([]);
    expect(tone('They call it "super groups" now.').label).toBe('neutral');
    expect(tone('I like this analysis.').label).toBe('positive');
  });
});
