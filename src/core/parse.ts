// R2: text that is not a whole number never reaches the draft, and the field says why. Only ASCII
// digits are accepted: `Number()` and `parseInt()` would let '1e3', '0x10', '12abc' or ' 1 2'
// through, and a locale's own digits ('٣') would be read differently by different parsers.

/** Why a text is not an acceptable count or limit; the localisation layer words each reason. */
export type ParseFailureReason = 'empty' | 'negative' | 'decimal' | 'not-a-number' | 'too-large';

/** A failed parse. `too-large` carries the largest value allowed, for the message. */
export type ParseFailure =
  | { readonly ok: false; readonly reason: Exclude<ParseFailureReason, 'too-large'> }
  | { readonly ok: false; readonly reason: 'too-large'; readonly max: number };

/** The value of a text field, or why it has none. */
export type ParseResult<T> = { readonly ok: true; readonly value: T } | ParseFailure;

/** Options of `parseCount` and `parseLimit`. */
export interface ParseOptions {
  /** Largest value allowed; defaults to (and is capped at) `Number.MAX_SAFE_INTEGER`. */
  readonly max?: number;
}

/**
 * R2: the largest count or limit a field accepts when the type sets no `max`: a billion licences,
 * minutes or packs is beyond any account, and keeps every price × quantity (× retention
 * multiplier) far inside safe integers, so a typed number can never break the arithmetic.
 */
export const MAX_QUANTITY = 1_000_000_000;

const DIGITS = /^[0-9]+$/;
// A minus sign, ASCII or the typographic U+2212 a pasted number may carry, before a number.
const NEGATIVE = /^[-\u2212]\s*(?:[0-9]+[.,]?[0-9]*|[.,][0-9]+)$/;
// '1.5', '.5', '5.', and '1,5' where the comma is the decimal separator.
const DECIMAL = /^(?:[0-9]+[.,][0-9]*|[.,][0-9]+)$/;

/** Why a number is not a count or limit the rules can hold (`wholeNumberProblem`). */
export type WholeNumberProblem = 'not-whole' | 'negative' | 'too-large';

/**
 * R2: the one whole-number check. Why `n` is not a count or limit the rules can hold — a fraction
 * (NaN and ±Infinity included), below 0, or above `max` (capped at `Number.MAX_SAFE_INTEGER`, so
 * 1e300 is too large) — or undefined when it is one.
 */
export function wholeNumberProblem(
  n: number,
  max: number = Number.MAX_SAFE_INTEGER,
): WholeNumberProblem | undefined {
  if (!Number.isInteger(n)) return 'not-whole';
  if (n < 0) return 'negative';
  if (n > Math.min(max, Number.MAX_SAFE_INTEGER)) return 'too-large';
  return undefined;
}

/**
 * R2: whether `n` is a count or limit the rules can hold: a whole number, at least 0, at most `max`
 * and exactly representable (a safe integer). NaN, fractions, negatives and 1e300 are not.
 */
export function isWhole(n: unknown, max?: number): n is number {
  return typeof n === 'number' && wholeNumberProblem(n, max) === undefined;
}

/** R7, R8: whether `limit` is a usage limit the rules can hold: a whole number ≥ 0, or null (no limit). */
export function isLimit(limit: unknown): limit is number | null {
  return limit === null || isWhole(limit);
}

function fail(reason: Exclude<ParseFailureReason, 'too-large'>): ParseFailure {
  return { ok: false, reason };
}

function parseWhole(trimmed: string, options: ParseOptions): ParseResult<number> {
  const max = Math.min(options.max ?? Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  if (DIGITS.test(trimmed)) {
    // Beyond 16 significant digits a string cannot be a safe integer; checking the length first
    // keeps a pasted megabyte of digits from becoming Infinity.
    const significant = trimmed.replace(/^0+(?=[0-9])/, '');
    const value = significant.length > 16 ? Number.POSITIVE_INFINITY : Number(significant);
    // Digits only, so the one way not to be whole here is to be too large.
    if (!isWhole(value, max)) return { ok: false, reason: 'too-large', max };
    return { ok: true, value };
  }
  if (NEGATIVE.test(trimmed)) return fail('negative');
  if (DECIMAL.test(trimmed)) return fail('decimal');
  return fail('not-a-number');
}

/**
 * R2: a licence count typed by the user. Whole numbers in ASCII digits only, surrounding white
 * space ignored, leading zeros allowed ('007' → 7); empty text is an error.
 */
export function parseCount(text: string, options: ParseOptions = {}): ParseResult<number> {
  const trimmed = text.trim();
  if (trimmed === '') return fail('empty');
  return parseWhole(trimmed, options);
}

/**
 * R2 with R7/R8: a usage limit (Speech-to-Text minutes over the base, Power Packs per service).
 * As `parseCount`, except that empty text means "no limit" and parses to `null`.
 */
export function parseLimit(text: string, options: ParseOptions = {}): ParseResult<number | null> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  return parseWhole(trimmed, options);
}
