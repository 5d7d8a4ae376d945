// What `<licence-history>`'s filters ask of the adapter: the period as instants from the user's
// clock, the type filter, the page (the CSV export, licence-history.export.ts, asks for each page).
// Apart from the element: the one place that turns what the user picked into `listHistory` calls.
import type { HistoryQuery, LicensingSnapshot } from '../../core/index.js';

/** The periods the filter offers. */
export type HistoryPeriod = 'all' | 'month' | '90d' | '12m';
export const PERIODS: readonly HistoryPeriod[] = ['all', 'month', '90d', '12m'];
const DAY_MS = 86_400_000;

/** The filters as the user set them. */
export interface HistoryFilters {
  readonly typeFilter: string;
  readonly period: HistoryPeriod;
}

/** The adapter's query for the filters, with the period as instants from the user's clock. */
export function historyQuery(
  snapshot: LicensingSnapshot,
  filters: HistoryFilters,
  offset: number,
  limit: number,
): HistoryQuery {
  const now = Date.now();
  const from =
    filters.period === 'month'
      ? new Date(`${snapshot.period.start.slice(0, 10)}T00:00:00Z`).toISOString() // periods are UTC days
      : filters.period === '90d'
        ? new Date(now - 90 * DAY_MS).toISOString()
        : filters.period === '12m'
          ? new Date(new Date(now).setFullYear(new Date(now).getFullYear() - 1)).toISOString()
          : undefined;
  return {
    offset,
    limit,
    ...(filters.typeFilter ? { type: filters.typeFilter } : {}),
    ...(from ? { from } : {}),
  };
}

/** `page-size` as the contract takes it: a whole number from 1 to 200 (20 when it is none). */
export function historyPageSize(size: number): number {
  return Math.min(200, Math.max(1, Math.floor(size) || 20));
}
