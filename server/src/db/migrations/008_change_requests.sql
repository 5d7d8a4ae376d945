-- Change requests (R1): a `view` user's change and note, kept pending until an `update` user
-- saves it through the cart (approved) or declines it with a reason. `before` holds the values the
-- change touched when it was sent, so a later review shows what changed underneath.
CREATE TABLE change_requests (
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  id text NOT NULL,
  seq bigserial,
  idempotency_key text NOT NULL,
  request_hash text NOT NULL,
  requested_by text NOT NULL,
  requested_at timestamptz NOT NULL,
  changes jsonb NOT NULL,
  before jsonb NOT NULL,
  note text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'approved', 'declined')),
  decided_by text,
  decided_at timestamptz,
  reason text,
  PRIMARY KEY (account_id, id),
  UNIQUE (account_id, idempotency_key)
);
CREATE INDEX change_requests_by_account ON change_requests (account_id, seq);

-- Who sent, declined or approved which request, when: one row per action.
CREATE TABLE change_request_audit (
  id bigserial PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  request_id text NOT NULL,
  at timestamptz NOT NULL,
  user_name text NOT NULL,
  action text NOT NULL CHECK (action IN ('sent', 'approved', 'declined')),
  detail jsonb NOT NULL
);
CREATE INDEX change_request_audit_by_account ON change_request_audit (account_id, at);
