// R2: the one ceiling of a count. The store refuses numbers above MAX_QUANTITY, `validate` reports
// counts above the catalog's `max`; a field offers exactly what both accept, so it never shows a
// value the draft does not hold.
import { MAX_QUANTITY } from './parse.js';

/**
 * R2: the highest count a field may offer: the catalog's `max` when there is one, never above
 * `MAX_QUANTITY` (a catalog may name a higher `max`; the store and `validate` refuse beyond it).
 */
export function countCeiling(max?: number): number {
  return max === undefined || !(max <= MAX_QUANTITY) ? MAX_QUANTITY : max;
}
