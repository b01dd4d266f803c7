import type { ThreadAnalysis } from '../analyze/pipeline.js';
import {
  REPORT_SCHEMA_VERSION,
  SEVERITY_RANK,
  type Finding,
  type Participant,
  type Report,
  type ReportComment,
  type ReviewEntry,
  type Severity,
  type ToneLabel,
  type ToneTrend,
} from '../model/index.js';
import { VERSION } from '../version.js';
import { buildThreadView } from './thread-view.js';

/** A shift in mean tone between the first and second half of a thread larger than this is a trend. */
export const TREND_DELTA = 0.15;
const MIN_COMMENTS_FOR_TREND = 4;

export interface BuildReportOptions {
  /** ISO timestamp to stamp the report with; omit for a reproducible report. */
  generatedAt?: string | null;
}

/** Turn an analysis into the per-thread report (pure; the renderers only format this). */
export function buildReport(analysis: ThreadAnalysis, options: BuildReportOptions = {}): Report {
  const comments: ReportComment[] = analysis.thread.comments.map((c, i) => {
    const r = analysis.comments[i]!;
    return { ...c, tone: r.tone, incivility: r.incivility, stance: r.stance, findings: [...r.findings].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end) };
  });
  const review = rankForReview(comments);
  const flagged = new Set(review.map((r) => r.commentId));
  const live = comments.filter((c) => c.tone !== null);

  const counts: Record<ToneLabel, number> = { hostile: 0, negative: 0, neutral: 0, positive: 0 };
  for (const c of live) counts[c.tone!.label]++;
  const scores = live.map((c) => c.tone!.score);

  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generator: { name: 'threadlens', version: VERSION },
    generatedAt: options.generatedAt ?? null,
    thread: { ...analysis.thread.thread, warnings: analysis.warnings },
    articles: analysis.articles.map((a) => ({ id: a.id, title: a.title, date: a.date })),
    summary: {
      commentCount: comments.length,
      liveCount: live.length,
      declaredCommentCount: analysis.thread.thread.declaredCommentCount,
      flaggedCount: flagged.size,
      participants: participants(comments, flagged),
      tone: {
        counts,
        mean: round(mean(scores)),
        trend: trend(scores),
        timeline: live.map((c) => ({ index: c.index, score: c.tone!.score, label: c.tone!.label })),
      },
    },
    comments,
    review,
    claims: analysis.thread.comments.flatMap((c, i) =>
      (analysis.comments[i]!.claims ?? []).filter((x) => x.role !== 'not-a-claim').map((x) => ({ commentId: c.id, index: c.index, author: c.author, ...x })),
    ),
    threadView: buildThreadView(analysis),
    warnings: analysis.warnings,
  };
}

/**
 * Comments that need a moderator, most urgent first. A comment qualifies with any moderation finding,
 * or with hostile tone. Priority mixes the worst severity with the strongest finding score so a single
 * high-severity attack outranks several weak flags.
 */
export function rankForReview(comments: readonly ReportComment[]): ReviewEntry[] {
  const entries: ReviewEntry[] = [];
  for (const c of comments) {
    const flags = reviewFlags(c);
    if (flags.length === 0) continue;
    let worst: Severity = 'low';
    let best = 0;
    for (const f of flags) {
      if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[worst]) worst = f.severity;
      best = Math.max(best, f.score);
    }
    const ordered = [...flags].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || b.score - a.score);
    entries.push({
      commentId: c.id,
      index: c.index,
      author: c.author,
      priority: round(0.6 * (SEVERITY_RANK[worst] / 3) + 0.4 * best),
      severity: worst,
      ruleIds: [...new Set(ordered.map((f) => f.ruleId))],
      reasons: [...new Set(ordered.map((f) => f.reason))].slice(0, 5),
    });
  }
  return entries.sort((a, b) => b.priority - a.priority || a.index - b.index);
}

/** The findings that put a comment in front of a moderator (the review queue shows exactly these). */
export function reviewFlags(c: ReportComment): Finding[] {
  const flags: Finding[] = [...c.findings];
  if (c.tone?.label === 'hostile') flags.push(...c.tone.findings.filter((f) => f.ruleId === 'tone-hostile'));
  return flags;
}

function participants(comments: readonly ReportComment[], flagged: ReadonlySet<string>): Participant[] {
  const by = new Map<string, Participant>();
  for (const c of comments) {
    const p = by.get(c.author) ?? { author: c.author, comments: 0, flagged: 0, hostile: 0 };
    p.comments++;
    if (flagged.has(c.id)) p.flagged++;
    if (c.tone?.label === 'hostile') p.hostile++;
    by.set(c.author, p);
  }
  return [...by.values()].sort((a, b) => b.comments - a.comments || a.author.localeCompare(b.author));
}

/** Compare the mean tone of the first and second half of the thread. */
export function trend(scores: readonly number[]): ToneTrend {
  if (scores.length < MIN_COMMENTS_FOR_TREND) return 'too-short';
  const half = Math.floor(scores.length / 2);
  const delta = mean(scores.slice(scores.length - half)) - mean(scores.slice(0, half));
  if (delta <= -TREND_DELTA) return 'escalating';
  if (delta >= TREND_DELTA) return 'cooling';
  return 'steady';
}

function mean(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
