// A page of a usage search. The first page of a search is answered by the database in one
// statement: the candidates are found through the index of the folded text's 3- and 4-character
// pieces (migrations 013 and 014), checked against the folded text itself, counted (`total`, and
// `countsByType` without the type filter) and sorted in the database, and only the page's agents
// are sent. What a search finds is exactly what the memory adapter finds (the rule book's
// `agentSearchText` / `searchKey`).
//
// Deeper pages of the same search (from the sixth page on: scrolling on, Ctrl+End) also bring the ids
// of every match in page order (up to MAX_KEPT_MATCHES), which the process keeps with the counts while the account's agents
// version (migration 005) stays the one they were read at: from then on a page reads that version
// and the page's agents by key. A first page is kept as it was sent, for the same page asked again
// at the same version. Kept or not, a page is one statement (searchSql): the version check and the
// search share it, and the search runs only when the version moved (server/bench/README.md, "A new
// search's first page: where the time goes").

import type { Agent, UsagePage } from '../../../src/core/index.js';
import { num, type Sql } from '../db/database.js';
import { agentJson, likePattern, searchWhere } from './usage-sql.js';
import { runsSideBySide, searchSideBySide } from './usage-search-split.js';

export { agentJson, byKey, likePattern } from './usage-sql.js';

/**
 * Keys this long or longer find their candidates through `agents_by_pieces` (migration 014): all the
 * key's 4-character pieces, or its one piece of three. Shorter keys have no piece to look up and
 * read the account's agents.
 */
export const INDEXED_KEY_LENGTH = 3;

/**
 * $1 account, $2 the folded key (its pieces find the candidates through the index), $3 the folded
 * key as a LIKE pattern (decides), $4 type id or '', $5 offset, $6 limit, $7 the most
 * match ids to send (0: none; more matches: none), $8 the agents version a kept answer of this
 * search was read at ('' when none is kept), $9 the kept ids of this page (page order; empty when
 * the kept answer is a first page, which the process holds whole).
 *
 * One statement, one snapshot, one round of planning: when the account's agents are still at
 * version $8 it reads only that version and the agents $9 (`kept`); otherwise it searches and
 * `kept` is null. PostgreSQL evaluates a scalar subquery (and scans a CTE) only when a row asks
 * for its value, so the branch a CASE does not take is never run: the search costs nothing on a
 * kept page, and a stale kept page costs one version read on a new search (no statement of its own).
 */
