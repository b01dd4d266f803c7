/*
 * The review item and decision JSON, built by the database (json_build_object) rather than from rows
 * in JavaScript: a page of 50 items with comment texts and findings comes back as 50 strings, so the
 * driver parses no jsonb or arrays and the API can send the page without re-serialising it (the
 * embedded PGlite in particular spends most of a page's time turning columns into JS values). The
 * shape is the ReviewItem / Decision schema of src/model/review.ts; the API tests check responses
 * against that schema.
 */

/** ISO 8601 in UTC with milliseconds, as the rest of the API writes timestamps. */
const iso = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export function decisionJson(a: string): string {
  return `json_build_object(
    'id', ${a}.id::text, 'itemId', ${a}.item_id::text, 'itemVersion', ${a}.item_version, 'action', ${a}.action,
    'findingId', ${a}.finding_id, 'note', ${a}.note,
    'decidedBy', json_build_object('keyId', ${a}.key_id, 'name', ${a}.key_name, 'role', ${a}.key_role),
    'decidedAt', ${iso(`${a}.decided_at`)}, 'analysisVersion', ${a}.analysis_version, 'resultingState', ${a}.resulting_state)`;
}

const context = (a: string) =>
  `CASE WHEN ${a}.id IS NULL THEN NULL ELSE json_build_object('id', ${a}.id, 'index', ${a}.idx, 'author', ${a}.author, 'text', ${a}.text) END`;

/** One review item as JSON text (alias ri = review_items or a page of it); plus the sort-key columns. */
export const ITEM_SELECT = `
  json_build_object(
    'id', ri.id::text, 'version', ri.version, 'state', ri.state, 'flagged', ri.flagged,
    'threadId', ri.thread_id, 'threadTitle', t.title,
    'comment', json_build_object('id', c.id, 'index', c.idx, 'author', c.author, 'createdAt', c.created_at,
                                 'parentId', c.parent_id, 'status', c.status, 'text', c.text),
    'parent', ${context('p')},
    'previous', ${context('pv')},
    'severity', ri.severity, 'priority', ri.priority, 'ruleIds', to_json(ri.rule_ids), 'categories', to_json(ri.categories),
    'reasons', ri.reasons,
    'findings', (SELECT coalesce(json_agg(f || jsonb_build_object('dismissed', (f->>'id') = ANY (ri.dismissed)) ORDER BY n), '[]'::json)
                 FROM jsonb_array_elements(ri.findings) WITH ORDINALITY AS x (f, n)),
    'tone', ri.tone, 'analysisVersion', ri.analysis_version,
    'flaggedAt', ${iso('ri.flagged_at')}, 'updatedAt', ${iso('ri.updated_at')},
    'lastDecision', CASE WHEN d.id IS NULL THEN NULL ELSE ${decisionJson('d')} END
  )::text AS json,
  ri.id, ri.severity_rank, ri.priority, ${iso('ri.flagged_at')} AS flagged_at`;

export const itemFrom = (source: string) => `
  FROM ${source} ri
  JOIN threads t ON t.id = ri.thread_id
  JOIN comments c ON c.thread_id = ri.thread_id AND c.id = ri.comment_id
  LEFT JOIN comments p ON p.thread_id = c.thread_id AND p.id = c.parent_id
  LEFT JOIN comments pv ON pv.thread_id = c.thread_id AND pv.idx = c.idx - 1
  LEFT JOIN decisions d ON d.id = ri.last_decision_id`;
