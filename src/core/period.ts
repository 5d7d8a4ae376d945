// R7/R8: a usage limit that is reached stops the service "until the subsequent month" (docs/rules.md).

import type { LicensingSnapshot } from './types.js';

/**
 * R7, R8: the first day of the next billing month (ISO date), when a stopped service resumes:
 * the day after `period.end`.
 */
export function nextPeriodStart(period: LicensingSnapshot['period']): string {
  const end = new Date(`${period.end.slice(0, 10)}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  return end.toISOString().slice(0, 10);
}