const searchSql = (indexed: boolean): string => `
WITH v AS MATERIALIZED (
  SELECT (SELECT version::text FROM agent_versions WHERE account_id = $1) AS version
), s AS (
  SELECT version IS DISTINCT FROM $8 AS stale FROM v
), m AS MATERIALIZED (
  SELECT a.id, a.name, a.licences, a.licences_key FROM agents a
   WHERE ${searchWhere(indexed)}
), g AS (
  -- Agents share few combinations of licences (hundreds among thousands of matches): count those
  -- once, then the total and the per-type counts are sums over them. Grouped by the combination's
  -- text (migration 013's licences_key), which hashes and sorts faster than the array, in byte
  -- order (the database's collation compares through the C library, a third slower).
  SELECT licences_key::text[] AS licences, n FROM (
    SELECT licences_key COLLATE "C" AS licences_key, count(*) AS n FROM m GROUP BY 1) k
), t AS (
  SELECT coalesce(sum(n), 0) AS total FROM g WHERE $4 = '' OR licences @> ARRAY[$4]
), o AS MATERIALIZED (
  -- Every match in page order, when they are to be kept (a deeper page): sorted once, and the
  -- page is a slice of them.
  SELECT CASE WHEN (SELECT stale FROM s) AND (SELECT total FROM t) BETWEEN 1 AND $7::bigint THEN (
    SELECT array_agg(p.id ORDER BY p.name COLLATE "C", p.id COLLATE "C")
      FROM m p WHERE $4 = '' OR p.licences @> ARRAY[$4]
  ) END AS ids
)
SELECT
  (SELECT version FROM v) AS version,
  CASE WHEN NOT (SELECT stale FROM s) THEN (
    SELECT jsonb_agg(${agentJson} ORDER BY u.n)
      FROM unnest($9::text[]) WITH ORDINALITY AS u (id, n)
      JOIN agents a ON a.account_id = $1 AND a.id = u.id
  ) END AS kept,
  CASE WHEN (SELECT stale FROM s) THEN (SELECT total FROM t) END AS total,
  CASE WHEN (SELECT stale FROM s) THEN (SELECT jsonb_object_agg(c.type_id, c.n) FROM (
     SELECT u.type_id, sum(g.n) AS n FROM g CROSS JOIN LATERAL unnest(g.licences) AS u (type_id)
      GROUP BY u.type_id) c) END AS counts,
  -- Only the page's agents are read whole (by key), in page order: a slice of the kept ids, else
  -- the page's ids sorted from the matches (COALESCE runs that sort only when there are no ids).
  CASE WHEN (SELECT stale FROM s) THEN (
    SELECT jsonb_agg(${agentJson} ORDER BY u.n)
      FROM unnest(coalesce((SELECT ids FROM o)[$5::int + 1 : $5::int + $6::int], ARRAY(
        SELECT p.id FROM m p WHERE $4 = '' OR p.licences @> ARRAY[$4]
         ORDER BY p.name COLLATE "C", p.id COLLATE "C" OFFSET $5 LIMIT $6
      ))) WITH ORDINALITY AS u (id, n)
      JOIN agents a ON a.account_id = $1 AND a.id = u.id
  ) END AS agents,
  -- As JSON: parsed natively, where a text[] of thousands is parsed character by character.
  (SELECT to_json(ids) FROM o) AS ids`;
const SEARCH_SQL = { indexed: searchSql(true), short: searchSql(false) };

/** Searches with more matches than this are paged by the database alone, page by page. */
export const MAX_KEPT_MATCHES = 20_000;
/**
 * Pages before this one (offset < SORTED_PAGES × limit) are sorted out of the matches each time,
 * as the first page is, which costs about what the first page costs; from here on every match is
 * sorted once and kept, which costs about twice that once and little for each page after it
 * (server/bench/README.md, "Deeper pages of a search").
 */
export const SORTED_PAGES = 5;
/** Searches kept per database (a search with a type filter is one of its own), least recent out first. */
const KEPT_SEARCHES = 8;

interface Kept {
  readonly version: string;
  readonly total: number;
  readonly countsByType: Readonly<Record<string, number>>;
  /** Every match in page order, once a deeper page was asked for. */
  readonly ids?: readonly string[];
  /** Else the one page answered, asked for again as it is when the widget reloads. */
  readonly page?: { readonly offset: number; readonly limit: number; readonly agents: readonly Agent[] };
}
const kept = new WeakMap<Sql, Map<string, Kept>>();

type Json<T> = T | string;
const parsed = <T>(value: Json<T> | null | undefined): T | null =>
  typeof value === 'string' ? (JSON.parse(value) as T) : (value ?? null);
type AgentRow = { id: string; name: string; email?: string; licences: string[] };
const agentsOf = (value: Json<AgentRow[]> | null | undefined): Agent[] =>
  (parsed(value) ?? []).map((agent) => ({
    id: agent.id,
    name: agent.name,
    ...(agent.email === undefined ? {} : { email: agent.email }),
    licences: agent.licences,
  }));

/** The row of a search page's statement (searchSql, or the two of usage-search-split.ts). */
export interface SearchRow {
  version: string | null;
  kept: Json<AgentRow[]> | null;
  total: unknown;
  counts: Json<Record<string, unknown>> | null;
  agents: Json<AgentRow[]> | null;
  ids: Json<string[]> | null;
}

