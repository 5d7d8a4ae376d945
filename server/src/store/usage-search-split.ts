// The first pages of a new search on PostgreSQL, on both cores: the counts and the page as two
// statements sent at once on two of the pool's connections, each finding the matches itself.
//
// Finding the matches (index, then each candidate checked) is about half of a search's statement;
// counting them (`total`, `countsByType`) and sorting out the page are the other half, and neither
// needs the other. One statement does them one after the other on one core; two statements do
// them side by side, each with its own scan of the matches: at 8,946 matches among 1,000,000
// agents, 12 ms against 17–19 ms (server/bench/README.md, "A new search on both cores"). It costs
// one scan of the matches more in CPU, so it is only for what an admin waits for while typing: the
// first pages of a search with a piece to look up (three characters or more). A deeper page, which
// sorts and keeps every match, a short key (which reads the whole account) and PGlite (one
// connection) keep the one statement (`searchStatement`).
//
// Two statements are two snapshots: each says which agents version it read, and when they differ
// (an agent changed between the two) the caller answers with the one statement instead.

import type { Database, Sql } from '../db/database.js';
import type { SearchRow } from './usage-search.js';
import { agentJson, likePattern, searchWhere } from './usage-sql.js';

/** What both statements ask: the account, the key and its pattern, the type filter. */
const matches = `SELECT a.id, a.name, a.licences, a.licences_key FROM agents a
   WHERE ${searchWhere()}
     AND ($4 = '' OR a.licences @> ARRAY[$4])`;

/**
 * $1 account, $2 folded key, $3 its LIKE pattern, $4 type id or '', $5 the agents version a kept
 * answer was read at ('' when none). The version, and when it is not $5 the total (with the type
 * filter) and the counts per type (without it), grouped by combination of licences as in
 * searchSql.
 */
export const COUNTS_SQL = `
WITH v AS MATERIALIZED (
  SELECT (SELECT version::text FROM agent_versions WHERE account_id = $1) AS version
), g AS MATERIALIZED (
  SELECT licences_key::text[] AS licences, n FROM (
    SELECT a.licences_key COLLATE "C" AS licences_key, count(*) AS n FROM agents a
     WHERE ${searchWhere()}
     GROUP BY 1) k
)
SELECT
  (SELECT version FROM v) AS version,
  CASE WHEN (SELECT version FROM v) IS DISTINCT FROM $5 THEN (
    SELECT coalesce(sum(n), 0) FROM g WHERE $4 = '' OR licences @> ARRAY[$4]
  ) END AS total,
  CASE WHEN (SELECT version FROM v) IS DISTINCT FROM $5 THEN (
    SELECT jsonb_object_agg(c.type_id, c.n) FROM (
      SELECT u.type_id, sum(g.n) AS n FROM g CROSS JOIN LATERAL unnest(g.licences) AS u (type_id)
       GROUP BY u.type_id) c
  ) END AS counts`;

/**
 * $1–$4 as above, $5 offset, $6 limit, $7 the kept version ('' when none), $8 the kept page's ids.
 * The version, and the page's agents: the kept ones when the version is $7, else the matches'
 * page sorted out of them (name, then id, byte order).
 */
export const PAGE_SQL = `
WITH v AS MATERIALIZED (
  SELECT (SELECT version::text FROM agent_versions WHERE account_id = $1) AS version
)
SELECT
  (SELECT version FROM v) AS version,
  CASE WHEN (SELECT version FROM v) IS NOT DISTINCT FROM $7 THEN (
    SELECT jsonb_agg(${agentJson} ORDER BY u.n)
      FROM unnest($8::text[]) WITH ORDINALITY AS u (id, n)
      JOIN agents a ON a.account_id = $1 AND a.id = u.id
  ) END AS kept,
  CASE WHEN (SELECT version FROM v) IS DISTINCT FROM $7 THEN (
    SELECT jsonb_agg(${agentJson} ORDER BY u.n)
      FROM unnest(ARRAY(
        SELECT p.id FROM (${matches}) p
         ORDER BY p.name COLLATE "C", p.id COLLATE "C" OFFSET $5 LIMIT $6
      )) WITH ORDINALITY AS u (id, n)
      JOIN agents a ON a.account_id = $1 AND a.id = u.id
  ) END AS agents`;

/** A pool of PostgreSQL connections, where two statements run side by side (not PGlite, not a transaction). */
export const runsSideBySide = (sql: Sql): boolean => (sql as Partial<Database>).kind === 'postgres';

/**
 * The counts and the page of the search for the folded key (three characters or more), as two
 * statements at once, shaped as the one statement's row (no ids: nothing is kept whole);
 * undefined when they read different versions of the account's agents.
 */
export async function searchSideBySide(
  sql: Sql,
  accountId: string,
  key: string,
  query: { readonly typeId: string; readonly offset: number; readonly limit: number },
  check: { readonly version: string; readonly ids: readonly string[] },
): Promise<SearchRow | undefined> {
  const pattern = likePattern(key);
  const [[counts], [page]] = await Promise.all([
    sql.query<Pick<SearchRow, 'version' | 'total' | 'counts'>>(
      COUNTS_SQL,
      [accountId, key, pattern, query.typeId, check.version],
      { prepare: true },
    ),
    sql.query<Pick<SearchRow, 'version' | 'kept' | 'agents'>>(
      PAGE_SQL,
      [accountId, key, pattern, query.typeId, query.offset, query.limit, check.version, [...check.ids]],
      { prepare: true },
    ),
  ]);
  if (!counts || !page || counts.version !== page.version) return undefined;
  return {
    version: page.version,
    kept: page.kept,
    total: counts.total,
    counts: counts.counts,
    agents: page.agents,
    ids: null,
  };
}
