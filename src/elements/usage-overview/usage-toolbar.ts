import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { LicenceType } from '../../core/index.js';
import { entryFor } from '../../i18n/names.js';
import type { UsageOverviewMessages } from './usage-overview.messages.js';
import type { UsageFilter, UsagePages, UsageResult } from './usage-pages.js';

/** Whom the toolbar tells: the overview's handlers. */
export interface ToolbarHandlers {
  readonly onTypeChange: (event: Event) => void;
  readonly onSearchInput: (event: Event) => void;
  readonly onSearchKeydown: (event: KeyboardEvent) => void;
  readonly onExport: () => void;
}

/**
 * The row above `<usage-overview>`'s grid: the licence-type filter (each type with its count for
 * the search), the search field, the number of matching agents and the CSV export.
 */
export function usageToolbar(
  m: UsageOverviewMessages,
  pages: UsagePages,
  /** The query whose rows are on screen. */
  shown: UsageResult | undefined,
  /** The licence types with their names in the page's language. */
  catalog: readonly LicenceType[],
  /** The applied filter (the search after its debounce). */
  filter: UsageFilter,
  /** The text in the search box, ahead of the filter while the debounce runs. */
  typed: string,
  exporting: boolean,
  view: ToolbarHandlers,
): TemplateResult {
  const { typeId } = filter;
  const counts = shown?.filter.search === filter.search ? shown.countsByType : undefined;
  const allTotal = pages.totalFor({ typeId: '', search: filter.search });
  const known = catalog.some((type) => type.id === typeId);
  const total = shown?.total;
  return html`<div part="toolbar">
    <label part="filter" class="field">
      <span class="label">${m.filterLabel}</span>
      <select part="filter-select" .value=${live(typeId)} @change=${view.onTypeChange}>
        <option value="" ?selected=${!typeId}>${m.allTypes(allTotal)}</option>
        ${catalog.map(
          (type) =>
            html`<option value=${type.id} ?selected=${type.id === typeId}>
              ${m.typeOption(type.name, counts ? (entryFor(counts, type.id) ?? 0) : undefined)}
            </option>`,
        )}
        ${typeId && !known ? html`<option value=${typeId} selected>${typeId}</option>` : nothing}
      </select>
    </label>
    <label part="search" class="field">
      <span class="label">${m.searchLabel}</span>
      <input
        part="search-input"
        type="search"
        autocomplete="off"
        spellcheck="false"
        placeholder=${m.searchPlaceholder}
        .value=${live(typed)}
        @input=${view.onSearchInput}
        @keydown=${view.onSearchKeydown}
      />
    </label>
    <p part="count" class="count" role="status">
      ${total === undefined ? (pages.status === 'loading' ? m.counting : '') : m.matching(total)}
    </p>
    <button
      part="export-button"
      class="button"
      type="button"
      ?disabled=${exporting || !total}
      aria-busy=${exporting ? 'true' : 'false'}
      @click=${view.onExport}
    >
      ${exporting ? m.exporting : m.exportCsv}
    </button>
  </div>`;
}
