// R5 billing high-water (docs/rules.md): "For billing purposes, you are always charged for the
// highest number of licences that was set at any point during the current month" and "Reductions
// apply to both the current month and the next month". So an increase costs this month at once; a
// reduction lowers next month's charge, while this month stays charged at the peak.

import { lineFor } from './lookup.js';
import { multiply, multiplyWhole, sub } from './money.js';
import { retentionMultiplier } from './retention.js';
import type { LicenceType, LicensingSnapshot, Money, Retention } from './types.js';

/**
 * R5 with R6: billed units per licence of `typeId`. 1 for every type except the recording type,
 * whose multiplier is the retention's (14 days → 0, 9 months → 3). `retention` defaults to the
 * snapshot's, so a draft's new retention can be priced before it is committed.
 */
export function unitMultiplier(
  snapshot: Pick<LicensingSnapshot, 'recording'>,
  typeId: string,
  retention?: Retention,
): number {
  const recording = snapshot.recording;
  if (recording === undefined || recording.typeId !== typeId) return 1;
  return retentionMultiplier(retention ?? recording.retention);
}

/** R5: billed units = count × multiplier; throws an AmountRangeError beyond safe integers. */
export function billedUnits(count: number, multiplier: number): number {
  return multiplyWhole(count, multiplier);
}

/** R5: this month's charge = max(peak, units) × unit price: this month never drops below the peak. */
export function thisMonthCharge(unitPrice: Money, peak: number, units: number): Money {
  return multiply(unitPrice, Math.max(peak, units));
}

/** R5: next month's recurring charge = units × unit price. */
export function nextMonthCharge(unitPrice: Money, units: number): Money {
  return multiply(unitPrice, units);
}

/**
 * R5 with R6: what `type`'s line of `snapshot` is charged next month: count × its unit multiplier ×
 * unit price. Given the store's `planned` snapshot, the card's subtotal; equal to `quote`'s
 * `nextMonth.after` for a changed line (test/core/quote.test.ts holds them together).
 */
export function seatNextMonthCharge(
  snapshot: LicensingSnapshot,
  type: Pick<LicenceType, 'id' | 'unitPrice'>,
): Money {
  return nextMonthCharge(
    type.unitPrice,
    billedUnits(lineFor(snapshot, type.id).count, unitMultiplier(snapshot, type.id)),
  );
}

/**
 * The most a usage-based feature can cost in a month (R7 Speech-to-Text, R8 Power Pack): an
 * amount, or no cap when a limit is empty.
 */
export type SpendCap = { readonly kind: 'capped'; readonly amount: Money } | { readonly kind: 'unlimited' };

/** A capped SpendCap. */
export function capped(amount: Money): SpendCap {
  return { kind: 'capped', amount };
}

/** The uncapped SpendCap. */
export const UNLIMITED: SpendCap = Object.freeze({ kind: 'unlimited' });

/** `after − before` when both are capped; `null` when either has no cap (the change has no amount). */
export function capDelta(before: SpendCap, after: SpendCap): Money | null {
  if (before.kind === 'unlimited' || after.kind === 'unlimited') return null;
  return sub(after.amount, before.amount);
}
