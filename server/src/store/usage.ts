// The usage overview's query: agents filtered by licence type and folded text, paged in one stable
// order (name, then id, byte order so PGlite and PostgreSQL agree whatever their locale).

import type { Agent, UsagePage } from '../../../src/core/index.js';
import { num, type Sql } from '../db/database.js';

/** Most agents one page answers; the contract lets a server cap `limit` (clients page by total). */
export const MAX_PAGE = 1000;

/** Lower case without accents, so "novakova" finds "Nováková" (the same fold for rows and queries). */
export const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The text a row is searched by: name and email, folded. */
export const searchText = (agent: Pick<Agent, 'name' | 'email'>): string =>
  fold(`${agent.name}\n${agent.email ?? ''}`);

const likePattern = (text: string): string => `%${fold(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface UsageParams {
  readonly typeId?: string;
  readonly search?: string;
  readonly offset: number;
  readonly limit: number;
}

export async function listUsage(sql: Sql, accountId: string, query: UsageParams): Promise<UsagePage> {
  const params: unknown[] = [accountId];
  let searchWhere = '';
  if (query.search) {
    params.push(likePattern(query.search));
    searchWhere = ` AND search LIKE $${params.length} ESCAPE '\\'`;
  }
  const countsParams = [...params];
  let typeWhere = '';
  if (query.typeId) {
    params.push(query.typeId);
    typeWhere = ` AND licences @> ARRAY[$${params.length}::text]`;
  }
  const where = `account_id = $1${searchWhere}${typeWhere}`;
  const limit = Math.min(query.limit, MAX_PAGE);
  const [totalRows, agentRows, countRows] = await Promise.all([
    sql.query<{ total: unknown }>(`SELECT count(*) AS total FROM agents WHERE ${where}`, params),
    sql.query<{ id: string; name: string; email: string | null; licences: string[] }>(
      `SELECT id, name, email, licences FROM agents WHERE ${where}
       ORDER BY name COLLATE "C", id COLLATE "C" OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, query.offset, limit],
    ),
    sql.query<{ type_id: string; n: unknown }>(
      `SELECT t.type_id, count(*) AS n FROM agents, unnest(licences) AS t (type_id)
       WHERE account_id = $1${searchWhere} GROUP BY t.type_id`,
      countsParams,
    ),
  ]);
  const countsByType: Record<string, number> = {};
  for (const row of countRows) countsByType[row.type_id] = num(row.n);
  return {
    total: num(totalRows[0]?.total ?? 0),
    countsByType,
    agents: agentRows.map((row) => ({
      id: row.id,
      name: row.name,
      ...(row.email === null ? {} : { email: row.email }),
      licences: [...row.licences],
    })),
  };
}
