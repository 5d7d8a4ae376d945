// CSV (RFC 4180) that a spreadsheet opens as text: the one helper of every export (the usage
// overview's agents, the licence history, the cart's summary). Pure: no DOM, no Blob.
import type { Money } from './types.js';

/**
 * One CSV field (RFC 4180), safe to open in a spreadsheet: a value that a spreadsheet would run as
 * a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`, so an
 * agent named `=HYPERLINK(…)` stays text (CSV injection); quotes, commas and line breaks are quoted.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV record, with the CRLF line end RFC 4180 asks for. */
export function csvRow(values: readonly string[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

/**
 * An amount as a plain decimal a spreadsheet sums ("-48.00"), in the currency's minor digits (as
 * `Intl` knows them: 2 for EUR, 0 for JPY); the currency goes in a column of its own.
 */
export function decimal(money: Money): string {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency: money.currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  return (money.amount / 10 ** digits).toFixed(digits);
}

/** A CSV field that keeps a plain decimal ("-48.00") a number and makes any other text formula-safe. */
export function csvCell(value: string): string {
  return /^-?\d+(\.\d+)?$/.test(value) ? value : csvField(value);
}
