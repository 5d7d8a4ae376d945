// The history's "Export CSV", loaded on its first click (the list never needs it): every commit
// of the filters, fetched in pages, written as CSV in the list's words and saved as a file.
import { historyCsv, type HistoryEntry, type LicensingSnapshot } from '../../core/index.js';
import type { CommonMessages } from '../../i18n/common.js';
import type { LicensingStore } from '../../state/licensing-store.js';
import { downloadBlob } from '../../ui/download.js';
import type { LicenceHistoryMessages } from './licence-history.messages.js';
import { historyQuery, type HistoryFilters } from './licence-history.query.js';
import { listHistory } from '../../state/history.js';
import { describeChange, formatWhen } from './licence-history.text.js';

/** Entries per request of the CSV export. */
const EXPORT_PAGE = 200;

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

/** The CSV file of `entries` (formula-safe, with a byte-order mark for spreadsheets). */
export function historyCsvBlob(
  entries: readonly HistoryEntry[],
  snapshot: LicensingSnapshot,
  m: LicenceHistoryMessages,
  t: CommonMessages,
  lang: string,
): Blob {
  const text = historyCsv(entries, {
    header: m.csvHeader,
    when: (at) => formatWhen(at, lang),
    change: (change) => describeChange(change, snapshot, m, t),
  });
  return new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
}

/** Every commit matching `filters`, saved as a CSV file through a link in `container`. */
export async function exportHistory(
  store: LicensingStore,
  snapshot: LicensingSnapshot,
  filters: HistoryFilters,
  words: { m: LicenceHistoryMessages; t: CommonMessages; lang: string },
  container: ParentNode,
): Promise<void> {
  const { m, t, lang } = words;
  const entries = await allHistory(store, snapshot, filters);
  const blob = historyCsvBlob(entries, snapshot, m, t, lang);
  downloadBlob(blob, m.filename(new Date().toISOString().slice(0, 10)), container);
}
