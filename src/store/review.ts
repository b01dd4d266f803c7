import type { Actor, Decision, DecisionAction, FindingCategory, ReviewItem, ReviewItemDetail, ReviewState } from '../model/index.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { sqlState, SQLSTATE, type Db, type Queryable } from './db.js';
import { ConflictError, InvalidRequestError, NotFoundError } from './errors.js';
import { applyDecision } from './review-state.js';
import { decisionJson, ITEM_SELECT, itemFrom } from './review-sql.js';

export type ReviewSort = 'severity' | 'age' | 'newest';

export interface ReviewQuery {
  state?: ReviewState;
  threadId?: string;
  ruleId?: string;
  category?: FindingCategory;
  sort?: ReviewSort;
  limit?: number;
  cursor?: string;
}

export interface DecisionInput {
  action: DecisionAction;
  note?: string;
  findingId?: string;
  version: number;
}

type Row = Record<string, unknown>;

const SORTS: Record<ReviewSort, { order: string; key: (i: Row) => (string | number)[]; shape: ('string' | 'number')[]; after: (p: number) => string }> = {
  // Most severe first; within a severity the higher priority; ties by id so pages never overlap.
  severity: {
    order: 'ri.severity_rank DESC, ri.priority DESC, ri.id ASC',
    key: (r) => [r.severity_rank as number, r.priority as number, r.id as number],
    shape: ['number', 'number', 'number'],
    after: (p) => `(ri.severity_rank < $${p} OR (ri.severity_rank = $${p} AND (ri.priority < $${p + 1} OR (ri.priority = $${p + 1} AND ri.id > $${p + 2}))))`,
  },
  // Oldest first: what has waited longest. flagged_at is stored at millisecond precision, so the ISO string is exact.
  age: {
    order: 'ri.flagged_at ASC, ri.id ASC',
    key: (r) => [r.flagged_at as string, r.id as number],
    shape: ['string', 'number'],
    after: (p) => `(ri.flagged_at, ri.id) > ($${p}::timestamptz, $${p + 1})`,
  },
  newest: {
    order: 'ri.flagged_at DESC, ri.id DESC',
    key: (r) => [r.flagged_at as string, r.id as number],
    shape: ['string', 'number'],
    after: (p) => `(ri.flagged_at, ri.id) < ($${p}::timestamptz, $${p + 1})`,
  },
};

export class ReviewRepo {
  constructor(
    private readonly db: Db,
    private readonly changed: () => void = () => {},
  ) {}

  /** The review queue: by default pending items the latest analysis flags, most severe first. */
  async list(q: ReviewQuery = {}): Promise<{ items: ReviewItem[]; nextCursor: string | null }> {
    const page = await this.page(q);
    return { items: page.items.map((j) => JSON.parse(j) as ReviewItem), nextCursor: page.nextCursor };
  }

  /** The same page as list(), already serialised as `{"items": [...], "nextCursor": ...}`. */
  async listJson(q: ReviewQuery = {}): Promise<string> {
    const page = await this.page(q);
    return `{"items":[${page.items.join(',')}],"nextCursor":${JSON.stringify(page.nextCursor)}}`;
  }

