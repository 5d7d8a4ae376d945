// R2: the one ceiling of a count or limit. The stepper, the store and `validate` all ask this
// function, so a value one of them accepts is never refused by another.

import { MAX_QUANTITY } from './parse.js';
import type { LicenceType } from './types.js';

/**
 * R2: the largest count a licence type may have, or the largest usage limit (no type given): the
 * type's `max` when it sets one, never above `MAX_QUANTITY` (a billion keeps every price ×
 * quantity inside safe integers). A negative or NaN `max` is ignored; a fraction is rounded down.
 */
export function maxQuantityFor(type?: Pick<LicenceType, 'max'>): number {
  const max = type?.max ?? MAX_QUANTITY;
  // `>= 0` is false for NaN too.
  return max >= 0 ? Math.min(Math.floor(max), MAX_QUANTITY) : MAX_QUANTITY;
}
