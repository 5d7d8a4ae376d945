-- The usage overview at any size: totals and per-type counts kept up to date instead of counted per
-- request, and an order-statistics summary so that any offset is found without walking the rows
-- before it (docs/architecture.md, "Usage pages at scale").
--
-- Each account's agents, in page order (name, then id, byte order), are cut into buckets of about
-- √N agents; agent_buckets holds where each bucket starts (bucket 0 starts at ('', ''), before
-- every key). agent_counts holds, per bucket, how many agents it has ('' type) and how many hold
-- each licence type; agent_totals holds the sums. Triggers on agents keep both in the same
-- transaction as any insert, delete or change of licences, so they are exact whenever read. Page
-- N of a filter: add up the bucket counts (about √N small rows) to find the bucket holding row N
-- and how many matches precede it, then walk the name index from that bucket's start, skipping
-- fewer than one bucket's rows.

CREATE TABLE agent_buckets (
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  bucket integer NOT NULL,
  name text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  PRIMARY KEY (account_id, bucket)
);
CREATE INDEX agent_buckets_by_key ON agent_buckets (account_id, name, id);

-- type_id '' counts every agent.
CREATE TABLE agent_counts (
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  type_id text NOT NULL,
  bucket integer NOT NULL,
  n bigint NOT NULL,
  PRIMARY KEY (account_id, type_id, bucket)
);

CREATE TABLE agent_totals (
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  type_id text NOT NULL,
  n bigint NOT NULL,
  PRIMARY KEY (account_id, type_id)
);

-- A version of each account's agents, moved on (from one sequence, so a version is never reused,
-- even by an account seeded again) by every change the triggers see and by every rebuild: a server
-- may keep a search's matches while the version it read them at is still the account's.
CREATE SEQUENCE agent_version_seq;
CREATE TABLE agent_versions (
  account_id text PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  version bigint NOT NULL
);

-- Pages are found through the counts now; the index on licences only served the recount.
DROP INDEX IF EXISTS agents_by_licence;

-- The bucket an agent's key falls in (0 when the account has no buckets yet).
CREATE FUNCTION agent_bucket(p_account text, p_name text, p_id text) RETURNS integer
LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT b.bucket FROM agent_buckets b
      WHERE b.account_id = p_account
        AND (b.name, b.id) <= (p_name COLLATE "C", p_id COLLATE "C")
      ORDER BY b.name DESC, b.id DESC LIMIT 1),
    0)
$$;

