// The CSV export, loaded on the first click of Export CSV: a page that only looks at the grid does
// not download it.
import type { LicenceType, UsagePage, UsageQuery } from '../../core/index.js';
import { csvRow } from '../../core/csv.js';
import type { UsageOverviewMessages } from './usage-overview.messages.js';
import type { UsageFilter } from './usage-pages.js';

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
