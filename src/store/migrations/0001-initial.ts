import type { Migration } from './index.js';

/*
 * Threads, their comments, the article corpus, versioned analyses with their findings, the review
 * queue with its decisions (the audit trail), and API keys.
 *
 * Append-only where history matters: comments (original text), articles, analyses, findings and
 * decisions refuse UPDATE, DELETE and TRUNCATE at the database level, so no code path (ours or a
 * hand-typed SQL statement) can rewrite what a moderator saw or decided.
 */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  sql: `
CREATE FUNCTION threadlens_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'rows of % are never modified or deleted (attempted %)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'P0001';
END $$;

CREATE TABLE threads (
  id text PRIMARY KEY,
  format text NOT NULL,
  title text,
  source_file text,
  content_hash text NOT NULL,
  meta jsonb NOT NULL,
  comment_count integer NOT NULL,
  submitted_by text,
  job_id text,
  job_analysis_key text,
  -- The last job whose result the sink handled (even when it stored no new version).
  done_job_id text,
  latest_version integer,
  created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX threads_by_created ON threads (created_at DESC, id DESC);

CREATE TABLE comments (
  thread_id text NOT NULL REFERENCES threads (id),
  id text NOT NULL,
  idx integer NOT NULL,
  author text NOT NULL,
  created_at text,
  parent_id text,
  status text NOT NULL,
  text text NOT NULL,
  data jsonb NOT NULL,
  PRIMARY KEY (thread_id, id),
  UNIQUE (thread_id, idx)
);

CREATE TABLE articles (
  id text PRIMARY KEY,
  title text,
  date text,
  url text,
  source_file text,
  body text NOT NULL,
  body_sha256 text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE thread_articles (
  thread_id text NOT NULL REFERENCES threads (id),
  article_id text NOT NULL REFERENCES articles (id),
  PRIMARY KEY (thread_id, article_id)
);

CREATE TABLE analyses (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  thread_id text NOT NULL REFERENCES threads (id),
  version integer NOT NULL CHECK (version >= 1),
  analysis_key text NOT NULL,
  analyzer_version text NOT NULL,
  job_id text,
  flagged_count integer NOT NULL,
  report text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (thread_id, version),
  UNIQUE (thread_id, analysis_key)
);

CREATE TABLE findings (
  analysis_id bigint NOT NULL REFERENCES analyses (id),
  thread_id text NOT NULL,
  comment_id text NOT NULL,
  finding_id text NOT NULL,
  rule_id text NOT NULL,
  category text NOT NULL,
  severity text NOT NULL,
  score double precision NOT NULL,
  span_start integer NOT NULL,
  span_end integer NOT NULL,
  actual text NOT NULL,
  reason text NOT NULL,
  evidence jsonb,
  PRIMARY KEY (analysis_id, comment_id, finding_id),
  FOREIGN KEY (thread_id, comment_id) REFERENCES comments (thread_id, id)
);
CREATE INDEX findings_by_rule ON findings (rule_id, thread_id);

CREATE TABLE review_items (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  thread_id text NOT NULL,
  comment_id text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'removed', 'escalated', 'dismissed')),
  flagged boolean NOT NULL DEFAULT true,
  analysis_version integer NOT NULL,
  severity text NOT NULL,
  severity_rank smallint NOT NULL,
  priority double precision NOT NULL,
  rule_ids text[] NOT NULL,
  categories text[] NOT NULL,
  reasons jsonb NOT NULL,
  findings jsonb NOT NULL,
  tone jsonb,
  dismissed text[] NOT NULL DEFAULT '{}',
  decided_findings text[] NOT NULL DEFAULT '{}',
  last_decision_id bigint,
  flagged_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (thread_id, comment_id),
  FOREIGN KEY (thread_id, comment_id) REFERENCES comments (thread_id, id)
);
CREATE INDEX review_by_severity ON review_items (state, flagged, severity_rank DESC, priority DESC, id);
CREATE INDEX review_by_age ON review_items (state, flagged, flagged_at, id);
CREATE INDEX review_by_thread ON review_items (thread_id);

CREATE TABLE decisions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  item_id bigint NOT NULL REFERENCES review_items (id),
  item_version integer NOT NULL,
  action text NOT NULL CHECK (action IN ('approve', 'remove', 'escalate', 'dismiss-finding')),
  finding_id text,
  note text NOT NULL,
  key_id text NOT NULL,
  key_name text NOT NULL,
  key_role text NOT NULL,
  analysis_version integer NOT NULL,
  resulting_state text NOT NULL,
  decided_at timestamptz NOT NULL DEFAULT now(),
  -- A second line of defence behind the version check: one decision per item version, ever.
  UNIQUE (item_id, item_version)
);
CREATE INDEX decisions_by_item ON decisions (item_id, id);

CREATE TABLE api_keys (
  id text PRIMARY KEY,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'moderator', 'ingest', 'reader')),
  key_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER comments_append_only BEFORE UPDATE OR DELETE ON comments FOR EACH ROW EXECUTE FUNCTION threadlens_append_only();
CREATE TRIGGER articles_append_only BEFORE UPDATE OR DELETE ON articles FOR EACH ROW EXECUTE FUNCTION threadlens_append_only();
CREATE TRIGGER analyses_append_only BEFORE UPDATE OR DELETE ON analyses FOR EACH ROW EXECUTE FUNCTION threadlens_append_only();
CREATE TRIGGER findings_append_only BEFORE UPDATE OR DELETE ON findings FOR EACH ROW EXECUTE FUNCTION threadlens_append_only();
CREATE TRIGGER decisions_append_only BEFORE UPDATE OR DELETE ON decisions FOR EACH ROW EXECUTE FUNCTION threadlens_append_only();
CREATE TRIGGER comments_no_truncate BEFORE TRUNCATE ON comments FOR EACH STATEMENT EXECUTE FUNCTION threadlens_append_only();
CREATE TRIGGER articles_no_truncate BEFORE TRUNCATE ON articles FOR EACH STATEMENT EXECUTE FUNCTION threadlens_append_only();
CREATE TRIGGER analyses_no_truncate BEFORE TRUNCATE ON analyses FOR EACH STATEMENT EXECUTE FUNCTION threadlens_append_only();
CREATE TRIGGER findings_no_truncate BEFORE TRUNCATE ON findings FOR EACH STATEMENT EXECUTE FUNCTION threadlens_append_only();
CREATE TRIGGER decisions_no_truncate BEFORE TRUNCATE ON decisions FOR EACH STATEMENT EXECUTE FUNCTION threadlens_append_only();
`,
};
