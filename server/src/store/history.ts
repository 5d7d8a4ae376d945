// `GET /licensing/history`: the account's accepted commits, read from audit_log (who, when, the
// change set and the quote at the time, written by the commit). The entries, the type filter and
// the order are the rule book's (`historyEntry`, `historyPage` in src/core/history.ts), so the
// server answers exactly what the memory adapter does; SQL only narrows by account and period,
// and pages itself when no type filter asks to read the changes.

import {
  historyEntry,
  historyPage,
  type ChangeSet,
  type HistoryEntry,
  type HistoryPage,
  type HistoryQuery,
  type Quote,
} from '../../../src/core/index.js';
import { num, type Sql } from '../db/database.js';

interface Row {
  id: unknown;
  at: Date | string;
  user_name: string;
  version: string;
  changes: ChangeSet | string;
  quote: Quote | string;
}

/** A jsonb column: an object on PGlite, text on some drivers. */
const json = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

function entryOf(row: Row): HistoryEntry {
  return historyEntry({
    id: String(num(row.id)),
    at: new Date(row.at).toISOString(),
    user: row.user_name,
    version: row.version,
    changes: json(row.changes),
    quote: json(row.quote),
  });
}

/** One page of the history of `accountId` for `query`, newest first. */
export async function listHistory(db: Sql, accountId: string, query: HistoryQuery): Promise<HistoryPage> {
  const params: unknown[] = [accountId];
  let where = 'account_id = $1';
  if (query.from !== undefined) where += ` AND at >= $${params.push(new Date(query.from).toISOString())}`;
  if (query.to !== undefined) where += ` AND at < $${params.push(new Date(query.to).toISOString())}`;
  const select = `SELECT id, at, user_name, after ->> 'version' AS version, changes, quote FROM audit_log
    WHERE ${where} ORDER BY at DESC, id DESC`;
  if (query.type !== undefined) {
    return historyPage((await db.query<Row>(select, params)).map(entryOf), query);
  }
  const [count] = await db.query<{ total: unknown }>(
    `SELECT count(*) AS total FROM audit_log WHERE ${where}`,
    params,
  );
  const rows = await db.query<Row>(`${select} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [
    ...params,
    query.limit,
    query.offset,
  ]);
  return { total: num(count?.total ?? 0), entries: rows.map(entryOf) };
}
