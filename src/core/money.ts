// Money in integer minor units. Every charge in the rule book goes through these helpers, so a
// float or a silently rounded amount cannot reach the invoice: each result is checked to be a safe
// integer, and mixing currencies throws instead of adding euros to dollars.

import type { Money } from './types.js';

/** Thrown when an amount or a unit count would leave the safe-integer range (beyond 2^53 − 1). */
export class AmountRangeError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'AmountRangeError';
  }
}

/** Thrown when two amounts in different currencies meet in one calculation. */
export class CurrencyMismatchError extends TypeError {
  constructor(
    readonly left: string,
    readonly right: string,
  ) {
    super(`Cannot combine ${left} with ${right}`);
    this.name = 'CurrencyMismatchError';
  }
}

const ISO_4217 = /^[A-Z]{3}$/;

/** Throws unless `n` is a safe integer; returns it with `-0` turned into `0` (deep equality tells them apart). */
function checked(n: number, what: string): number {
  if (!Number.isSafeInteger(n)) throw new AmountRangeError(`${what} is not a safe integer: ${n}`);
  return n === 0 ? 0 : n;
}

/** A `Money` value; throws on a non-safe-integer amount or a code that is not three upper-case letters. */
export function money(amount: number, currency: string): Money {
  if (!ISO_4217.test(currency)) throw new TypeError(`Not an ISO 4217 currency code: ${currency}`);
  return { amount: checked(amount, 'Amount'), currency };
}

/** Zero in `currency`. */
export function zero(currency: string): Money {
  return money(0, currency);
}

function sameCurrency(a: Money, b: Money): string {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
  return a.currency;
}

/** `a + b`; throws on a currency mismatch or an unsafe result. */
export function add(a: Money, b: Money): Money {
  return money(checked(a.amount + b.amount, 'Sum'), sameCurrency(a, b));
}

/** `a − b`; throws on a currency mismatch or an unsafe result. */
export function sub(a: Money, b: Money): Money {
  return money(checked(a.amount - b.amount, 'Difference'), sameCurrency(a, b));
}

/** `m × factor` for a whole factor (units, packs, minutes); throws on a fractional factor or an unsafe result. */
export function multiply(m: Money, factor: number): Money {
  return money(multiplyWhole(m.amount, factor), m.currency);
}

/** The sum of `items` in `currency` (zero for none); throws if any item is in another currency. */
export function sum(currency: string, items: Iterable<Money>): Money {
  let total = zero(currency);
  for (const item of items) total = add(total, item);
  return total;
}

/** `a × b` for two integers, checked: the product of billed units and prices must stay exact. */
export function multiplyWhole(a: number, b: number): number {
  checked(a, 'Factor');
  checked(b, 'Factor');
  return checked(a * b, 'Product');
}

/** Whether two amounts are equal (same currency and amount). */
export function isSameMoney(a: Money, b: Money): boolean {
  return a.currency === b.currency && a.amount === b.amount;
}
