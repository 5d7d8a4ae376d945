// A page of a usage search. The first page of a search is answered by the database in one
// statement: the matches are found through the trigram index over the folded text with its
// separators joined (migration 009), checked against the folded text itself, counted (`total`, and
// `countsByType` without the type filter) and sorted in the database, and only the page's agents are
// sent. What a search finds is exactly what the memory adapter finds (the rule book's
// `agentSearchText` / `searchKey`).
//
// Further pages of the same search (scrolling, offset > 0) also bring the ids of every match in page
// order (up to MAX_KEPT_MATCHES), which the process keeps with the counts while the account's agents
// version (migration 005) stays the one they were read at: from then on a page is one small
// statement that reads that version and the page's agents by key. A first page is kept as it was
// sent, for the same page asked again at the same version.

import type { Agent, UsagePage } from '../../../src/core/index.js';
import { num, type Sql } from '../db/database.js';

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
 * folded key as a LIKE pattern (decides), $4 type id or '', $5 offset, $6 limit, $7 the most
 * match ids to send (0: none; more matches: none).
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
), t AS (
  SELECT coalesce(sum(n), 0) AS total FROM g WHERE $4 = '' OR licences @> ARRAY[$4]
)
SELECT
  (SELECT version::text FROM agent_versions WHERE account_id = $1) AS version,
  (SELECT total FROM t) AS total,
  (SELECT jsonb_object_agg(c.type_id, c.n) FROM (
     SELECT u.type_id, sum(g.n) AS n FROM g CROSS JOIN LATERAL unnest(g.licences) AS u (type_id)
      GROUP BY u.type_id) c) AS counts,
  -- Only the page's agents are read whole (by key), sorted again by the same order.
  (SELECT jsonb_agg(${agentJson} ORDER BY ${byKey}) FROM (
     SELECT p.id FROM m p WHERE $4 = '' OR p.licences @> ARRAY[$4]
      ORDER BY p.name COLLATE "C", p.id COLLATE "C" OFFSET $5 LIMIT $6
  ) p JOIN agents a ON a.account_id = $1 AND a.id = p.id) AS agents,
  CASE WHEN (SELECT total FROM t) BETWEEN 1 AND $7::bigint THEN (
    SELECT array_agg(p.id ORDER BY p.name COLLATE "C", p.id COLLATE "C")
      FROM m p WHERE $4 = '' OR p.licences @> ARRAY[$4]
  ) END AS ids`;

/** A kept search's page: the account's agents version and the agents $2 (ids, in page order). */
const KEPT_PAGE_SQL = `
SELECT
  (SELECT version::text FROM agent_versions WHERE account_id = $1) AS version,
  (SELECT jsonb_agg(${agentJson} ORDER BY u.n)
     FROM unnest($2::text[]) WITH ORDINALITY AS u (id, n)
     JOIN agents a ON a.account_id = $1 AND a.id = u.id) AS agents`;

/** Searches with more matches than this are paged by the database alone, page by page. */
export const MAX_KEPT_MATCHES = 20_000;
/** Searches kept per database (a search with a type filter is one of its own), least recent out first. */
const KEPT_SEARCHES = 8;

interface Kept {
  readonly version: string;
  readonly total: number;
  readonly countsByType: Readonly<Record<string, number>>;
  /** Every match in page order, once a further page was asked for. */
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

interface SearchRow {
  version: string | null;
  total: unknown;
  counts: Json<Record<string, unknown>> | null;
  agents: Json<AgentRow[]> | null;
  ids: string[] | null;
}

/** The statement and parameters of a search page for the folded, non-empty `key`. */
export function searchStatement(
  accountId: string,
  key: string,
  query: { readonly typeId: string; readonly offset: number; readonly limit: number },
  keepUpTo = 0,
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
      keepUpTo,
    ],
  };
}

/**
 * A page of the search for the folded, non-empty `key`: from the kept matches while the account's
 * agents are as they were read, else from the database (keeping the matches on a further page).
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
  if (entry && (entry.ids || same)) {
    const ids = entry.ids?.slice(query.offset, query.offset + query.limit) ?? [];
    const [row] = await sql.query<{ version: string | null; agents: Json<AgentRow[]> | null }>(
      KEPT_PAGE_SQL,
      [accountId, ids],
    );
    if (row?.version === entry.version) {
      // Most recently used last.
      cache.delete(id);
      cache.set(id, entry);
      const agents = entry.ids
        ? agentsOf(row.agents)
        : entry.page!.agents.map((agent) => ({ ...agent, licences: [...agent.licences] }));
      return { total: entry.total, countsByType: { ...entry.countsByType }, agents };
    }
  }
  // The first page of a search is the one to answer fastest: only further pages bring the ids.
  const { text, params } = searchStatement(accountId, key, query, query.offset > 0 ? MAX_KEPT_MATCHES : 0);
  const [row] = await sql.query<SearchRow>(text, params);
  const countsByType: Record<string, number> = {};
  for (const [type, n] of Object.entries(parsed(row?.counts) ?? {})) countsByType[type] = num(n);
  const total = num(row?.total ?? 0);
  const agents = agentsOf(row?.agents);
  cache.delete(id);
  if (row?.version) {
    const { offset, limit } = query;
    cache.set(id, {
      version: row.version,
      total,
      countsByType,
      ...(row.ids ? { ids: row.ids } : { page: { offset, limit, agents: structuredClone(agents) } }),
    });
    for (const old of cache.keys()) {
      if (cache.size <= KEPT_SEARCHES) break;
      cache.delete(old);
    }
  }
  return { total, countsByType, agents };
}
