-- A usage search finds its candidates through trigrams that run across spaces and punctuation
-- (docs/architecture.md, "Usage pages at scale").
--
-- pg_trgm cuts text into words at every character that is not a letter or a digit and pads each
-- word, so "na nov" (the folded query "Jana Nov…" matches) was looked up as the words "na" and
-- "nov": every agent with a word ending in "na" and another starting with "nov" was a candidate,
-- about three times as many as matched, each read and checked again. `search_joined` is the folded
-- text with a space turned into the letter "q" and the other separators an email holds ('.', '@',
-- '_', '-', "'") into "x", so the query is one word and its trigrams ("naq", "aqn", "qno", "nov")
-- say where the space is; the line break between name and email stays a break, so the end of a
-- name ("…na") makes no "naq". These letters may occur in the text itself: the index only narrows
-- the candidates, and every candidate is checked against the real folded text (`search LIKE`), so
-- what a search finds is exactly what the memory adapter finds. The column is stored (PostgreSQL
-- computes it in the same statement as any write of `search`), so checking a candidate is one
-- LIKE, not a translate() per row, which cost fifteen times as much. The server folds the query
-- the same way (`joinedKey` in server/src/store/usage-search.ts): keep the two in step.

ALTER TABLE agents
  ADD COLUMN search_joined text GENERATED ALWAYS AS (translate(search, ' .@_-''', 'qxxxxx')) STORED;

CREATE INDEX agents_by_joined_text ON agents USING gin (search_joined gin_trgm_ops);

-- Every search goes through the index above now.
DROP INDEX IF EXISTS agents_by_text;
