// A usage search's matches kept in the process, as the memory adapter keeps its last search: the
// widget asks for one search page after page (and with and without a type filter), and each page
// would otherwise find and count every match again. An entry is used only while the account's
// agents version (migration 005: every agent change and every seed moves it on) is the one its
// matches were read at, so pages stay exact while agents change; each process keeps its own.

import type { Agent, UsagePage } from '../../../src/core/index.js';
import type { Sql } from '../db/database.js';

/** Searches with more matches are answered by the database alone, page by page. */
export const MAX_KEPT_MATCHES = 20_000;
let keepUpTo = MAX_KEPT_MATCHES;

/** Keeps searches of at most `matches` matches from now on (tests reach the other path with 0). */
export function keepSearchesUpTo(matches: number): void {
  keepUpTo = matches;
}
/** Searches kept per database, the least recently used dropped first. */
const KEPT_SEARCHES = 8;

interface Kept {
  readonly version: string;
  /** The matches in page order; `undefined` when there were more than MAX_KEPT_MATCHES. */
  readonly agents: readonly Agent[] | undefined;
  readonly countsByType: Readonly<Record<string, number>>;
  readonly byType: Map<string, readonly Agent[]>;
}

const kept = new WeakMap<Sql, Map<string, Kept>>();

const VERSION_SQL = 'SELECT version::text AS version FROM agent_versions WHERE account_id = $1';

/** The account's agents version and, in the same snapshot, the matches in page order (at most $3). */
export const MATCHES_SQL = `
SELECT v.version, m.id, m.name, m.email, m.licences
  FROM (SELECT (SELECT version::text FROM agent_versions WHERE account_id = $1) AS version) v
  LEFT JOIN LATERAL (
    SELECT a.id, a.name, a.email, a.licences FROM agents a
     WHERE a.account_id = $1 AND a.search LIKE $2 ESCAPE '\\'
     ORDER BY a.name COLLATE "C", a.id COLLATE "C" LIMIT $3
  ) m ON true`;

interface MatchRow {
  version: string | null;
  id: string | null;
  name: string;
  email: string | null;
  licences: string[];
}

function countByType(agents: readonly Agent[]): Record<string, number> {
  // No prototype: a type id such as `constructor` must count from 0.
  const counts = Object.create(null) as Record<string, number>;
  for (const agent of agents) for (const id of agent.licences) counts[id] = (counts[id] ?? 0) + 1;
  return { ...counts };
}

function pageOf(
  entry: Kept,
  agents: readonly Agent[],
  typeId: string,
  offset: number,
  limit: number,
): UsagePage {
  let matches = agents;
  if (typeId) {
    let filtered = entry.byType.get(typeId);
    if (!filtered) entry.byType.set(typeId, (filtered = agents.filter((a) => a.licences.includes(typeId))));
    matches = filtered;
  }
  return {
    total: matches.length,
    countsByType: { ...entry.countsByType },
    agents: matches
      .slice(offset, offset + limit)
      .map((agent) => ({ ...agent, licences: [...agent.licences] })),
  };
}

/**
 * A page of the search for `pattern` (the folded `key` as a LIKE pattern) from the kept matches,
 * read again when the account's agents changed; `undefined` when the search has too many matches to
 * keep (the caller asks the database for the page alone).
 */
export async function keptSearchPage(
  sql: Sql,
  accountId: string,
  key: string,
  pattern: string,
  query: { readonly typeId: string; readonly offset: number; readonly limit: number },
): Promise<UsagePage | undefined> {
  let cache = kept.get(sql);
  if (!cache) kept.set(sql, (cache = new Map()));
  const id = `${accountId}\u0000${key}`;
  let entry = cache.get(id);
  if (entry) {
    const [row] = await sql.query<{ version: string }>(VERSION_SQL, [accountId]);
    if (row?.version !== entry.version) entry = undefined;
  }
  if (!entry) {
    const rows = await sql.query<MatchRow>(MATCHES_SQL, [accountId, pattern, keepUpTo + 1]);
    const version = rows[0]?.version;
    if (version === null || version === undefined) return undefined;
    const agents = rows
      .filter((row) => row.id !== null)
      .map((row): Agent => ({
        id: row.id!,
        name: row.name,
        ...(row.email === null ? {} : { email: row.email }),
        licences: row.licences,
      }));
    const tooMany = agents.length > keepUpTo;
    entry = {
      version,
      agents: tooMany ? undefined : agents,
      countsByType: tooMany ? {} : countByType(agents),
      byType: new Map(),
    };
  }
  // Most recently used last.
  cache.delete(id);
  cache.set(id, entry);
  for (const old of cache.keys()) {
    if (cache.size <= KEPT_SEARCHES) break;
    cache.delete(old);
  }
  return entry.agents && pageOf(entry, entry.agents, query.typeId, query.offset, query.limit);
}
