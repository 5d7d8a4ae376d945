import type { Money } from '../core/index.js';

// Intl formatters are costly to create and are asked for on every render: keep one per key.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>(
  key: string,
  make: () => T,
): T {
  let value = cache.get(key) as T | undefined;
  if (!value) cache.set(key, (value = make()));
  return value;
}

// V8 starts ICU on a page's first Intl call, 15–20 ms on a small machine. Start it in a task of its
// own once the library has loaded, so the first frame a widget renders its data in does not pay for
// it (the element is usually created later than its module loads: when the page shows licensing).
if (typeof setTimeout === 'function') setTimeout(() => formatNumber(0, 'en'));

/** Digits after the decimal point in `currency` (2 for EUR, 0 for JPY), as ISO 4217 says. */
export function minorDigits(currency: string): number {
  return (
    cached(
      `digits|${currency}`,
      () => new Intl.NumberFormat('en', { style: 'currency', currency }),
    ).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/** Money in the locale's way ("€24.00", "24,00 €"). Integer minor units become a decimal only here. */
export function formatMoney(money: Money, locale: string, { signed = false } = {}): string {
  const format = cached(
    `money|${locale}|${money.currency}|${signed}`,
    () =>
      new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: money.currency,
        signDisplay: signed ? 'exceptZero' : 'auto',
      }),
  ) as Intl.NumberFormat;
  // A real minus sign (U+2212), not the hyphen Intl writes: "−€48.00" on every widget alike.
  return format.format(money.amount / 10 ** minorDigits(money.currency)).replace('-', '\u2212');
}

/** A whole number with the locale's grouping ("1,000", "1 000"). */
export function formatNumber(n: number, locale: string): string {
  return (cached(`number|${locale}`, () => new Intl.NumberFormat(locale)) as Intl.NumberFormat).format(n);
}

/** A calendar date ("1 December 2026"), read in UTC so a date-only string never shifts a day. */
export function formatDate(iso: string, locale: string): string {
  const format = cached(
    `date|${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }),
  ) as Intl.DateTimeFormat;
  return format.format(new Date(iso));
}

/** The plural category of `n` in `locale` ('one', 'few', 'other', …). */
export function pluralCategory(n: number, locale: string): Intl.LDMLPluralRule {
  return (cached(`plural|${locale}`, () => new Intl.PluralRules(locale)) as Intl.PluralRules).select(n);
}

/** Picks the form for `n`; `other` is the fallback every language has. */
export function plural(
  n: number,
  locale: string,
  forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string },
): string {
  return forms[pluralCategory(n, locale)] ?? forms.other;
}

/** A whole percentage, `percent` of 100 ("75%", "75 %"). */
export function formatPercent(percent: number, locale: string): string {
  return (
    cached(
      `percent|${locale}`,
      () => new Intl.NumberFormat(locale, { style: 'percent' }),
    ) as Intl.NumberFormat
  ).format(percent / 100);
}
