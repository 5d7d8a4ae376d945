-- The hashes of an agent's text pieces (migration 013) move out of the rows and into the index
-- alone, and each is hashed with the agent's account: an index on an expression instead of a
-- stored column.
--
-- Why: a search reads each candidate's row (its folded text decides, its name sorts, its licences
-- count), and what that costs is mostly the number of table blocks the candidates lie in. With the
-- hashes stored, a row was about 580 bytes, 316 of them hashes a search never reads from the row;
-- the 12,358 matches of "a hora" at 1,000,000 agents lay in 973 blocks, and in 394 without them
-- (440 with the free space below; server/bench/README.md, "Narrow rows"). The table is 269 MB
-- instead of 566 MB.
--
-- The account in each hash: the index then finds the candidates of one account only, so a small
-- account's search reads none of a large account's rows, whatever else the table holds.
--
-- PostgreSQL computes the expression (about 40 µs an agent) when it writes a row's index entry: an
-- INSERT, an UPDATE of `search`, and an UPDATE of `licences` that moves the row to another block
-- (the stored column was copied then). It must never compute it to read, and a search statement
-- is written so that it does not (`searchWhere` in server/src/store/usage-sql.ts):
--  * GIN answers `@>` on arrays exactly, so the bitmap heap scan checks a row again only on a lossy
--    block, when the bitmap outgrows `work_mem`: the server asks for 16 MB, exact up to about
--    260,000 blocks of one account's candidates (several million agents).
--  * The planner is left no other way to read the agents: the key's pieces come from a subquery,
--    whose value it cannot see, so it expects few rows and prefers this index to reading the table
--    whole, and the account is compared in a form no index serves (else a small account would be
--    read through the primary key, the pieces computed for every row whose text matches).
-- server/bench/usage-pages.ts fails on a lossy block, a filter that computes pieces or a sequential
-- scan of `agents`, and runs a search that every agent matches; usage-search.test.ts checks the plan
-- of every statement a search page sends.

-- COST: computing the pieces of a text takes about 40 µs, thousands of times what the planner
-- charges an ordinary function (COST 100 is the default for SQL); priced so, reading a table of
-- any size whole costs more than the index, and the planner takes the index even for a table of
-- a few rows. PARALLEL RESTRICTED keeps a search's scan in one process: on PostgreSQL the server
-- already runs a new search's two statements side by side on the two cores (usage-search-split.ts),
-- and a parallel scan under them passed every match through a queue to its leader (12,358 matches
-- of "a hora": 33 ms p50 against 15).
CREATE FUNCTION account_pieces(account text, t text, n integer) RETURNS integer[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL RESTRICTED COST 10000
  RETURN ARRAY(
    SELECT DISTINCT hashtext(account || E'\n' || substr(t, i, n)) FROM generate_series(1, length(t) - n + 1) AS i
  );

DROP INDEX IF EXISTS agents_by_grams;
ALTER TABLE agents DROP COLUMN IF EXISTS grams;
DROP FUNCTION IF EXISTS search_grams(text, integer);

-- A tenth of each block left free, so that an UPDATE of an agent's licences (an assignment) can
-- keep the row in its block: then no index changes and the pieces are not computed (a HOT update).
-- With the blocks full, 7,046 of 7,132 such updates moved their rows; with a tenth free, none of
-- the next 1,920.
ALTER TABLE agents SET (fillfactor = 90);

-- Dropping a column leaves its bytes in every row until the row is written again: the table is
-- written anew (with the fill factor), in page order (name, then id).
CLUSTER agents USING agents_by_name;

-- fastupdate off: a row's new entries go into the index itself, not into a pending list that every
-- search reads whole until VACUUM empties it (2,560 rows' entries, 512 blocks, after 7,000 updates
-- of licences: the index scan of "a hora" took 3.9 ms instead of 1.1).
SET LOCAL maintenance_work_mem = '256MB';
CREATE INDEX agents_by_pieces ON agents
  USING gin ((account_pieces(account_id, search, 3) || account_pieces(account_id, search, 4)))
  WITH (fastupdate = off);
ANALYZE agents;
