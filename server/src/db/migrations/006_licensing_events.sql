-- Live updates across processes (GET /api/licensing/events): every change of an account's version
-- is announced on the channel `licensing_events` with PostgreSQL's NOTIFY, so every server process
-- on this database tells its open streams, whichever process accepted the change.
--
-- A deferred constraint trigger runs at COMMIT: a rolled-back change announces nothing, and by
-- then the commit's audit row exists, so the notice carries what changed (`changes`, the audit
-- row's ChangeSet). A version that moved without a commit (a new billing month, the demo
-- controls) is announced without `changes`. NOTIFY payloads stop at 8000 bytes: a bigger one is
-- sent as `large` and the listener reads the changes from audit_log itself.

CREATE INDEX audit_log_by_version ON audit_log (account_id, (after ->> 'version'));

CREATE FUNCTION notify_licensing_event() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  label text := 'v' || NEW.version;
  changed jsonb;
  payload text;
BEGIN
  SELECT changes INTO changed FROM audit_log
   WHERE account_id = NEW.id AND after ->> 'version' = label
   ORDER BY id DESC LIMIT 1;
  payload := json_build_object('account', NEW.id, 'version', label, 'changes', changed)::text;
  IF octet_length(payload) > 7900 THEN
    payload := json_build_object('account', NEW.id, 'version', label, 'large', true)::text;
  END IF;
  PERFORM pg_notify('licensing_events', payload);
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER accounts_version_notify
  AFTER UPDATE OF version ON accounts
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW
  WHEN (NEW.version IS DISTINCT FROM OLD.version)
  EXECUTE FUNCTION notify_licensing_event();
