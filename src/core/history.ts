// The licence history (issue #20): the account's accepted commits as the backend recorded them —
// who, when, each change from → to, and what the quote said then about this month's and next
// month's invoice. Pure: the memory adapter, the MSW handlers and the reference server build,
// filter and page entries with these functions, and the element describes them.

import { csvCell, csvRow, decimal } from './csv.js';
import type { Quote } from './quote.js';
import type { ChangeSet, Money, Retention } from './types.js';

/** One value a commit changed, from → to. */
export type HistoryChange =
  | { readonly kind: 'count'; readonly typeId: string; readonly from: number; readonly to: number }
  | { readonly kind: 'retention'; readonly from: Retention; readonly to: Retention }
  | { readonly kind: 'speech-to-text'; readonly from: boolean; readonly to: boolean }
  | { readonly kind: 'speech-to-text-limit'; readonly from: number | null; readonly to: number | null }
  | { readonly kind: 'power-pack'; readonly from: boolean; readonly to: boolean }
  | {
      readonly kind: 'power-pack-limit';
      readonly serviceId: string;
      readonly from: number | null;
      readonly to: number | null;
    };

/** One accepted commit. */
export interface HistoryEntry {
  /** Unique within the account; stable across pages. */
  readonly id: string;
  /** When the commit was accepted, ISO 8601 date-time. */
  readonly at: string;
  /** Who committed it, as the backend names the user. */
  readonly user: string;
  /** The snapshot version the commit made. */
  readonly version: string;
  /** What changed, in the order the cart lists it: seat counts, retention, Speech-to-Text, Power Pack. */
  readonly changes: readonly HistoryChange[];
  /** The change to this month's invoice, as quoted when it was committed (seat lines, R5). */
  readonly thisMonth: Money;
  /** The change to next month's invoice, as quoted when it was committed. */
  readonly nextMonth: Money;
}

/**
 * What a history filter can name: a catalog licence type id, or one of the account-wide
 * settings `retention`, `speech-to-text`, `power-pack`.
 */
export type HistorySubject = string;

/** The filters of a history page. */
export interface HistoryFilter {
  /** Only commits that changed this licence type or setting (see `HistorySubject`). */
  readonly type?: HistorySubject;
  /** Only commits at or after this instant (ISO 8601 date-time). */
  readonly from?: string;
  /** Only commits before this instant (ISO 8601 date-time). */
  readonly to?: string;
}

/** One page request of the history; newest first. */
export interface HistoryQuery extends HistoryFilter {
  readonly offset: number;
  readonly limit: number;
}

/** One page of the history. */
export interface HistoryPage {
  /** Commits matching the filters, all pages together. */
  readonly total: number;
  /** Newest first. */
  readonly entries: readonly HistoryEntry[];
}

/** What a backend records of a commit, from which `historyEntry` makes the entry. */
export interface HistoryRecord {
  readonly id: string;
  readonly at: string;
  readonly user: string;
  readonly version: string;
  readonly changes: ChangeSet;
  /** `quote(before, changes)` when it was committed. */
  readonly quote: Quote;
}

/**
 * The changes of a commit, read from its quote (which holds each value from → to): seat counts
 * that moved, the retention, the Speech-to-Text switch and limit, the Power Pack switch and each
 * service limit that moved. A recording line re-priced by a retention change alone is the
 * retention change, not a count.
 */
export function historyChanges(quote: Quote): HistoryChange[] {
  const changes: HistoryChange[] = [];
  for (const line of quote.lines) {
    if (line.count.from !== line.count.to) {
      changes.push({ kind: 'count', typeId: line.typeId, from: line.count.from, to: line.count.to });
    }
  }
  if (quote.retention)
    changes.push({ kind: 'retention', from: quote.retention.from, to: quote.retention.to });
  const stt = quote.speechToText;
  if (stt && stt.enabled.from !== stt.enabled.to) {
    changes.push({ kind: 'speech-to-text', from: stt.enabled.from, to: stt.enabled.to });
  }
  if (stt && stt.limitOverBase.from !== stt.limitOverBase.to) {
    changes.push({ kind: 'speech-to-text-limit', from: stt.limitOverBase.from, to: stt.limitOverBase.to });
  }
  const pp = quote.powerPack;
  if (pp && pp.enabled.from !== pp.enabled.to) {
    changes.push({ kind: 'power-pack', from: pp.enabled.from, to: pp.enabled.to });
  }
  for (const service of pp?.services ?? []) {
    if (service.limit.from !== service.limit.to) {
      changes.push({
        kind: 'power-pack-limit',
        serviceId: service.serviceId,
        from: service.limit.from,
        to: service.limit.to,
      });
    }
  }
  return changes;
}