-- Cuts the account's agents into buckets again and counts them from scratch (after a bulk seed,
-- or when inserts have made a bucket much larger than the rest).
CREATE FUNCTION rebuild_agent_index(p_account text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  size bigint;
BEGIN
  -- The version row first, locked until the transaction ends (see apply_agent_deltas).
  INSERT INTO agent_versions (account_id, version) VALUES (p_account, nextval('agent_version_seq'))
    ON CONFLICT (account_id) DO UPDATE SET version = EXCLUDED.version;
  DELETE FROM agent_buckets WHERE account_id = p_account;
  DELETE FROM agent_counts WHERE account_id = p_account;
  DELETE FROM agent_totals WHERE account_id = p_account;
  SELECT greatest(100, ceil(sqrt(count(*))))::bigint INTO size FROM agents WHERE account_id = p_account;
  INSERT INTO agent_buckets (account_id, bucket, name, id)
    SELECT p_account, (r.rn / size)::integer, r.name, r.id
      FROM (SELECT row_number() OVER (ORDER BY a.name COLLATE "C", a.id COLLATE "C") - 1 AS rn, a.name, a.id
              FROM agents a WHERE a.account_id = p_account) AS r
     WHERE r.rn % size = 0 AND r.rn > 0;
  INSERT INTO agent_buckets (account_id, bucket, name, id) VALUES (p_account, 0, '', '');
  INSERT INTO agent_counts (account_id, type_id, bucket, n)
    SELECT p_account, t.type_id, (r.rn / size)::integer, count(*)
      FROM (SELECT row_number() OVER (ORDER BY a.name COLLATE "C", a.id COLLATE "C") - 1 AS rn, a.licences
              FROM agents a WHERE a.account_id = p_account) AS r
      CROSS JOIN LATERAL unnest(ARRAY[''] || ARRAY(SELECT DISTINCT unnest(r.licences))) AS t (type_id)
     GROUP BY 2, 3;
  INSERT INTO agent_totals (account_id, type_id, n)
    SELECT p_account, type_id, sum(n) FROM agent_counts WHERE account_id = p_account GROUP BY type_id;
  INSERT INTO agent_totals (account_id, type_id, n) VALUES (p_account, '', 0) ON CONFLICT DO NOTHING;
END
$$;

CREATE TYPE agent_delta AS (account_id text, name text, id text, licences text[], sign integer);

-- Adds +1 (inserted or new version) or -1 (deleted or old version) per agent to its bucket's and
-- its account's counts, and moves the account's agents version on.
CREATE FUNCTION apply_agent_deltas(deltas agent_delta[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  grown text[];
  account text;
BEGIN
  -- First the accounts' version rows: moving them on also locks them, so every change of one
  -- account's counts (and a rebuild) waits here for the one before, and none can deadlock.
  INSERT INTO agent_versions (account_id, version)
    SELECT d.account_id, nextval('agent_version_seq')
      FROM (SELECT DISTINCT x.account_id FROM unnest(deltas) AS x ORDER BY 1) AS d
     WHERE EXISTS (SELECT 1 FROM accounts a WHERE a.id = d.account_id)
    ON CONFLICT (account_id) DO UPDATE SET version = EXCLUDED.version;
  WITH sums AS MATERIALIZED (
    SELECT d.account_id, t.type_id, agent_bucket(d.account_id, d.name, d.id) AS bucket, sum(d.sign) AS n
      FROM unnest(deltas) AS d
      CROSS JOIN LATERAL unnest(ARRAY[''] || ARRAY(SELECT DISTINCT unnest(d.licences))) AS t (type_id)
     -- An account being deleted takes its counts with it.
     WHERE EXISTS (SELECT 1 FROM accounts a WHERE a.id = d.account_id)
     GROUP BY 1, 2, 3
    HAVING sum(d.sign) <> 0
  ), buckets AS (
    INSERT INTO agent_counts (account_id, type_id, bucket, n)
      SELECT account_id, type_id, bucket, n FROM sums ORDER BY 1, 2, 3
      ON CONFLICT (account_id, type_id, bucket) DO UPDATE SET n = agent_counts.n + EXCLUDED.n
      RETURNING account_id, type_id, n
  ), totals AS (
    INSERT INTO agent_totals (account_id, type_id, n)
      SELECT account_id, type_id, sum(n) FROM sums GROUP BY 1, 2 ORDER BY 1, 2
      ON CONFLICT (account_id, type_id) DO UPDATE SET n = agent_totals.n + EXCLUDED.n
      RETURNING account_id, type_id, n
  )
  -- Inserts all landing in one bucket would make its pages slow: cut again past 4 × √N.
  SELECT array_agg(DISTINCT b.account_id) INTO grown
    FROM buckets b JOIN totals t ON t.account_id = b.account_id AND t.type_id = ''
   WHERE b.type_id = '' AND b.n > 4 * greatest(100, ceil(sqrt(t.n)));
  FOREACH account IN ARRAY coalesce(grown, ARRAY[]::text[]) LOOP
    PERFORM rebuild_agent_index(account);
  END LOOP;
END
$$;

-- A bulk seed sets licence_kit.bulk_agents = 'on' for its transaction and rebuilds at the end. The
-- three triggers share this function; each branch reads only the transition tables its event has.
CREATE FUNCTION agents_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('licence_kit.bulk_agents', true), '') = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM apply_agent_deltas(ARRAY(
      SELECT ROW(n.account_id, n.name, n.id, n.licences, 1)::agent_delta FROM new_agents n));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM apply_agent_deltas(ARRAY(
      SELECT ROW(o.account_id, o.name, o.id, o.licences, -1)::agent_delta FROM old_agents o));
  ELSE
    PERFORM apply_agent_deltas(ARRAY(
      SELECT ROW(o.account_id, o.name, o.id, o.licences, -1)::agent_delta FROM old_agents o
      UNION ALL
      SELECT ROW(n.account_id, n.name, n.id, n.licences, 1)::agent_delta FROM new_agents n));
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER agents_counted_insert AFTER INSERT ON agents
  REFERENCING NEW TABLE AS new_agents FOR EACH STATEMENT EXECUTE FUNCTION agents_counted();
CREATE TRIGGER agents_counted_delete AFTER DELETE ON agents
  REFERENCING OLD TABLE AS old_agents FOR EACH STATEMENT EXECUTE FUNCTION agents_counted();
CREATE TRIGGER agents_counted_update AFTER UPDATE ON agents
  REFERENCING OLD TABLE AS old_agents NEW TABLE AS new_agents FOR EACH STATEMENT EXECUTE FUNCTION agents_counted();

-- The accounts there are already.
SELECT rebuild_agent_index(id) FROM accounts;
