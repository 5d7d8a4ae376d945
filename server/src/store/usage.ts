// The usage overview's query: agents filtered by licence type and folded text, paged in one stable
// order (name, then id, byte order so PGlite and PostgreSQL agree whatever their locale).
//
// One statement per page, so its total, counts and rows come from one snapshot. Without a search
// the total and the counts are read from agent_totals and the page is found through the bucket
// counts (migration 005): cost in proportion to √N, not to the offset. With a search the matches
// are found through the trigram index over the folded text (migration 009), counted and sorted in
// the database, and only the page is sent; further pages keep the match ids (usage-search.ts).

import { agentSearchText, searchKey, type Agent, type UsagePage } from '../../../src/core/index.js';
import { num, type Sql } from '../db/database.js';
import { agentJson, byKey, searchPage, searchStatement } from './usage-search.js';

/** Most agents one page answers; the contract lets a server cap `limit` (clients page by total). */
export const MAX_PAGE = 1000;

/**
 * The text a row is searched by: name and email, folded by the rule book's own `agentSearchText`
 * (lower case, no accents), so the server finds exactly what the memory adapter finds.
 */
export const searchText = (agent: Pick<Agent, 'name' | 'email'>): string => agentSearchText(agent);

export interface UsageParams {
  readonly typeId?: string;
  readonly search?: string;
  readonly offset: number;
  readonly limit: number;
}

/**
 * No search: total and counts are maintained; the page is read from the buckets that hold rows
 * `offset` … `offset + limit - 1` of the filter ($2: a type id, '' for every agent), found through
 * the bucket counts. Buckets where the filter has no agent (n = 0) are never visited, so a licence
 * type held by a handful of agents reads only their buckets, not the whole account. Each bucket is
 * read within its own key range (from its first key to the next bucket's), up to the last match
 * the page needs from it (it holds exactly n); the page's buckets' matches are sorted together and
 * the page cut from them.
 */
const PAGE_SQL = `
WITH c AS (
  SELECT bucket, n, sum(n) OVER (ORDER BY bucket) AS upto
    FROM agent_counts WHERE account_id = $1 AND type_id = $2
), p AS MATERIALIZED (
  SELECT bucket, n, upto - n AS before FROM c
   WHERE n > 0 AND upto > $3::bigint AND upto - n < $3::bigint + $4::bigint
)
SELECT
  (SELECT n FROM agent_totals WHERE account_id = $1 AND type_id = $2) AS total,
  (SELECT jsonb_object_agg(type_id, n) FROM agent_totals WHERE account_id = $1 AND type_id <> '' AND n > 0) AS counts,
  (SELECT jsonb_agg(${agentJson} ORDER BY ${byKey}) FROM (
     SELECT a.* FROM p
       JOIN agent_buckets b ON b.account_id = $1 AND b.bucket = p.bucket
       LEFT JOIN LATERAL (
         SELECT e.name, e.id FROM agent_buckets e
          WHERE e.account_id = $1 AND e.bucket > p.bucket ORDER BY e.bucket LIMIT 1
       ) e ON true
       CROSS JOIN LATERAL (
         (SELECT * FROM agents a
           WHERE a.account_id = $1
             AND (a.name COLLATE "C", a.id COLLATE "C") >= (b.name, b.id)
             AND (a.name COLLATE "C", a.id COLLATE "C") < (e.name, e.id)
             AND ($2 = '' OR a.licences @> ARRAY[$2])
           ORDER BY ${byKey} LIMIT least(p.n, $3::bigint + $4::bigint - p.before))
         UNION ALL
         -- The last bucket runs to the end of the account.
         (SELECT * FROM agents a
           WHERE e.name IS NULL
             AND a.account_id = $1
             AND (a.name COLLATE "C", a.id COLLATE "C") >= (b.name, b.id)
             AND ($2 = '' OR a.licences @> ARRAY[$2])
           ORDER BY ${byKey} LIMIT least(p.n, $3::bigint + $4::bigint - p.before))
       ) a
      ORDER BY ${byKey} OFFSET $3::bigint - (SELECT min(before) FROM p) LIMIT $4
  ) a) AS agents`;

type Json<T> = T | string;
const parsed = <T>(value: Json<T> | null): T | null =>
  typeof value === 'string' ? (JSON.parse(value) as T) : value;

/** The statement that answers `query` (the bench EXPLAINs exactly this). */
export function usageStatement(accountId: string, query: UsageParams): { text: string; params: unknown[] } {
  const limit = Math.min(query.limit, MAX_PAGE);
  const key = searchKey(query.search ?? '');
  const typeId = query.typeId ?? '';
  return key
    ? searchStatement(accountId, key, { typeId, offset: query.offset, limit })
    : { text: PAGE_SQL, params: [accountId, typeId, query.offset, limit] };
}

export async function listUsage(sql: Sql, accountId: string, query: UsageParams): Promise<UsagePage> {
  const key = searchKey(query.search ?? '');
  if (key) {
    const limit = Math.min(query.limit, MAX_PAGE);
    return searchPage(sql, accountId, key, { typeId: query.typeId ?? '', offset: query.offset, limit });
  }
  const { text, params } = usageStatement(accountId, query);
  const [row] = await sql.query<Row>(text, params, { prepare: true });
  const counts = parsed(row?.counts ?? null) ?? {};
  const countsByType: Record<string, number> = {};
  for (const [id, n] of Object.entries(counts)) countsByType[id] = num(n);
  const agents = (parsed(row?.agents ?? null) ?? []).map((agent): Agent => ({
    id: agent.id,
    name: agent.name,
    ...(agent.email === undefined ? {} : { email: agent.email }),
    licences: agent.licences,
  }));
  return { total: num(row?.total ?? 0), countsByType, agents };
}

interface Row {
  total: unknown;
  counts: Json<Record<string, unknown>> | null;
  agents: Json<{ id: string; name: string; email?: string; licences: string[] }[]> | null;
}
