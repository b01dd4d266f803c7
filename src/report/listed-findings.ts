import type { Finding, ReportComment } from '../model/index.js';

/** Tone-lexicon words weaker than this are colour, not something a moderator needs listed. */
const MIN_LISTED_TONE_WORD = 0.4;

/**
 * The findings a renderer lists under one comment: every moderation finding, then the tone findings
 * that add something. A tone finding inside the span of a moderation finding ("LOL" as tone-ridicule
 * and as mockery) says the same thing twice, so only the moderation finding is listed; the tone
 * findings stay in the JSON report and in the HTML highlights.
 */
export function listedFindings(c: ReportComment): Finding[] {
  const moderation = c.findings;
  const tone = (c.tone?.findings ?? []).filter(
    (t) =>
      (t.ruleId !== 'tone-lexicon' || t.score >= MIN_LISTED_TONE_WORD) &&
      !moderation.some((m) => m.span.start <= t.span.start && t.span.end <= m.span.end),
  );
  return [...moderation, ...tone];
}
