// R7/R8 for display: the most a usage-based feature can cost in a month, as a widget shows it. The
// rule book's `powerPackServiceMaxSpend` throws (AmountRangeError) when pack price × limit leaves
// the safe integers, as every money helper does; a widget's render() must not, so this one says
// "too large" instead. `validate` reports the same draft as `amount-too-large`.

import { capped, UNLIMITED, type SpendCap } from './pricing.js';
import type { PowerPack } from './types.js';

/** A SpendCap, or `too-large` when the amount cannot be held exactly (beyond 2^53 − 1). */
export type ShownSpend = SpendCap | { readonly kind: 'too-large' };

/**
 * R8: `powerPackServiceMaxSpend` (limit × pack price; no cap without a limit; nothing when off)
 * that never throws: an amount beyond safe integers is `{ kind: 'too-large' }`.
 */
export function powerPackServiceSpend(
  powerPack: Pick<PowerPack, 'enabled' | 'packPrice'>,
  limit: number | null,
): ShownSpend {
  const { amount, currency } = powerPack.packPrice;
  if (!powerPack.enabled) return capped({ amount: 0, currency });
  if (limit === null) return UNLIMITED;
  const product = amount * limit;
  return Number.isSafeInteger(product)
    ? capped({ amount: product === 0 ? 0 : product, currency })
    : { kind: 'too-large' };
}
