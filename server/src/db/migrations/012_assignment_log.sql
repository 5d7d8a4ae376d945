-- Assignments (R12, POST /api/licensing/assignments): who gave or took which licence type from how
-- many agents, and when. Kept apart from audit_log, which holds commits (the history and the event
-- catch-up read it as change sets; an assignment changes no count, so it is not one of them). An
-- assignment moves the account's version like a commit, and is announced without `changes`.
CREATE TABLE assignment_log (
  id bigserial PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  user_name text NOT NULL,
  idempotency_key text NOT NULL,
  action text NOT NULL CHECK (action IN ('assign', 'unassign')),
  type_id text NOT NULL,
  also_linked boolean NOT NULL,
  -- Agents that changed, and their ids; the in-use moved per type.
  agents integer NOT NULL CHECK (agents >= 0),
  agent_ids jsonb NOT NULL,
  in_use_delta jsonb NOT NULL,
  version_before bigint NOT NULL,
  version_after bigint NOT NULL
);
CREATE INDEX assignment_log_by_account ON assignment_log (account_id, at);
