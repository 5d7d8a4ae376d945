// Billing months. At the start of a new month the peak falls back to the billed units of the count
// (R5), and the month's Speech-to-Text minutes and Power Pack usage start again from 0. Months are
// UTC. The clock is passed in, so tests can cross a month.

import { billedUnits, unitMultiplier } from '../../../src/core/index.js';
import type { Sql } from '../db/database.js';
import { accountVersion, readSnapshot, writeLines } from './snapshot.js';

const isoDate = (date: Date): string => date.toISOString().slice(0, 10);

/** The UTC month holding `now`: its first and last day. */
export function monthOf(now: Date): { start: string; end: string } {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0));
  return { start: isoDate(start), end: isoDate(end) };
}

/**
 * Moves the account into the month holding `now` when its period has ended: peaks fall to the
 * billed units, usage resets, the version moves on. Call inside a transaction; answers whether it
 * rolled over. The account's row is locked from then on.
 */
export async function rollOver(tx: Sql, accountId: string, now: Date): Promise<boolean> {
  const version = await accountVersion(tx, accountId, true);
  if (version === undefined) return false;
  const [row] = await tx.query<{ ended: boolean }>(
    'SELECT period_end < $2::date AS ended FROM accounts WHERE id = $1',
    [accountId, isoDate(now)],
  );
  if (!row?.ended) return false;
  const snapshot = await readSnapshot(tx, accountId, 'update');
  if (!snapshot) return false;
  const lines = snapshot.lines.map((line) => ({
    ...line,
    peak: billedUnits(line.count, unitMultiplier(snapshot, line.typeId)),
  }));
  const month = monthOf(now);
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
