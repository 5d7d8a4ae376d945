// What `<licence-history>`'s filters ask of the adapter: the period as instants from the user's
// clock, the type filter, the page; and every page of it at once for the CSV export. Apart from the
// element because it is the one place that turns what the user picked into `listHistory` calls.
import type { HistoryEntry, HistoryQuery, LicensingSnapshot } from '../../core/index.js';
import { listHistory } from '../../state/history.js';
import type { LicensingStore } from '../../state/licensing-store.js';

/** The periods the filter offers. */
export type HistoryPeriod = 'all' | 'month' | '90d' | '12m';
export const PERIODS: readonly HistoryPeriod[] = ['all', 'month', '90d', '12m'];
const DAY_MS = 86_400_000;
/** Entries per request of the CSV export. */
const EXPORT_PAGE = 200;

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

/** Every commit matching the filters, fetched in pages of EXPORT_PAGE. */
export async function allHistory(
  store: LicensingStore,
  snapshot: LicensingSnapshot,
  filters: HistoryFilters,
): Promise<HistoryEntry[]> {
  const entries: HistoryEntry[] = [];
  for (let offset = 0; ; offset += EXPORT_PAGE) {
    const page = await listHistory(store, historyQuery(snapshot, filters, offset, EXPORT_PAGE));
    entries.push(...page.entries);
    if (page.entries.length < EXPORT_PAGE || entries.length >= page.total) break;
  }
  return entries;
}

/** `page-size` as the contract takes it: a whole number from 1 to 200 (20 when it is none). */
export function historyPageSize(size: number): number {
  return Math.min(200, Math.max(1, Math.floor(size) || 20));
}
