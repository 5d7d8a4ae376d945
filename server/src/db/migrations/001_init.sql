-- The licensing data of each account, its users, idempotency keys and audit log.
-- Runs on PostgreSQL 15 (Debian 12) and PGlite (PostgreSQL 17).

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE accounts (
  id text PRIMARY KEY,
  version bigint NOT NULL DEFAULT 1,
  -- The current billing month, first and last day; months are UTC unless time_zone says otherwise.
  period_start date NOT NULL,
  period_end date NOT NULL,
  time_zone text NOT NULL DEFAULT 'UTC'
);

CREATE TABLE catalog (
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  id text NOT NULL,
  position integer NOT NULL,
  name text NOT NULL,
  description text,
  unit_amount bigint NOT NULL,
  currency char(3) NOT NULL,
  requires text,
  max_count bigint,
  PRIMARY KEY (account_id, id)
);

CREATE TABLE licence_lines (
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  type_id text NOT NULL,
  position integer NOT NULL,
  count bigint NOT NULL CHECK (count >= 0),
  in_use bigint NOT NULL CHECK (in_use >= 0),
  peak bigint NOT NULL CHECK (peak >= 0),
  PRIMARY KEY (account_id, type_id)
);

CREATE TABLE retention (
  account_id text PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  type_id text NOT NULL,
  days integer,
  months integer,
  max_months integer,
  CHECK ((days IS NULL) <> (months IS NULL))
);

CREATE TABLE speech_to_text (
  account_id text PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  enabled boolean NOT NULL,
  base_minutes bigint NOT NULL,
  limit_over_base bigint,
  used_minutes bigint NOT NULL,
  minute_amount bigint NOT NULL,
  currency char(3) NOT NULL
);

CREATE TABLE power_pack (
  account_id text PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  enabled boolean NOT NULL,
  pack_amount bigint NOT NULL,
  currency char(3) NOT NULL
);

CREATE TABLE power_pack_services (
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  id text NOT NULL,
  position integer NOT NULL,
  name text NOT NULL,
  monthly_limit bigint,
  used bigint NOT NULL,
  PRIMARY KEY (account_id, id)
);

CREATE TABLE prerequisites (
  account_id text PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  email_queues bigint NOT NULL,
  call_queues_with_ai_topics bigint NOT NULL,
  ai_qa_forms bigint NOT NULL
);

CREATE TABLE installation_licenses (
  account_id text PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  licence jsonb NOT NULL
);

-- Agents and the licence types they hold. `search` is name and email in lower case without
-- accents, so a folded query matches "Nováková" with "novakova"; the trigram index serves LIKE.
CREATE TABLE agents (
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  id text NOT NULL,
  name text NOT NULL,
  email text,
  licences text[] NOT NULL,
  search text NOT NULL,
  PRIMARY KEY (account_id, id)
);
CREATE INDEX agents_by_name ON agents (account_id, name COLLATE "C", id COLLATE "C");
CREATE INDEX agents_by_licence ON agents USING gin (licences);
CREATE INDEX agents_by_text ON agents USING gin (search gin_trgm_ops);

-- Only a hash (SHA-256, hex) of each bearer token is stored.
CREATE TABLE users (
  token_hash text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  name text NOT NULL,
  permission text NOT NULL CHECK (permission IN ('none', 'view', 'update'))
);
CREATE INDEX users_by_account ON users (account_id);

CREATE TABLE idempotency_keys (
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  key text NOT NULL,
  request_hash text NOT NULL,
  status integer NOT NULL,
  response jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, key)
);

-- Every accepted commit: who, when, the key, the change, the snapshot before and after, the quote.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  user_name text NOT NULL,
  idempotency_key text NOT NULL,
  changes jsonb NOT NULL,
  before jsonb NOT NULL,
  after jsonb NOT NULL,
  quote jsonb NOT NULL
);
CREATE INDEX audit_log_by_account ON audit_log (account_id, at);
