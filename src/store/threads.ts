import type { AnalysisVersion, Comment, Thread, ThreadMeta, Warning } from '../model/index.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { Db, Queryable } from './db.js';
import { ConflictError } from './errors.js';

/** A stored thread as the API needs it; `status` is derived by the caller from the job (see api/). */
export interface StoredThread {
  id: string;
  title: string | null;
  format: string;
  sourceFile: string | null;
  contentHash: string;
  commentCount: number;
  jobId: string | null;
  /** The analysis key of the latest submitted job; done when an analysis with this key is stored. */
  jobAnalysisKey: string | null;
  jobDone: boolean;
  latestVersion: number | null;
  flaggedCount: number | null;
  pendingReview: number;
  warnings: Warning[];
  createdAt: string;
  updatedAt: string;
}

/**
 * The thread's latest job is done when the sink handled that job, or an analysis with the job's key
 * exists (a worker running another analyzer version computes another key, so the job id counts too).
 */
const JOB_DONE = `(t.done_job_id = t.job_id OR EXISTS (SELECT 1 FROM analyses d WHERE d.thread_id = t.id AND d.analysis_key = t.job_analysis_key))`;

const SELECT_THREAD = `
  SELECT t.id, t.title, t.format, t.source_file, t.content_hash, t.comment_count, t.job_id, t.job_analysis_key,
         t.latest_version, t.meta->'warnings' AS warnings, t.created_at, t.updated_at, a.flagged_count,
         ${JOB_DONE} AS job_done,
         (SELECT count(*)::int FROM review_items r WHERE r.thread_id = t.id AND r.state = 'pending' AND r.flagged) AS pending_review
  FROM threads t LEFT JOIN analyses a ON a.thread_id = t.id AND a.version = t.latest_version`;

type ThreadRowDb = {
  id: string;
  title: string | null;
  format: string;
  source_file: string | null;
  content_hash: string;
  comment_count: number;
  job_id: string | null;
  job_analysis_key: string | null;
  latest_version: number | null;
  warnings: Warning[] | null;
  created_at: string;
  updated_at: string;
  flagged_count: number | null;
  job_done: boolean;
  pending_review: number;
};

