// The CSV export, loaded on the first click of Export CSV: a page that only looks at the grid does
// not download it.
import type { LicenceType, UsagePage, UsageQuery } from '../../core/index.js';
import type { UsageOverviewMessages } from './usage-overview.messages.js';
import type { UsageFilter } from './usage-pages.js';

/** Agents per request of the export: fewer, larger requests than scrolling makes. */
export const EXPORT_PAGE = 1000;

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
  m: UsageOverviewMessages,
  signal: AbortSignal,
): Promise<{ blob: Blob; rows: number }> {
  const parts = [csvRow([m.csvName, m.csvEmail, ...catalog.map((type) => type.name)])];
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
        ...catalog.map((type) => (held.has(type.id) ? m.csvYes : m.csvNo)),
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
