// The CSV export, loaded on the first click of Export CSV: a page that only looks at the grid does
// not download it.
import type { LicenceType, UsagePage, UsageQuery } from '../../core/index.js';
import { csvRow } from '../../core/csv.js';
import type { LocaleController } from '../../i18n/locale.js';
import type { LicensingStore } from '../../state/licensing-store.js';
import { downloadBlob } from '../../ui/download.js';
import type { UsageFilter } from './usage-pages.js';

/** What the CSV file says (section `usage-csv`), in English: it loads with the export. */
export const messages = {
  name: 'Name',
  email: 'Email',
  yes: 'yes',
  no: 'no',
  filename: (date: string) => `licence-usage-${date}.csv`,
};

export type UsageCsvMessages = typeof messages;

/** Agents per request of the export: fewer, larger requests than scrolling makes. */
export const EXPORT_PAGE = 1000;

// The helpers moved to src/core/csv.ts (the licence history exports through them too).
export { csvField, csvRow } from '../../core/csv.js';

const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Every agent of `filter` as CSV (with a BOM, so spreadsheets read UTF-8), fetched in pages of
 * `EXPORT_PAGE` and yielding to the browser between them, so no task runs long at 100,000 agents.
 * Rejects when `signal` aborts.
 */
export async function usageCsv(
  fetchPage: (query: UsageQuery, signal: AbortSignal) => Promise<UsagePage>,
  filter: UsageFilter,
  catalog: readonly LicenceType[],
  m: UsageCsvMessages,
  signal: AbortSignal,
): Promise<{ blob: Blob; rows: number }> {
  const parts = [csvRow([m.name, m.email, ...catalog.map((type) => type.name)])];
  let rows = 0;
  for (let offset = 0; ; offset += EXPORT_PAGE) {
    const page = await fetchPage(
      {
        ...(filter.typeId ? { typeId: filter.typeId } : {}),
        ...(filter.search ? { search: filter.search } : {}),
        offset,
        limit: EXPORT_PAGE,
      },
      signal,
    );
    let chunk = '';
    for (const agent of page.agents) {
      const held = new Set(agent.licences);
      chunk += csvRow([
        agent.name,
        agent.email ?? '',
        ...catalog.map((type) => (held.has(type.id) ? m.yes : m.no)),
      ]);
    }
    parts.push(chunk);
    rows += page.agents.length;
    if (page.agents.length < EXPORT_PAGE || offset + EXPORT_PAGE >= page.total) break;
    await yieldToBrowser();
    signal.throwIfAborted();
  }
  return { blob: new Blob(['\uFEFF', ...parts], { type: 'text/csv;charset=utf-8' }), rows };
}

/**
 * Fetches every agent of `filter` (`usageCsv`) and hands the CSV over through
 * `licence-usage-export` on `host`, then downloads it unless a listener cancelled the event.
 * Rejects when `signal` aborts or a page fails.
 */
export async function exportUsage(
  host: HTMLElement,
  store: LicensingStore,
  filter: UsageFilter,
  catalog: readonly LicenceType[],
  locale: LocaleController,
  signal: AbortSignal,
): Promise<void> {
  const m = locale.section('usage-csv', messages);
  const { blob, rows } = await usageCsv(
    (query, pageSignal) => store.listUsage(query, { signal: pageSignal }),
    filter,
    catalog,
    m,
    signal,
  );
  const filename = m.filename(new Date().toISOString().slice(0, 10));
  // Not `emit` from events.ts: sharing it with the overview's chunk would cost every page bytes.
  const detail = { ...filter, blob, filename, rows };
  const event = new CustomEvent('licence-usage-export', {
    detail,
    bubbles: true,
    composed: true,
    cancelable: true,
  });
  if (host.dispatchEvent(event)) downloadBlob(blob, filename, host.shadowRoot ?? host);
}