const toThread = (r: ThreadRowDb): StoredThread => ({
  id: r.id,
  title: r.title,
  format: r.format,
  sourceFile: r.source_file,
  contentHash: r.content_hash,
  commentCount: r.comment_count,
  jobId: r.job_id,
  jobAnalysisKey: r.job_analysis_key,
  jobDone: r.job_done,
  latestVersion: r.latest_version,
  flaggedCount: r.flagged_count,
  pendingReview: r.pending_review,
  warnings: r.warnings ?? [],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/**
 * Insert a thread and its comments unless already stored. Comments are insert-only (a trigger refuses
 * updates), so the same id with different content is a conflict, never an overwrite.
 * Returns true when the thread is new.
 */
export async function insertThread(tx: Queryable, thread: Thread, submittedBy: string | null): Promise<boolean> {
  const m = thread.thread;
  const inserted = await tx.query(
    `INSERT INTO threads (id, format, title, source_file, content_hash, meta, comment_count, submitted_by)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [m.id, m.format, m.title, m.sourceFile, m.contentHash, JSON.stringify(m), thread.comments.length, submittedBy],
  );
  if (inserted.length === 0) {
    const [row] = await tx.query<{ content_hash: string }>('SELECT content_hash FROM threads WHERE id = $1', [m.id]);
    if (row && row.content_hash !== m.contentHash) {
      throw new ConflictError(
        'thread-conflict',
        `thread "${m.id}" is already stored with different content (content hash ${row.content_hash.slice(0, 12)}…, this one ${m.contentHash.slice(0, 12)}…); stored comments are never replaced: give the new version another thread id`,
        { threadId: m.id },
      );
    }
    return false;
  }
  await tx.query(
    `INSERT INTO comments (thread_id, id, idx, author, created_at, parent_id, status, text, data)
     SELECT $1, c->>'id', (c->>'index')::int, c->>'author', c->>'createdAt', c->>'parentId', c->>'status', c->>'text', c
     FROM jsonb_array_elements($2::jsonb) AS c
     ON CONFLICT DO NOTHING`,
    [m.id, JSON.stringify(thread.comments)],
  );
  return true;
}

export class ThreadRepo {
  constructor(private readonly db: Db) {}

  /** Store a submitted thread (idempotent for the same content) and link the articles it is checked against. */
  async saveSubmission(thread: Thread, articleIds: readonly string[], submittedBy: string | null): Promise<{ created: boolean }> {
    return this.db.transaction(async (tx) => {
      const created = await insertThread(tx, thread, submittedBy);
      if (articleIds.length) {
        await tx.query(
          `INSERT INTO thread_articles (thread_id, article_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
          [thread.thread.id, [...articleIds]],
        );
      }
      return { created };
    });
  }

  /** Record the job now responsible for the thread (a new submission or a re-analysis). */
  async setJob(threadId: string, jobId: string, analysisKey: string | null): Promise<void> {
    await this.db.query('UPDATE threads SET job_id = $2, job_analysis_key = $3, updated_at = now() WHERE id = $1', [threadId, jobId, analysisKey]);
  }

  async get(threadId: string): Promise<StoredThread | null> {
    const [row] = await this.db.query<ThreadRowDb>(`${SELECT_THREAD} WHERE t.id = $1`, [threadId]);
    return row ? toThread(row) : null;
  }

  /** Newest first, keyset-paginated. */
  async list(limit: number, cursor?: string): Promise<{ items: StoredThread[]; nextCursor: string | null }> {
    const params: unknown[] = [limit + 1];
    let where = '';
    if (cursor) {
      const [at, id] = decodeCursor('threads', cursor, ['string', 'string']);
      params.push(at, id);
      where = 'WHERE (t.created_at, t.id) < ($2::timestamptz, $3)';
    }
    const rows = await this.db.query<ThreadRowDb>(`${SELECT_THREAD} ${where} ORDER BY t.created_at DESC, t.id DESC LIMIT $1`, params);
    const items = rows.slice(0, limit).map(toThread);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor('threads', [last.createdAt, last.id]) : null };
  }

  async analyses(threadId: string): Promise<AnalysisVersion[]> {
    const rows = await this.db.query<{ version: number; analysis_key: string; analyzer_version: string; job_id: string | null; flagged_count: number; created_at: string }>(
      'SELECT version, analysis_key, analyzer_version, job_id, flagged_count, created_at FROM analyses WHERE thread_id = $1 ORDER BY version',
      [threadId],
    );
    return rows.map((r) => ({
      version: r.version,
      analysisKey: r.analysis_key,
      analyzerVersion: r.analyzer_version,
      jobId: r.job_id,
      flaggedCount: r.flagged_count,
      createdAt: r.created_at,
    }));
  }

  /** The stored report JSON text of one analysis version (default: the latest), or null. */
  async report(threadId: string, version?: number): Promise<{ version: number; json: string } | null> {
    const rows = await this.db.query<{ version: number; report: string }>(
      version === undefined
        ? 'SELECT a.version, a.report FROM threads t JOIN analyses a ON a.thread_id = t.id AND a.version = t.latest_version WHERE t.id = $1'
        : 'SELECT version, report FROM analyses WHERE thread_id = $1 AND version = $2',
      version === undefined ? [threadId] : [threadId, version],
    );
    const r = rows[0];
    return r ? { version: r.version, json: r.report } : null;
  }

  async articleIds(threadId: string): Promise<string[]> {
    const rows = await this.db.query<{ article_id: string }>('SELECT article_id FROM thread_articles WHERE thread_id = $1 ORDER BY article_id', [threadId]);
    return rows.map((r) => r.article_id);
  }

  /** The thread exactly as submitted (meta and comments), for re-analysis. */
  async load(threadId: string): Promise<Thread | null> {
    const [t] = await this.db.query<{ meta: ThreadMeta }>('SELECT meta FROM threads WHERE id = $1', [threadId]);
    if (!t) return null;
    const comments = await this.db.query<{ data: Comment }>('SELECT data FROM comments WHERE thread_id = $1 ORDER BY idx', [threadId]);
    return { thread: t.meta, comments: comments.map((c) => c.data) };
  }

  /** Threads whose latest job has not stored its analysis (to re-enqueue after a restart of the embedded queue). */
  async unfinished(): Promise<{ id: string; jobId: string }[]> {
    const rows = await this.db.query<{ id: string; job_id: string }>(
      `SELECT t.id, t.job_id FROM threads t WHERE t.job_id IS NOT NULL AND NOT ${JOB_DONE} ORDER BY t.created_at`,
    );
    return rows.map((r) => ({ id: r.id, jobId: r.job_id }));
  }
}
