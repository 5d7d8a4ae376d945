-- The installation licence's events (applied keys, refusals, grace periods): the log file users
-- download.
CREATE TABLE license_events (
  id bigserial PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  kind text NOT NULL,
  message text NOT NULL
);
CREATE INDEX license_events_by_account ON license_events (account_id, id);
