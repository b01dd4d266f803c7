import { describe, expect, it } from 'vitest';
import { EMPTY_CONTEXT, type Rule, type RuleContext } from '../../src/rules/index.js';
import { prepareText } from '../../src/text/index.js';

export interface Flagged {
  text: string;
  /** Exact spans expected, as the spanned text and the severity (in order of position). */
  spans: [actual: string, severity: 'low' | 'medium' | 'high'][];
  ctx?: Partial<RuleContext>;
}
export interface NotFlagged {
  text: string;
  ctx?: Partial<RuleContext>;
}

/** ESLint RuleTester, vitest style: a table of flagged cases with exact spans and one of clean cases. */
export function ruleTester(rule: Rule, cases: { flagged: Flagged[]; notFlagged: NotFlagged[] }): void {
  const check = rule.create(rule.meta.defaultOptions);
  const run = (text: string, ctx?: Partial<RuleContext>) => check(prepareText(text), { ...EMPTY_CONTEXT, ...ctx });
  describe(`rule ${rule.meta.id}`, () => {
    it.each(cases.flagged)('flags: $text', ({ text, spans, ctx }) => {
      const found = run(text, ctx);
      expect(found.map((f) => [f.actual, f.severity])).toEqual(spans);
      for (const f of found) {
        expect(f.ruleId).toBe(rule.meta.id);
        expect(f.category).toBe('incivility');
        expect(text.slice(f.span.start, f.span.end)).toBe(f.actual);
        expect(f.reason.length).toBeGreaterThan(10);
      }
    });
    it.each(cases.notFlagged)('does not flag: $text', ({ text, ctx }) => {
      expect(run(text, ctx)).toEqual([]);
    });
    it('has a doc page and metadata', async () => {
      const { existsSync } = await import('node:fs');
      expect(rule.meta.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.meta.docs).toBe(`docs/rules/${rule.meta.id}.md`);
      expect(existsSync(rule.meta.docs)).toBe(true);
    });
  });
}

export const REPLY: Partial<RuleContext> = { isReply: true };
