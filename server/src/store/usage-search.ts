// A page of a usage search, answered by the database in one statement: the matches are found
// through the trigram index over the folded text with its separators joined (migration 009),
// checked against the folded text itself, counted (`total`, and `countsByType` without the type
// filter) and sorted in the database, and only the page's agents are sent. What a search finds is
// exactly what the memory adapter finds (the rule book's `agentSearchText` / `searchKey`).

/** `LIKE` pattern for "contains `key`". */
export const likePattern = (key: string): string => `%${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The folded query as the index over the agents' text sees it (migration 009's column
 * `search_joined`): a space becomes `q` and the other separators of an email become `x`, so the
 * query's trigrams run across them. Keep the two in step.
 */
export const joinedKey = (key: string): string => key.replace(/ /g, 'q').replace(/[.@_\-']/g, 'x');

/** An agent as JSON, `email` left out when absent. */
export const agentJson = `jsonb_strip_nulls(jsonb_build_object('id', a.id, 'name', a.name, 'email', a.email, 'licences', to_jsonb(a.licences)))`;
/** Page order: name, then id, byte order (PGlite and PostgreSQL agree whatever their locale). */
export const byKey = `a.name COLLATE "C", a.id COLLATE "C"`;

/**
 * $1 account, $2 the joined key as a LIKE pattern (finds candidates through the index), $3 the
 * folded key as a LIKE pattern (decides), $4 type id or '', $5 offset, $6 limit.
 */
export const SEARCH_SQL = `
WITH m AS MATERIALIZED (
  SELECT a.id, a.name, a.licences FROM agents a
   WHERE a.account_id = $1
     AND a.search_joined LIKE $2 ESCAPE '\\'
     AND a.search LIKE $3 ESCAPE '\\'
), g AS (
  -- Agents share few combinations of licences (hundreds among thousands of matches): count those
  -- once, then the total and the per-type counts are sums over them.
  SELECT licences, count(*) AS n FROM m GROUP BY licences
)
SELECT
  (SELECT coalesce(sum(n), 0) FROM g WHERE $4 = '' OR licences @> ARRAY[$4]) AS total,
  (SELECT jsonb_object_agg(t.type_id, t.n) FROM (
     SELECT u.type_id, sum(g.n) AS n FROM g CROSS JOIN LATERAL unnest(g.licences) AS u (type_id)
      GROUP BY u.type_id) t) AS counts,
  -- Only the page's agents are read whole (by key), sorted again by the same order.
  (SELECT jsonb_agg(${agentJson} ORDER BY ${byKey}) FROM (
     SELECT p.id FROM m p WHERE $4 = '' OR p.licences @> ARRAY[$4]
      ORDER BY p.name COLLATE "C", p.id COLLATE "C" OFFSET $5 LIMIT $6
  ) p JOIN agents a ON a.account_id = $1 AND a.id = p.id) AS agents`;

/** The statement and parameters of a search page for the folded, non-empty `key`. */
export function searchStatement(
  accountId: string,
  key: string,
  query: { readonly typeId: string; readonly offset: number; readonly limit: number },
): { text: string; params: unknown[] } {
  return {
    text: SEARCH_SQL,
    params: [
      accountId,
      likePattern(joinedKey(key)),
      likePattern(key),
      query.typeId,
      query.offset,
      query.limit,
    ],
  };
}
