-- The catch-up of a resuming event stream (db/notify.ts, `catchUp`) reads an account's audit rows
-- after one version up to another. It compared `after ->> 'version'` cut and cast in WHERE (a
-- regex guarding a cast, in an order PostgreSQL does not promise) and no index served the range.
-- The version's number is now a column of its own, worked out once per row (old rows included:
-- a stored generated column is computed for every existing row), with an index for the range.
ALTER TABLE audit_log
  ADD COLUMN version_number bigint GENERATED ALWAYS AS (
    CASE WHEN after ->> 'version' ~ '^v[0-9]{1,15}$' THEN substr(after ->> 'version', 2)::bigint END
  ) STORED;

CREATE INDEX audit_log_by_version_number ON audit_log (account_id, version_number);
