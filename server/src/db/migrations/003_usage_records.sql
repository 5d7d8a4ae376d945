-- Use reported by the host's services: Speech-to-Text minutes and Power Packs per service. `id` is
-- the record's idempotency key; the month's counters in speech_to_text and power_pack_services
-- move with each new record.
CREATE TABLE usage_records (
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  id text NOT NULL,
  service text NOT NULL,
  quantity bigint NOT NULL CHECK (quantity >= 0),
  received_at timestamptz NOT NULL,
  period_start date NOT NULL,
  PRIMARY KEY (account_id, id)
);