/** The history entry of a recorded commit: its changes and the invoice deltas quoted then. */
export function historyEntry(record: HistoryRecord): HistoryEntry {
  return {
    id: record.id,
    at: record.at,
    user: record.user,
    version: record.version,
    changes: historyChanges(record.quote),
    thisMonth: record.quote.totals.thisMonth.delta,
    nextMonth: record.quote.totals.nextMonth.delta,
  };
}

/** The licence type or setting a change is about, as a filter names it. */
export function historySubject(change: HistoryChange): HistorySubject {
  switch (change.kind) {
    case 'count':
      return change.typeId;
    case 'retention':
      return 'retention';
    case 'speech-to-text':
    case 'speech-to-text-limit':
      return 'speech-to-text';
    case 'power-pack':
    case 'power-pack-limit':
      return 'power-pack';
  }
}

/**
 * Whether `entry` passes `filter`: it changed the filter's type (any change of it), and it was
 * committed in [from, to). Instants are compared as times, so any ISO 8601 offset works.
 */
export function historyMatches(entry: HistoryEntry, filter: HistoryFilter): boolean {
  if (filter.type !== undefined && !entry.changes.some((change) => historySubject(change) === filter.type)) {
    return false;
  }
  const at = Date.parse(entry.at);
  if (filter.from !== undefined && at < Date.parse(filter.from)) return false;
  if (filter.to !== undefined && at >= Date.parse(filter.to)) return false;
  return true;
}

/** Newest first; the same instant by id, descending (`h10` after `h9`), so pages are stable. */
export function compareHistory(a: HistoryEntry, b: HistoryEntry): number {
  return Date.parse(b.at) - Date.parse(a.at) || b.id.localeCompare(a.id, 'en', { numeric: true });
}

/** One page of `entries` for `query`: filtered, newest first, then `offset` and `limit`. */
export function historyPage(entries: readonly HistoryEntry[], query: HistoryQuery): HistoryPage {
  const matching = entries.filter((entry) => historyMatches(entry, query)).sort(compareHistory);
  return { total: matching.length, entries: matching.slice(query.offset, query.offset + query.limit) };
}

/** How the CSV export writes each cell, in the user's language. */
export interface HistoryCsvFormat {
  /** The header row: when, who, change, this month, next month, currency. */
  readonly header: readonly [string, string, string, string, string, string];
  readonly when: (at: string) => string;
  readonly change: (change: HistoryChange) => string;
}

/**
 * The entries as CSV text (RFC 4180, CRLF, formula-safe through `csvRow`): one row per change, so
 * a spreadsheet can filter by it; the invoice columns on the first row of each commit only, so a
 * column sum is the commits' total, as plain decimals ("-48.00", `decimal`) with the currency in
 * a column of its own. A commit without a readable change still gets its row.
 */
export function historyCsv(entries: readonly HistoryEntry[], format: HistoryCsvFormat): string {
  let text = csvRow(format.header);
  for (const entry of entries) {
    const when = format.when(entry.at);
    const changes = entry.changes.length ? entry.changes.map(format.change) : [''];
    changes.forEach((change, i) => {
      const money =
        i === 0
          ? [decimal(entry.thisMonth), decimal(entry.nextMonth), entry.thisMonth.currency]
          : ['', '', ''];
      text += [when, entry.user, change, ...money].map(csvCell).join(',') + '\r\n';
    });
  }
  return text;
}
