-- A usage search finds its candidates through the 3- and 4-character pieces of the folded text
-- (docs/architecture.md, "Usage pages at scale"), in place of migration 009's trigrams.
--
-- pg_trgm looks a query up by its trigrams. Names repeat (a contact centre has many a "Jana"),
-- so a trigram's list of rows is long: for "na nov" at 1,000,000 agents the rarest of its four
-- trigrams is in 50,613 rows, and GIN walked about 360,000 row pointers to find the 9,070
-- candidates (5–7 ms of a 16 ms statement). Four characters say more: the rarest 4-gram of the
-- same query is in 18,014 rows, and the candidates are the 8,946 matches themselves (the scan
-- 1.8–2.2 ms). Pieces of our own also run across spaces and an email's separators as they are,
-- so the joined column of migration 009 and its trigram index go.
--
-- `grams` holds, for each agent, the hashes (hashtext, a 32-bit hash) of every distinct 3- and
-- 4-character piece of `search` (name and email folded by the rule book's `agentSearchText`). A
-- query of four characters or more asks for the rows holding all its 4-character pieces, one of
-- three characters for the row holding that piece (`searchStatement` in
-- server/src/store/usage-search.ts); one or two characters use no index. The hashes only narrow:
-- two pieces may share a hash and the pieces may stand apart, so every candidate is checked with
-- `search LIKE` on the real folded text, and what a search finds is exactly what the memory
-- adapter finds. The column is generated and stored: PostgreSQL computes it in the statement that
-- writes `search` (and, on an UPDATE, only when `search` is written), so no writer can forget it.

-- `licences_key` is `licences` as text (lossless: `licences_key::text[]` gives the array back).
-- A search counts its matches per combination of licences (a few hundred among thousands of
-- matches) and sums those per type; hashing a text costs half what hashing an array does, per
-- match, so the search groups by this column (2 of its 4.5 ms at 8,946 matches).

CREATE FUNCTION search_grams(t text, n integer) RETURNS integer[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN ARRAY(SELECT DISTINCT hashtext(substr(t, i, n)) FROM generate_series(1, length(t) - n + 1) AS i);

-- The text of a text[] depends on nothing but its elements (`array_out` is only stable because
-- other element types' output may read settings).
CREATE FUNCTION licences_key(licences text[]) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN licences::text;

DROP INDEX IF EXISTS agents_by_joined_text;
ALTER TABLE agents DROP COLUMN IF EXISTS search_joined;

-- One rewrite of the table for both columns.
ALTER TABLE agents
  ADD COLUMN grams integer[] GENERATED ALWAYS AS (search_grams(search, 3) || search_grams(search, 4)) STORED,
  ADD COLUMN licences_key text GENERATED ALWAYS AS (licences_key(licences)) STORED;

CREATE INDEX agents_by_grams ON agents USING gin (grams);