  private async page(q: ReviewQuery): Promise<{ items: string[]; nextCursor: string | null }> {
    const sort = SORTS[q.sort ?? 'severity'];
    const limit = q.limit ?? 50;
    const params: unknown[] = [q.state ?? 'pending'];
    const where = ['ri.state = $1', 'ri.flagged'];
    const add = (sql: (p: number) => string, ...values: unknown[]) => {
      where.push(sql(params.length + 1));
      params.push(...values);
    };
    if (q.threadId !== undefined) add((p) => `ri.thread_id = $${p}`, q.threadId);
    if (q.ruleId !== undefined) add((p) => `$${p} = ANY(ri.rule_ids)`, q.ruleId);
    if (q.category !== undefined) add((p) => `$${p} = ANY(ri.categories)`, q.category);
    if (q.cursor) add(sort.after, ...decodeCursor(`review-${q.sort ?? 'severity'}`, q.cursor, sort.shape));
    params.push(limit + 1);
    // The page is chosen from review_items alone (an index scan), then joined: the plan stays cheap even
    // when table statistics are missing (PGlite runs no autovacuum / ANALYZE).
    const rows = await this.db.query<Row>(
      `WITH page AS MATERIALIZED (SELECT ri.* FROM review_items ri WHERE ${where.join(' AND ')} ORDER BY ${sort.order} LIMIT $${params.length})
       SELECT ${ITEM_SELECT} ${itemFrom('page')} ORDER BY ${sort.order}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => r.json as string),
      nextCursor: rows.length > limit && last ? encodeCursor(`review-${q.sort ?? 'severity'}`, sort.key(last)) : null,
    };
  }

  async get(itemId: string): Promise<ReviewItemDetail | null> {
    return /^\d{1,15}$/.test(itemId) ? this.fetch(this.db, Number(itemId)) : null;
  }

  /** Every review item of a thread, in brief: which comments have one and where each stands. */
  async threadItems(threadId: string): Promise<{ id: string; commentId: string; state: ReviewState; flagged: boolean }[]> {
    const rows = await this.db.query<{ id: number | string; comment_id: string; state: ReviewState; flagged: boolean }>(
      'SELECT id, comment_id, state, flagged FROM review_items WHERE thread_id = $1 ORDER BY id',
      [threadId],
    );
    return rows.map((r) => ({ id: String(r.id), commentId: r.comment_id, state: r.state, flagged: r.flagged }));
  }

  async pendingCount(): Promise<number> {
    const [r] = await this.db.query<{ n: number }>("SELECT count(*)::int AS n FROM review_items WHERE state = 'pending' AND flagged");
    return r?.n ?? 0;
  }

  /**
   * Record a decision. The caller must name the item version it saw: the row is locked, the version
   * compared, the decision appended and the version bumped in one transaction, so of two moderators
   * deciding on the same version exactly one wins and the other gets a ConflictError.
   */
  async decide(itemId: string, input: DecisionInput, actor: Actor): Promise<{ decision: Decision; item: ReviewItemDetail }> {
    const id = /^\d{1,15}$/.test(itemId) ? Number(itemId) : -1;
    try {
      return await this.db.transaction(async (tx) => {
        const [item] = await tx.query<{ version: number; state: ReviewState; dismissed: string[]; decided_findings: string[]; findings: { id: string }[]; analysis_version: number }>(
          'SELECT version, state, dismissed, decided_findings, findings, analysis_version FROM review_items WHERE id = $1 FOR UPDATE',
          [id],
        );
        if (!item) throw new NotFoundError('review-item-not-found', `no review item ${itemId}`);
        if (item.version !== input.version) throw stale(itemId, input.version, item.version);
        const ids = item.findings.map((f) => f.id);
        checkFindingId(input, ids);
        const next = applyDecision({ state: item.state, dismissed: item.dismissed, decidedFindings: item.decided_findings }, input.action, ids, input.findingId);
        const [d] = await tx.query<{ id: number }>(
          `INSERT INTO decisions (item_id, item_version, action, finding_id, note, key_id, key_name, key_role, analysis_version, resulting_state)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
          [id, item.version, input.action, input.findingId ?? null, input.note ?? '', actor.keyId, actor.name, actor.role, item.analysis_version, next.state],
        );
        await tx.query(
          `UPDATE review_items SET version = version + 1, state = $3, dismissed = $4::text[], decided_findings = $5::text[], last_decision_id = $6, updated_at = now()
           WHERE id = $1 AND version = $2`,
          [id, item.version, next.state, next.dismissed, next.decidedFindings, d!.id],
        );
        const after = (await this.fetch(tx, id))!;
        return { decision: after.lastDecision!, item: after };
      }).finally(() => this.changed());
    } catch (e) {
      // Backstop for the version check: the (item_id, item_version) unique index.
      if (sqlState(e) === SQLSTATE.uniqueViolation) throw stale(itemId, input.version, input.version + 1);
      throw e;
    }
  }

  private async fetch(q: Queryable, id: number): Promise<ReviewItemDetail | null> {
    const [row] = await q.query<{ json: string }>(`SELECT ${ITEM_SELECT} ${itemFrom('review_items')} WHERE ri.id = $1`, [id]);
    if (!row) return null;
    const history = await q.query<{ json: string }>(`SELECT ${decisionJson('h')}::text AS json FROM decisions h WHERE h.item_id = $1 ORDER BY h.id`, [id]);
    return { ...(JSON.parse(row.json) as ReviewItem), history: history.map((h) => JSON.parse(h.json) as Decision) };
  }

}

function stale(itemId: string, sent: number, current: number): ConflictError {
  return new ConflictError(
    'stale-version',
    `review item ${itemId} is at version ${current}, not ${sent}: it changed since you loaded it (another decision or a re-analysis); reload it and decide again`,
    { currentVersion: current },
  );
}

function checkFindingId(input: DecisionInput, ids: readonly string[]): void {
  if (input.action === 'dismiss-finding') {
    if (!input.findingId) throw new InvalidRequestError('finding-id-required', 'action "dismiss-finding" needs a findingId (one of the item\'s findings[].id)');
    if (!ids.includes(input.findingId)) {
      throw new InvalidRequestError('unknown-finding', `review item has no finding "${input.findingId}" (its findings: ${ids.join(', ') || 'none'})`, { findingIds: ids });
    }
  } else if (input.findingId !== undefined) {
    throw new InvalidRequestError('finding-id-not-allowed', `findingId is only used with action "dismiss-finding", not "${input.action}"`);
  }
}
