// `--simulate-usage`: plausible use every few seconds, so the demo's meters move. It reports use
// only for services that may run (the same stop rules the allowed route answers from).

import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.js';
import { rollOver } from './period.js';
import { accountVersion, readSnapshot } from './snapshot.js';
import { SPEECH_TO_TEXT, serviceAllowance } from '../../../src/core/index.js';
import { recordUsage, type UsageRecordInput } from './usage-records.js';

/**
 * One round of simulated use for every account, or for `only` these; answers how many records were
 * stored.
 */
export async function simulateUsage(
  db: Database,
  now: Date,
  { random = Math.random, only }: { random?: () => number; only?: readonly string[] } = {},
): Promise<number> {
  const accounts = only
    ? only.map((id) => ({ id }))
    : await db.query<{ id: string }>('SELECT id FROM accounts ORDER BY id');
  let stored = 0;
  for (const { id } of accounts) {
    stored += await db.transaction(async (tx) => {
      await rollOver(tx, id, now);
      await accountVersion(tx, id, true);
      const snapshot = await readSnapshot(tx, id, 'update');
      if (!snapshot) return 0;
      const records: UsageRecordInput[] = [];
      if (serviceAllowance(snapshot, SPEECH_TO_TEXT)?.allowed) {
        records.push({
          id: `simulated-${randomUUID()}`,
          service: SPEECH_TO_TEXT,
          quantity: 5 + Math.floor(random() * 36),
        });
      }
      for (const service of snapshot.powerPack?.services ?? []) {
        if (serviceAllowance(snapshot, service.id)?.allowed && random() < 0.15) {
          records.push({ id: `simulated-${randomUUID()}`, service: service.id, quantity: 1 });
        }
      }
      return records.length ? (await recordUsage(tx, id, snapshot, records, now)).recorded : 0;
    });
  }
  return stored;
}
