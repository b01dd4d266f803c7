import { SEVERITY_RANK, type FindingCategory, type Report, type ReportComment, type ReviewState, type Thread } from '../model/index.js';
import type { AnalyzeJobResult, JobInfo } from '../queue/index.js';
import { reviewFlags } from '../report/index.js';
import type { Db, Queryable } from './db.js';
import { findingId, stateAfterReanalysis } from './review-state.js';
import { insertThread } from './threads.js';

export interface SavedAnalysis {
  threadId: string;
  version: number;
  /** False when this analysis key was already stored (a redelivered or repeated job). */
  created: boolean;
}

interface ItemRow {
  id: number;
  comment_id: string;
  state: ReviewState;
  flagged: boolean;
  dismissed: string[];
  decided_findings: string[];
}

/**
 * Persist a finished analysis: the report (as JSON text, served as is), its findings, and the review
 * items derived from its `review` entries. Idempotent per (thread, analysis key): a job delivered twice
 * stores one version. A new key (another analyzer version, other articles) adds a version; earlier
 * versions and every decision stay.
 */
export async function saveAnalysis(db: Db, result: AnalyzeJobResult, job: Pick<JobInfo, 'id'> | null): Promise<SavedAnalysis> {
  const report = result.report;
  const threadId = report.thread.id;
  return db.transaction(async (tx) => {
    // A job submitted outside the API (CLI, another producer) still lands: store the thread from the report.
    await insertThread(tx, threadOf(report), null);
    const [t] = await tx.query<{ latest_version: number | null }>('SELECT latest_version FROM threads WHERE id = $1 FOR UPDATE', [threadId]);
    const [existing] = await tx.query<{ version: number }>('SELECT version FROM analyses WHERE thread_id = $1 AND analysis_key = $2', [
      threadId,
      result.analysisKey,
    ]);
    if (job) await tx.query('UPDATE threads SET done_job_id = $2, updated_at = now() WHERE id = $1', [threadId, job.id]);
    if (existing) return { threadId, version: existing.version, created: false };

    const version = (t?.latest_version ?? 0) + 1;
    const [a] = await tx.query<{ id: number }>(
      `INSERT INTO analyses (thread_id, version, analysis_key, analyzer_version, job_id, flagged_count, report)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [threadId, version, result.analysisKey, report.generator.version, job?.id ?? null, report.summary.flaggedCount, JSON.stringify(report)],
    );
    const flagged = report.comments.map((c) => ({ c, flags: dedupe(reviewFlags(c)) })).filter((x) => x.flags.length > 0);
    if (flagged.length) {
      await tx.query(
        `INSERT INTO findings (analysis_id, thread_id, comment_id, finding_id, rule_id, category, severity, score, span_start, span_end, actual, reason, evidence)
         SELECT $1, $2, f->>'commentId', f->>'id', f->>'ruleId', f->>'category', f->>'severity', (f->>'score')::float8,
                (f#>>'{span,start}')::int, (f#>>'{span,end}')::int, f->>'actual', f->>'reason', f->'evidence'
         FROM jsonb_array_elements($3::jsonb) AS f ON CONFLICT DO NOTHING`,
        [a!.id, threadId, JSON.stringify(flagged.flatMap(({ c, flags }) => flags.map((f) => ({ ...f, commentId: c.id }))))],
      );
    }
    await upsertReviewItems(tx, report, version, flagged);
    await tx.query('UPDATE threads SET latest_version = $2, updated_at = now() WHERE id = $1', [threadId, version]);
    return { threadId, version, created: true };
  });
}

async function upsertReviewItems(tx: Queryable, report: Report, version: number, flagged: { c: ReportComment; flags: ReturnType<typeof dedupe> }[]): Promise<void> {
  const threadId = report.thread.id;
  const items = await tx.query<ItemRow>(
    'SELECT id, comment_id, state, flagged, dismissed, decided_findings FROM review_items WHERE thread_id = $1 FOR UPDATE',
    [threadId],
  );
  const byComment = new Map(items.map((i) => [i.comment_id, i] as const));
  const entries = new Map(report.review.map((e) => [e.commentId, e] as const));
  for (const { c, flags } of flagged) {
    const entry = entries.get(c.id);
    if (!entry) continue;
    const ids = flags.map((f) => f.id);
    const categories = [...new Set(flags.map((f) => f.category))] as FindingCategory[];
    const tone = c.tone ? JSON.stringify({ label: c.tone.label, score: c.tone.score }) : null;
    const values = [entry.severity, SEVERITY_RANK[entry.severity], entry.priority, entry.ruleIds, categories, JSON.stringify(entry.reasons), JSON.stringify(flags), tone];
    const item = byComment.get(c.id);
    if (!item) {
      await tx.query(
        `INSERT INTO review_items (thread_id, comment_id, analysis_version, severity, severity_rank, priority, rule_ids, categories, reasons, findings, tone)
         VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8::text[], $9::jsonb, $10::jsonb, $11::jsonb)`,
        [threadId, c.id, version, ...values],
      );
      continue;
    }
    const state = stateAfterReanalysis({ state: item.state, dismissed: item.dismissed, decidedFindings: item.decided_findings }, ids);
    await tx.query(
      `UPDATE review_items SET version = version + 1, state = $3, flagged = true, analysis_version = $4, severity = $5, severity_rank = $6,
         priority = $7, rule_ids = $8::text[], categories = $9::text[], reasons = $10::jsonb, findings = $11::jsonb, tone = $12::jsonb, updated_at = now()
       WHERE id = $1 AND thread_id = $2`,
      [item.id, threadId, state, version, ...values],
    );
  }
  // Items the new analysis no longer flags stay, with their history, out of the pending queue.
  const still = new Set(flagged.map((x) => x.c.id));
  for (const item of items) {
    if (still.has(item.comment_id) || !item.flagged) continue;
    await tx.query('UPDATE review_items SET version = version + 1, flagged = false, analysis_version = $2, updated_at = now() WHERE id = $1', [item.id, version]);
  }
}

/** One entry per finding id (a rule reporting the same span twice is one thing to review). */
function dedupe(flags: ReturnType<typeof reviewFlags>) {
  const seen = new Map<string, (typeof flags)[number] & { id: string }>();
  for (const f of flags) {
    const id = findingId(f);
    if (!seen.has(id)) seen.set(id, { id, ...f });
  }
  return [...seen.values()];
}

function threadOf(report: Report): Thread {
  return {
    thread: report.thread,
    comments: report.comments.map(({ tone: _tone, findings: _findings, ...comment }) => comment),
  };
}