/** A kept answer to check against the account's agents version: the version, this page's ids. */
interface KeptCheck {
  readonly version: string;
  readonly ids: readonly string[];
}

/** The statement and parameters of a search page for the folded, non-empty `key`. */
export function searchStatement(
  accountId: string,
  key: string,
  query: { readonly typeId: string; readonly offset: number; readonly limit: number },
  keepUpTo = 0,
  check: KeptCheck = { version: '', ids: [] },
): { text: string; params: unknown[] } {
  return {
    text: [...key].length >= INDEXED_KEY_LENGTH ? SEARCH_SQL.indexed : SEARCH_SQL.short,
    params: [
      accountId,
      key,
      likePattern(key),
      query.typeId,
      query.offset,
      query.limit,
      keepUpTo,
      check.version,
      [...check.ids],
    ],
  };
}

/**
 * A page of the search for the folded, non-empty `key`: from the kept matches while the account's
 * agents are as they were read, else from the database (keeping the matches on a deeper page).
 * Either way what is kept is answered only when the version is the one it was read at, in the same
 * statement that would search otherwise (searchSql, or the two of usage-search-split.ts).
 */
export async function searchPage(
  sql: Sql,
  accountId: string,
  key: string,
  query: { readonly typeId: string; readonly offset: number; readonly limit: number },
): Promise<UsagePage> {
  let cache = kept.get(sql);
  if (!cache) kept.set(sql, (cache = new Map()));
  const id = `${accountId}\u0000${query.typeId}\u0000${key}`;
  const entry = cache.get(id);
  const same = entry?.page && entry.page.offset === query.offset && entry.page.limit === query.limit;
  const usable = entry && (entry.ids || same) ? entry : undefined;
  const check = usable && {
    version: usable.version,
    ids: usable.ids?.slice(query.offset, query.offset + query.limit) ?? [],
  };
  // The first pages of a search are the ones to answer fastest: only deeper pages bring the ids.
  const keepUpTo = query.offset >= SORTED_PAGES * query.limit ? MAX_KEPT_MATCHES : 0;
  // On PostgreSQL the first pages of a search with a piece to look up count and sort on both cores
  // (usage-search-split.ts); one statement when the two read different versions, or otherwise.
  const sideBySide =
    keepUpTo === 0 && [...key].length >= INDEXED_KEY_LENGTH && runsSideBySide(sql)
      ? await searchSideBySide(sql, accountId, key, query, check ?? { version: '', ids: [] })
      : undefined;
  const row: SearchRow | undefined = sideBySide ?? (await oneStatement());
  async function oneStatement(): Promise<SearchRow | undefined> {
    const { text, params } = searchStatement(accountId, key, query, keepUpTo, check);
    return (await sql.query<SearchRow>(text, params, { prepare: true }))[0];
  }
  if (usable && row?.version === usable.version) {
    // Most recently used last.
    cache.delete(id);
    cache.set(id, usable);
    const agents = usable.ids
      ? agentsOf(row.kept)
      : usable.page!.agents.map((agent) => ({ ...agent, licences: [...agent.licences] }));
    return { total: usable.total, countsByType: { ...usable.countsByType }, agents };
  }
  const countsByType: Record<string, number> = {};
  for (const [type, n] of Object.entries(parsed(row?.counts) ?? {})) countsByType[type] = num(n);
  const total = num(row?.total ?? 0);
  const agents = agentsOf(row?.agents);
  const ids = parsed(row?.ids);
  cache.delete(id);
  if (row?.version) {
    const { offset, limit } = query;
    cache.set(id, {
      version: row.version,
      total,
      countsByType,
      ...(ids ? { ids } : { page: { offset, limit, agents: structuredClone(agents) } }),
    });
    for (const old of cache.keys()) {
      if (cache.size <= KEPT_SEARCHES) break;
      cache.delete(old);
    }
  }
  return { total, countsByType, agents };
}
