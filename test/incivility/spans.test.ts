import { describe, expect, it } from 'vitest';
import { findingAt } from '../../src/analyze/finding-at.js';
import type { Finding } from '../../src/model/index.js';
import { modelWords } from '../../src/incivility/features.js';
import { modelSpans } from '../../src/incivility/spans.js';
import { prepareText } from '../../src/text/index.js';

/** Learned spans for `text` with the given per-word token probabilities (one per model word). */
function spans(text: string, probs: number[], t: { spanThreshold: number; spanFallback: number; spanRelative?: number }, rules: Finding[] = []) {
  const p = prepareText(text);
  const words = modelWords(p);
  expect(words).toHaveLength(probs.length);
  return modelSpans(p, { prob: 0.9, words, contributions: new Float64Array(words.length) }, Float64Array.from(probs), t, rules).map((f) => f.actual);
}

const rule = (text: string, word: string, severity: 'low' | 'medium' | 'high'): Finding => {
  const start = text.indexOf(word);
  return findingAt(text, start, start + word.length, { ruleId: 'aspersion', category: 'incivility', severity, score: 0.25, reason: 'test finding' });
};

describe('learned spans', () => {
  const text = 'what a stupid idea you absolute clown';
  //            what  a    stupid idea  you  absolute clown
  const probs = [0.05, 0.02, 0.6, 0.3, 0.1, 0.45, 0.95];

  it('marks words at or above the absolute threshold and joins neighbours across spaces', () => {
    expect(spans(text, probs, { spanThreshold: 0.4, spanFallback: 0 })).toEqual(['stupid', 'absolute clown']);
  });

  it('with a relative threshold, keeps only words close to the comment\'s strongest one', () => {
    // 0.5 × 0.95 = 0.475: "absolute" (0.45) drops out, "stupid" (0.6) stays.
    expect(spans(text, probs, { spanThreshold: 0.05, spanFallback: 0, spanRelative: 0.5 })).toEqual(['stupid', 'clown']);
    expect(spans(text, probs, { spanThreshold: 0.05, spanFallback: 0, spanRelative: 0.7 })).toEqual(['clown']);
  });

  it('a medium or high rule finding explains its word; a low one does not hide it', () => {
    expect(spans(text, probs, { spanThreshold: 0.4, spanFallback: 0 }, [rule(text, 'stupid', 'medium')])).toEqual(['absolute clown']);
    expect(spans(text, probs, { spanThreshold: 0.4, spanFallback: 0 }, [rule(text, 'stupid', 'low')])).toEqual(['stupid', 'absolute clown']);
  });

  it('falls back to the single most likely word only when nothing else explains the comment', () => {
    const low = [0.05, 0.02, 0.2, 0.1, 0.1, 0.1, 0.3];
    expect(spans(text, low, { spanThreshold: 0.4, spanFallback: 0.25 })).toEqual(['clown']);
    expect(spans(text, low, { spanThreshold: 0.4, spanFallback: 0.35 })).toEqual([]);
    expect(spans(text, low, { spanThreshold: 0.4, spanFallback: 0 }, [rule(text, 'stupid', 'high')])).toEqual([]);
  });
});

describe('learned spans shown in the product', () => {
  it('an uncivil comment shows learned words only at better-than-even odds; the Toxic Spans setting marks more', async () => {
    const { defaultEngine, DEFAULT_THRESHOLDS } = await import('../../src/incivility/index.js');
    const { scoreIncivility, SHOWN_SPAN_MIN } = await import('../../src/incivility/combine.js');
    const { EMPTY_CONTEXT } = await import('../../src/rules/index.js');
    // Seed comment 4: a drug insinuation makes it uncivil; the model's own word probabilities are low.
    const p = prepareText('308 groups wow ... so tell me wow with - 308 groups they defeated Rus,Iran,Hez, Assad, Mercs in South Aleppo.\n\nCan you explain that ...\n\nleave the drugs mn or get better info.');
    const learned = (mode: 'auto' | 'always') => scoreIncivility(defaultEngine(), p, EMPTY_CONTEXT, DEFAULT_THRESHOLDS, mode).findings.filter((f) => f.ruleId === 'learned-incivility');
    const product = scoreIncivility(defaultEngine(), p, EMPTY_CONTEXT, DEFAULT_THRESHOLDS, 'auto');
    expect(product.label).toBe('uncivil');
    for (const f of learned('auto')) expect(f.score).toBeGreaterThanOrEqual(SHOWN_SPAN_MIN);
    expect(learned('always').map((f) => f.actual)).toContain('Assad');
    expect(learned('auto').map((f) => f.actual)).not.toContain('Assad');
  });
});
