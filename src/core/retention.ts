// R6 retention (docs/rules.md): "Minimum 3 months; can be increased in increments of 3 months (e.g.
// 3, 6, 9 months, 1 year, 1 year and 3 months, …)", "14 days – Free", "Each 3-month increment
// counts as one additional licence unit per user. For example, a 9-month retention period
// multiplies the licence count by 3", and "The retention period is set globally for all users."

import { isWhole } from './parse.js';
import type { Retention } from './types.js';

/** Months per billed step of retention (R6). */
export const RETENTION_STEP_MONTHS = 3;

/** The free retention (R6): 14 days, billed at ×0. */
export const FREE_RETENTION: Retention = Object.freeze({ days: 14 });

/**
 * How far `retentionOptions` lists when the snapshot sets no `recording.maxMonths`. R6 names
 * no upper bound, but a picker needs a finite list; ten years covers every retention law we know of.
 */
export const DEFAULT_MAX_RETENTION_MONTHS = 120;

/**
 * R6: whether `r` is an allowed retention: 14 days, or a whole number of months, at least 3, in
 * steps of 3, and at most `maxMonths` when one is given.
 */
export function isValidRetention(r: Retention, maxMonths?: number): boolean {
  if ('days' in r) return r.days === 14;
  const { months } = r;
  return (
    isWhole(months) &&
    months >= RETENTION_STEP_MONTHS &&
    months % RETENTION_STEP_MONTHS === 0 &&
    (maxMonths === undefined || months <= maxMonths)
  );
}

/**
 * R6: every retention the account may choose, shortest first: 14 days, then 3, 6, 9, … months up
 * to `maxMonths` (rounded down to a whole step). Throws a RangeError for a non-finite maximum.
 */
export function retentionOptions(maxMonths: number = DEFAULT_MAX_RETENTION_MONTHS): Retention[] {
  if (!Number.isFinite(maxMonths)) throw new RangeError(`Not a finite number of months: ${maxMonths}`);
  const options: Retention[] = [{ days: 14 }];
  for (let months = RETENTION_STEP_MONTHS; months <= maxMonths; months += RETENTION_STEP_MONTHS) {
    options.push({ months });
  }
  return options;
}

/**
 * R6 (priced by R5): billed units per recording licence. 14 days → 0 (free); n months → n / 3, so
 * 9 months → ×3. Throws a RangeError for a retention `isValidRetention` rejects.
 */
export function retentionMultiplier(r: Retention): number {
  if (!isValidRetention(r)) throw new RangeError(`Not a valid retention: ${JSON.stringify(r)}`);
  return 'days' in r ? 0 : r.months / RETENTION_STEP_MONTHS;
}

/** R6: whether two retentions are the same setting. */
export function isSameRetention(a: Retention, b: Retention): boolean {
  return compareRetention(a, b) === 0;
}

/** Length in days for ordering only: 14 days sorts before every month-based retention. */
function rank(r: Retention): number {
  return 'days' in r ? r.days : r.months * 31;
}

/**
 * R6: orders retentions by length (negative when `a` is shorter). Shortening the retention warns
 * that older recordings will no longer be kept.
 */
export function compareRetention(a: Retention, b: Retention): number {
  return Math.sign(rank(a) - rank(b));
}

/**
 * The parts of a retention label, for the localisation layer to word in any language: 15 months is
 * `{ kind: 'months', years: 1, months: 3 }`.
 */
export type RetentionLabelParts =
  | { readonly kind: 'days'; readonly days: number }
  | { readonly kind: 'months'; readonly years: number; readonly months: number };

/** R6: a retention split into whole years and remaining months, for a label. */
export function retentionLabelParts(r: Retention): RetentionLabelParts {
  if ('days' in r) return { kind: 'days', days: r.days };
  return { kind: 'months', years: Math.floor(r.months / 12), months: r.months % 12 };
}

function plural(n: number, one: string, other: string): string {
  return `${n} ${n === 1 ? one : other}`;
}

/**
 * R6: the English label docs/rules.md gives: "14 days", "3 months", "1 year", "1 year and 3 months",
 * "2 years and 6 months". Other languages format `retentionLabelParts` themselves.
 */
export function formatRetentionEn(r: Retention): string {
  const parts = retentionLabelParts(r);
  if (parts.kind === 'days') return plural(parts.days, 'day', 'days');
  const years = parts.years > 0 ? plural(parts.years, 'year', 'years') : '';
  const months = parts.months > 0 ? plural(parts.months, 'month', 'months') : '';
  return years && months ? `${years} and ${months}` : years || months;
}

/**
 * R6: a retention as an ISO 8601 duration ('P14D', 'P9M'): a stable string for a form value or a
 * URL, which `parseRetention` reads back.
 */
export function retentionToString(r: Retention): string {
  return 'days' in r ? `P${r.days}D` : `P${r.months}M`;
}

/** R6: reads what `retentionToString` wrote; `null` for anything that is not an allowed retention. */
export function parseRetention(text: string): Retention | null {
  const match = /^P([0-9]{1,6})([DM])$/.exec(text.trim());
  if (!match) return null;
  const n = Number(match[1]);
  if (match[2] === 'D') return n === 14 ? { days: 14 } : null;
  return isValidRetention({ months: n }) ? { months: n } : null;
}
