import { describe, expect, it } from 'vitest';
import { spanGroups, worstSeverity } from '../../src/ui/shared/spans.js';

const f = (start: number, end: number, id = `${start}-${end}`) => ({ id, span: { start, end } });
const texts = (text: string, groups: ReturnType<typeof spanGroups>) => groups.map((g) => [text.slice(g.start, g.end), g.findings.length]);

describe('spanGroups', () => {
  it('merges overlapping spans into one mark that lists every finding', () => {
    const text = 'Can you explain that ... leave the drugs mn or get better info.';
    const whole = f(25, 62, 'drug-insinuation');
    const inner = f(47, 62, 'dismissive-imperative');
    const g = spanGroups(text, [inner, whole]);
    expect(texts(text, g)).toEqual([
      ['Can you explain that ... ', 0],
      ['leave the drugs mn or get better info', 2],
      ['.', 0],
    ]);
    expect(g[1]!.findings.map((x) => x.id)).toEqual(['drug-insinuation', 'dismissive-imperative']);
  });

  it('chains partial overlaps and keeps touching or separate spans apart', () => {
    const text = 'abcdefghij';
    expect(texts(text, spanGroups(text, [f(0, 3), f(2, 5), f(4, 6)]))).toEqual([
      ['abcdef', 3],
      ['ghij', 0],
    ]);
    expect(texts(text, spanGroups(text, [f(0, 2), f(2, 4), f(6, 10)]))).toEqual([
      ['ab', 1],
      ['cd', 1],
      ['ef', 0],
      ['ghij', 1],
    ]);
  });

  it('covers the text exactly, in order, and clamps or drops spans outside it', () => {
    const text = 'short';
    const g = spanGroups(text, [f(3, 99), f(7, 9), f(2, 2)]);
    expect(texts(text, g)).toEqual([
      ['sho', 0],
      ['rt', 1],
    ]);
    expect(g.map((x) => x.start)).toEqual([0, 3]);
    expect(g[g.length - 1]!.end).toBe(text.length);
    expect(texts('plain', spanGroups('plain', []))).toEqual([['plain', 0]]);
    expect(spanGroups('', [])).toEqual([{ start: 0, end: 0, findings: [] }]);
  });

  it('colours a mark by its most severe finding', () => {
    expect(worstSeverity([{ severity: 'low' }, { severity: 'high' }, { severity: 'medium' }])).toBe('high');
    expect(worstSeverity([{ severity: 'low' }, { severity: 'medium' }])).toBe('medium');
    expect(worstSeverity([])).toBe('low');
  });
});
