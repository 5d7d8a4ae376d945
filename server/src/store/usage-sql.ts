// SQL the usage statements share (usage.ts, usage-search.ts, usage-search-split.ts).

/** `LIKE` pattern for "contains `key`". */
export const likePattern = (key: string): string => `%${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** An agent as JSON, `email` left out when absent. */
export const agentJson = `jsonb_strip_nulls(jsonb_build_object('id', a.id, 'name', a.name, 'email', a.email, 'licences', to_jsonb(a.licences)))`;
/** Page order: name, then id, byte order (PGlite and PostgreSQL agree whatever their locale). */
export const byKey = `a.name COLLATE "C", a.id COLLATE "C"`;

/** Migration 014's index expression (`agents_by_pieces`), written as the migration writes it. */
const pieces = '(account_pieces(a.account_id, a.search, 3) || account_pieces(a.account_id, a.search, 4))';

/**
 * The agents of account $1 a search finds, $2 the folded key and $3 its LIKE pattern: candidates
 * from the index of the account's text pieces (migration 014: all the key's 4-character pieces, or
 * its one piece of three), each decided by `search LIKE`. `indexed: false` for keys of one or two
 * characters (no piece): the account's agents, each decided by `search LIKE`.
 *
 * The index is the only way the indexed form leaves the planner to the agents, so that PostgreSQL
 * never computes a row's pieces to read it (migration 014): the key's pieces are a subquery, whose
 * value the planner cannot see (it expects a few rows, not the whole table, whatever the key), and
 * the account is compared as `(account_id = $1) IS TRUE`, which no index serves (through the
 * primary key, the pieces would be computed for each of the account's rows the text matches).
 */
export const searchWhere = (indexed = true): string =>
  indexed
    ? `${pieces} @> (SELECT account_pieces($1, $2::text, least(length($2::text), 4)))
     AND (a.account_id = $1) IS TRUE
     AND a.search LIKE $3 ESCAPE '\\'`
    : `a.account_id = $1 AND $2::text <> ''
     AND a.search LIKE $3 ESCAPE '\\'`;
