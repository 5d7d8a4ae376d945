-- A usage search finds its candidates through trigrams that run across spaces and punctuation
-- (docs/architecture.md, "Usage pages at scale").
--
-- pg_trgm cuts text into words at every character that is not a letter or a digit and pads each
-- word, so "na nov" (the folded query "Jana Nov…" matches) was looked up as the words "na" and "nov":
-- every agent with a word ending in "na" and another starting with "nov" was a candidate, about three
-- times as many as matched, each read and checked again. The index below is over the folded text
-- with the separators an agent's name and email hold (space, line break, '.', '@', '_', '-', "'")
-- turned into one letter, so the query is one word and its trigrams ("naq", "aqn", "qno", "nov")
-- say where the space is. The same letter stands for every separator and may occur in the text
-- itself: the index only narrows the candidates, and every candidate is checked against the real
-- folded text (`search LIKE`), so what a search finds is exactly what the memory adapter finds.
-- The server folds the query the same way (`joinedKey` in server/src/store/usage.ts).

CREATE FUNCTION agent_search_joined(text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT translate($1, E' \n.@_-''', 'qqqqqqq') $$;

CREATE INDEX agents_by_joined_text ON agents USING gin (agent_search_joined(search) gin_trgm_ops);

-- Every search goes through the index above now.
DROP INDEX IF EXISTS agents_by_text;
