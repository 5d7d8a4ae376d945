// Use reported by the host's services. Whether a service may run now is the rule book's
// serviceAllowance (R7, R8, src/core/allowance.ts).

import { SPEECH_TO_TEXT, type LicensingSnapshot } from '../../../src/core/index.js';
import type { Sql } from '../db/database.js';
import { HttpProblem, problemTypes } from '../http/problem.js';

export interface UsageRecordInput {
  readonly id: string;
  readonly service: string;
  readonly quantity: number;
}

const refuse = (detail: string) =>
  new HttpProblem(422, { type: problemTypes.validation, detail, extensions: { issues: [] } });

/**
 * Stores the records not seen before (by id) and adds them to the month's counters, all in `tx`.
 * `snapshot` is the account's current one (for the services it has).
 */
export async function recordUsage(
  tx: Sql,
  accountId: string,
  snapshot: LicensingSnapshot,
  records: readonly UsageRecordInput[],
  now: Date,
): Promise<{ recorded: number; duplicates: number }> {
  records.forEach((record, i) => {
    if (record.service === SPEECH_TO_TEXT) {
      if (!snapshot.speechToText) throw refuse(`records[${i}]: this account has no Speech-to-Text.`);
    } else if (!snapshot.powerPack?.services.some((s) => s.id === record.service)) {
      throw refuse(`records[${i}].service: this account has no service "${record.service}".`);
    }
  });
  let recorded = 0;
  for (const record of records) {
    const inserted = await tx.query(
      `INSERT INTO usage_records (account_id, id, service, quantity, received_at, period_start)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (account_id, id) DO NOTHING RETURNING id`,
      [accountId, record.id, record.service, record.quantity, now.toISOString(), snapshot.period.start],
    );
    if (!inserted.length) continue;
    recorded++;
    if (record.service === SPEECH_TO_TEXT) {
      await tx.query('UPDATE speech_to_text SET used_minutes = used_minutes + $2 WHERE account_id = $1', [
        accountId,
        record.quantity,
      ]);
    } else {
      await tx.query('UPDATE power_pack_services SET used = used + $3 WHERE account_id = $1 AND id = $2', [
        accountId,
        record.service,
        record.quantity,
      ]);
    }
  }
  return { recorded, duplicates: records.length - recorded };
}
