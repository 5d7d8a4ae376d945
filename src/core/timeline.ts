// R5 high-water, read as a timeline: for each seat line of a quote, when the change applies and
// when it is billed at what. Everything comes from `quote` (the prices) and `nextPeriodStart` (the
// date); nothing is priced again here.

import { nextPeriodStart } from './period.js';
import type { SeatQuoteLine } from './quote.js';
import type { LicensingSnapshot, Money } from './types.js';

/** When one changed seat line applies and how it is billed (R5), for the cart's review. */
export interface LineTimeline {
  readonly typeId: string;
  /**
   * `increase`: the line is usable as soon as the change is saved. `reduction` (fewer billed units):
   * it applies at once, to this month and the next, and this month's invoice keeps the peak.
   */
  readonly kind: 'increase' | 'reduction';
  /** True when the billed units per licence differ from 1 (the recording line under retention, R6). */
  readonly perUnit: boolean;
  /** This month: billed at the month's peak after the save, max(peak, new units). */
  readonly thisMonth: {
    /** The month's peak in billed units once saved. */
    readonly peak: number;
    readonly amount: Money;
    /** True when the peak, not the new units, sets this month's charge. */
    readonly heldAtPeak: boolean;
  };
  /** From the first day of next month: billed at the new units. */
  readonly nextMonth: {
    /** ISO date of the first day of next month. */
    readonly start: string;
    readonly units: number;
    readonly amount: Money;
  };
}

/**
 * R5: the timeline of one quoted seat line in `period`: usable (or, for a reduction, applied) from
 * the save; this month billed at the month's peak, `thisMonthUnits.to`, for `thisMonth.after`;
 * from `nextPeriodStart(period)` billed at the new units for `nextMonth.after`.
 */
export function lineTimeline(line: SeatQuoteLine, period: LicensingSnapshot['period']): LineTimeline {
  return {
    typeId: line.typeId,
    kind: line.units.to < line.units.from ? 'reduction' : 'increase',
    perUnit: line.multiplier.from !== 1 || line.multiplier.to !== 1,
    thisMonth: { peak: line.thisMonthUnits.to, amount: line.thisMonth.after, heldAtPeak: line.heldAtPeak },
    nextMonth: { start: nextPeriodStart(period), units: line.units.to, amount: line.nextMonth.after },
  };
}
