import type { Migration } from './index.js';

/*
 * Tell every process using the database that what the review queue or a report shows may have
 * changed, so their response caches can be dropped at once (see api/cache.ts). Statement-level:
 * one notification per statement, not per row; Postgres delivers it after the commit, and folds
 * identical notifications within a transaction into one.
 */
export const changeNotify: Migration = {
  version: 2,
  name: 'change-notify',
  sql: `
CREATE FUNCTION threadlens_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('threadlens_changes', TG_TABLE_NAME);
  RETURN NULL;
END $$;

CREATE TRIGGER analyses_notify AFTER INSERT ON analyses FOR EACH STATEMENT EXECUTE FUNCTION threadlens_notify_change();
CREATE TRIGGER review_items_notify AFTER INSERT OR UPDATE ON review_items FOR EACH STATEMENT EXECUTE FUNCTION threadlens_notify_change();
CREATE TRIGGER decisions_notify AFTER INSERT ON decisions FOR EACH STATEMENT EXECUTE FUNCTION threadlens_notify_change();
`,
};
