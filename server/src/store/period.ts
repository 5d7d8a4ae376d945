// Billing months. At the start of a new month the peak falls back to the billed units of the count
// (R5), and the month's Speech-to-Text minutes and Power Pack usage start again from 0. Months are
// UTC unless the account names an IANA time zone (`timeZone` in its seed). The clock is passed in,
// so tests can cross a month.

import {
  billedUnits,
  unitMultiplier,
  type LicensingSnapshot,
  type Permission,
} from '../../../src/core/index.js';
import type { Database, Sql } from '../db/database.js';
import { accountVersion, readSnapshot, readSnapshotInZone, writeLines } from './snapshot.js';

const isoDate = (date: Date): string => date.toISOString().slice(0, 10);

/**
 * One formatter per time zone, made once: making an `Intl.DateTimeFormat` costs far more than
 * formatting with it, and every load asks for the day (server/bench/README.md, "Read load").
 */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (`YYYY-MM-DD`) it is at `now` in `timeZone`. */
export function localDate(now: Date, timeZone = 'UTC'): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(now)) parts[part.type] = part.value;
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The month holding the day `date` (`YYYY-MM-DD`): its first and last day. */
export function monthOf(date: string): { start: string; end: string } {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(year, month - 1, 1));
  const end = new Date(Date.UTC(year, month, 0));
  return { start: isoDate(start), end: isoDate(end) };
}

/** Whether the account's billing month has ended at `now` (its own time zone's calendar). */
export async function periodEnded(sql: Sql, accountId: string, now: Date): Promise<boolean> {
  const [row] = await sql.query<{ end: string; time_zone: string }>(
    'SELECT period_end::text AS end, time_zone FROM accounts WHERE id = $1',
    [accountId],
  );
  return row !== undefined && row.end < localDate(now, row.time_zone);
}

/**
 * Moves the account into the month holding `now` when its period has ended: peaks fall to the
 * billed units, usage resets, the version moves on. Call inside a transaction; answers whether it
 * rolled over. The account's row is locked from then on.
 */
export async function rollOver(tx: Sql, accountId: string, now: Date): Promise<boolean> {
  const version = await accountVersion(tx, accountId, true);
  if (version === undefined) return false;
  if (!(await periodEnded(tx, accountId, now))) return false;
  const [account] = await tx.query<{ time_zone: string }>('SELECT time_zone FROM accounts WHERE id = $1', [
    accountId,
  ]);
  const snapshot = await readSnapshot(tx, accountId, 'update');
  if (!snapshot) return false;
  const lines = snapshot.lines.map((line) => ({
    ...line,
    peak: billedUnits(line.count, unitMultiplier(snapshot, line.typeId)),
  }));
  const month = monthOf(localDate(now, account?.time_zone));
  await writeLines(tx, accountId, lines);
  await tx.query('UPDATE speech_to_text SET used_minutes = 0 WHERE account_id = $1', [accountId]);
  await tx.query('UPDATE power_pack_services SET used = 0 WHERE account_id = $1', [accountId]);
  await tx.query('UPDATE accounts SET period_start = $2, period_end = $3, version = $4 WHERE id = $1', [
    accountId,
    month.start,
    month.end,
    version + 1,
  ]);
  return true;
}

/**
 * The snapshot as `permission` sees it at `now`, in the month holding `now`: when the account's
 * billing month has ended it is rolled over first (in a transaction of its own) and read again.
 * While the month runs this is one statement: the period's end and the time zone come with the
 * snapshot. `undefined` when there is no such account.
 */
export async function currentSnapshot(
  db: Database,
  accountId: string,
  permission: Permission,
  now: Date,
): Promise<LicensingSnapshot | undefined> {
  const read = await readSnapshotInZone(db, accountId, permission);
  if (!read || read.snapshot.period.end >= localDate(now, read.timeZone)) return read?.snapshot;
  await db.transaction((tx) => rollOver(tx, accountId, now));
  return readSnapshot(db, accountId, permission);
}
