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

/**
 * R7, R8: what saving the draft does to a usage-based service's stop, as the page says it before
 * the save: `stopped` (it reached its limit and stays stopped), `stops` (it runs, or is off, and is
 * stopped as soon as the draft is saved), `resumes` (it is stopped and runs again once saved), or
 * `undefined` (not stopped, before or after; or switched off by the draft).
 */
export type StopOnSave = 'stopped' | 'stops' | 'resumes' | undefined;

/** R7, R8: `StopOnSave` from whether the service is stopped now and after the save, and on after it. */
export function stopOnSave(stoppedNow: boolean, stoppedAfter: boolean, onAfter: boolean): StopOnSave {
  if (stoppedAfter) return stoppedNow ? 'stopped' : 'stops';
  return stoppedNow && onAfter ? 'resumes' : undefined;
}
