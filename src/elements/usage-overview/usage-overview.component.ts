import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { isAbortError, toLicensingError, type LicensingError } from '../../adapters/errors.js';
import { LicensingWidget } from '../../base/licensing-widget.js';
import { inLanguage } from '../../i18n/names.js';
import { canView, type LicenceType } from '../../core/index.js';
import { emit } from '../../events.js';
import type { LicensingStore } from '../../state/licensing-store.js';
import type { AssignController } from './assign.js';
import { GridKeyboardController } from './grid-keyboard.controller.js';
import { RowWindowController } from './row-window.controller.js';
import { messages, type UsageOverviewMessages } from './usage-overview.messages.js';
import { styles } from './usage-overview.styles.js';
import { usageGrid } from './usage-grid.js';
import { usageToolbar } from './usage-toolbar.js';
import { UsagePages, type UsageFilter, type UsageResult } from './usage-pages.js';

/**
 * @tagname usage-overview
 * @summary Which agents hold which licences: filter by licence type, search, and a virtualised grid
 * that stays fast and small at 100,000 agents.
 *
 * Rows come page by page through the store's `listUsage` (filtering and search happen in the
 * adapter) as they scroll into view, and only the rows in view are in the DOM: every row has one
 * height, so which rows are in view is arithmetic, nothing is measured per row, and the DOM and
 * the scroll height stay the same at 50 agents or at 1,000,000. The grid follows the
 * ARIA grid pattern: one tab stop; arrow keys move between cells, Page Up / Page Down by a screen,
 * Home / End to the row's first / last cell, Ctrl+Home / Ctrl+End to the first / last agent. With
 * `view` permission it is the same view; with `none` only the no-access notice shows (R1).
 * Narrower than 600 px (a container query on the element) each agent is a card listing every
 * licence type, ✓ held or – not, in one or two columns; the same grid and keys. Licence names are
 * in the page's language when the data gives them (`names`).
 *
 * With `update` and an adapter offering `assign`/`unassign` (R12), agents can be selected (checkbox,
 * Space, Shift-click, "Select all N matching") and freed or given a licence from a toolbar, with a
 * confirmation and Undo; a blocked reduction (R3) shows a banner leading back to the cart. That
 * code (assign.ts) loads on first use; otherwise the overview stays read-only. The toolbar is one
 * Tab stop (APG "Toolbar"): Left / Right (wrapping) and Home / End move between its controls, Tab
 * comes back to the one focused last; an action it cannot take now is `aria-disabled`, still focusable.
 *
 * @event licence-usage-filter-change - The user changed the licence type or the search (after the debounce); `detail: { typeId, search }`.
 * @event licence-back-to-cart - "Back to the cart" in the banner: enough licences of `detail.typeId` were freed for the pending reduction.
 * @event licence-usage-export - The CSV export is ready; `detail: { blob, filename, rows, typeId, search }`. Cancel it to handle the file yourself instead of the download.
 *
 * @csspart base - Everything below the status states.
 * @csspart toolbar - The row with the filter, the search, the count and the export button.
 * @csspart filter - The licence-type filter's label and select.
 * @csspart filter-select - The licence-type select.
 * @csspart search - The search field's label and input.
 * @csspart search-input - The search input.
 * @csspart count - The number of matching agents (a polite live region).
 * @csspart export-button - The CSV export button.
 * @csspart table - The grid; it scrolls.
 * @csspart header - The sticky header row.
 * @csspart column-header - A column header (the agent column and each licence type).
 * @csspart body - The rows' container.
 * @csspart row - An agent's row.
 * @csspart loading-row - A row whose agent is still being fetched (with `row`).
 * @csspart agent - The agent cell: name and email.
 * @csspart agent-email - The agent's email.
 * @csspart mark - A licence cell.
 * @csspart mark-yes - A licence cell of an agent holding that type (with `mark`).
 * @csspart mark-no - A licence cell of an agent not holding that type (with `mark`).
 * @csspart empty - The no-agents and no-match notices.
 * @csspart clear-button - The button of the no-match notice that clears filter and search.
 * @csspart message - A failure of some rows or of the export, above the grid.
 * @csspart status - Loading, error, no-access and not-connected states.
 * @csspart select - An agent's selection checkbox (assignment).
 * @csspart selected-count - "3 selected" (a polite live region).
 * @csspart selection-toolbar - The toolbar acting on the selection.
 * @csspart remove-button - "Remove Voice licence from 3 agents".
 * @csspart assign-button - "Assign Voice to 2 agents".
 * @csspart available - How many licences of the type are available, or why assigning is off.
 * @csspart assign-dialog - The confirmation dialog.
 * @csspart refusal - R12's refusal in the confirmation ("Outbound needs Voice: …").
 * @csspart confirm-button - The confirmation's Remove / Assign button.
 * @csspart toast - "Removed Voice from 3 agents" with Undo (a polite live region).
 * @csspart undo-button - The toast's Undo.
 * @csspart banner - "Free 3 Voice licences to reduce to 8", then the way back to the cart.
 * @csspart back-button - The banner's "Back to the cart".
 * @csspart retry-button - The retry button of an error.
 *
 * @cssproperty --usage-overview-height - Height of the grid (it scrolls inside) when the element has no height of its own. Default 28rem; give the element a height (e.g. in a dialog or panel) and the grid fills it instead.
 * @cssproperty --usage-overview-row-height - Height of a row (rows have one fixed height). Default 3rem.
 * @cssproperty --usage-overview-name-width - Minimum width of the agent column. Default 15rem.
 * @cssproperty --usage-overview-column-width - Width of each licence column. Default 6.5rem.
 * @cssproperty --usage-overview-background - Background of the grid and its rows.
 * @cssproperty --usage-overview-header-background - Background of the sticky header.
 * @cssproperty --usage-overview-border-color - Grid and row borders.
 * @cssproperty --usage-overview-row-hover-background - Background of the row under the pointer or holding focus.
 * @cssproperty --usage-overview-mark-color - Colour of the check mark of a held licence.
 * @cssproperty --usage-overview-no-mark-color - Colour of the dash of a licence not held.
 * @cssproperty --usage-overview-selected-background - Background of a selected row.
 *
 * @cssstate empty - There are no agents at all.
 * @cssstate no-match - No agent matches the filter and search.
 */
export class UsageOverview extends LicensingWidget {
  static override styles = [LicensingWidget.styles, styles];

  /** Show only agents holding this licence type (a catalog id); empty shows every agent. */
  @property({ attribute: 'type-id' }) typeId = '';

  /** Show only agents whose name or email contains this text (case and accents do not matter). */
  @property() search = '';

  /** Milliseconds after the last keystroke before the search runs. */
  @property({ type: Number, attribute: 'search-delay' }) searchDelay = 200;

  /** Agents fetched per `listUsage` request while scrolling. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 100;

  /** The text in the search box, ahead of `search` while the debounce runs. */
  @state() private typed = '';
  @state() private exporting = false;
  @state() private exportError: LicensingError | undefined;

  private pages: UsagePages | undefined;
  /** The selection and its actions (assign.ts), loaded once the store can assign for an `update` user. */
  private assign: AssignController | null | undefined;
  private pagesStore: LicensingStore | undefined;
  private pagesVersion: string | undefined;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private exportController: AbortController | undefined;
  private readonly rowWindow = new RowWindowController(this, () => this.pages?.shown?.total ?? 0);
  /** The cell holding the grid's one tab stop: agent index and column (0 = agent column). */
  private readonly keyboard = new GridKeyboardController(this, this.rowWindow, () => this.catalog.length);
  private get m(): UsageOverviewMessages {
    return this.locale.section('usage-overview', messages);
  }

  /**
   * The licence types with their names in the page's language (the filter, the columns, the CSV).
   * Read only while the element shows data (a toolbar, a grid), so with a snapshot.
   */
  private get catalog(): readonly LicenceType[] {
    return this.state!.snapshot!.catalog.map((type) => inLanguage(type, this.locale.lang));
  }

  private get filter(): UsageFilter {
    return { typeId: this.typeId, search: this.search.trim() };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.debounce);
    this.debounce = undefined;
    this.exportController?.abort();
    this.pages?.dispose();
    this.pages = undefined;
    this.pagesStore = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('search') && this.debounce === undefined) this.typed = this.search;
    // Any new filter (the user's, or a host's, e.g. "see who uses Outbound") starts at its top.
    if (this.hasUpdated && (changed.has('typeId') || changed.has('search'))) {
      this.keyboard.reset();
      this.rowWindow.reset();
    }
    this.syncQuery();
  }

  protected override updated(): void {
    const grid = this.rowWindow.grid;
    if (!grid) return;
    this.pages?.ensure(this.rowWindow.window.first, this.rowWindow.window.last);
    // A narrow element shows each agent as a card listing every licence type in one or two columns:
    // the card's height (one for every row) needs their lines. CSSOM, so a strict CSP holds.
    const types = this.state!.snapshot!.catalog.length;
    grid.style.setProperty('--_types', String(types));
    grid.style.setProperty('--_half', String(Math.ceil(types / 2)));
  }

  /** Keeps the page cache on the current store, data version, page size and filter. */
  private syncQuery(): void {
    const store = this.licensing.store;
    const snapshot = this.state?.snapshot;
    if (!store || !snapshot || !canView(snapshot.permission) || !this.isConnected) return;
    const size = Math.max(1, Math.floor(this.pageSize) || 100);
    if (!this.pages || store !== this.pagesStore || this.pages.options.pageSize !== size) {
      this.pages?.dispose();
      this.pages = new UsagePages(
        (query, signal) => store.listUsage(query, { signal }),
        () => this.requestUpdate(),
        { pageSize: size },
      );
      this.pagesStore = store;
      this.pagesVersion = snapshot.version;
    } else if (snapshot.version !== this.pagesVersion) {
      // A commit or another admin changed the data: who holds what may have changed too.
      this.pagesVersion = snapshot.version;
      this.pages.reset();
    }
    this.pages.request(this.filter);
    // `canAssign`: the adapter offers assign and unassign, and the user has `update` (R1, R12).
    if (this.assign === undefined && store.canAssign) {
      this.assign = null;
      void import('./assign.js').then((m) => {
        this.assign = new m.AssignController(this, {
          licensing: this.licensing,
          locale: this.locale,
          shown: () => this.pages?.shown,
          errorText: (error) => this.errorText(error),
          catalog: () => this.catalog,
          lit: { html, nothing, live },
        });
        this.requestUpdate();
      });
    }
  }

  override render() {
    const status = this.renderStatus();
    const pages = this.pages;
    if (status || !pages) {
      this.setState('empty', false);
      this.setState('no-match', false);
      return status ?? nothing;
    }
    const m = this.m;
    const shown = pages.shown;
    const current = pages.current;
    return html`<div part="base">
      ${usageToolbar(m, pages, shown, this.catalog, this.filter, this.typed, this.exporting, {
        onTypeChange: this.onTypeChange,
        onSearchInput: this.onSearchInput,
        onSearchKeydown: this.onSearchKeydown,
        onExport: this.exportCsv,
      })}
      ${this.assign?.render()}
      ${
        this.exportError
          ? html`<p part="message" class="message" role="alert">
              ${m.exportFailed} ${this.errorText(this.exportError)}
            </p>`
          : nothing
      }
      ${
        current && current === shown && current.error
          ? html`<div part="message" class="message" role="alert">
              <span>${m.pageFailed} ${this.errorText(current.error)}</span>
              <button class="button" part="retry-button" type="button" @click=${this.retry}>
                ${this.t.retry}
              </button>
            </div>`
          : nothing
      }
      ${this.renderBody(pages, shown)}
    </div>`;
  }

  private renderBody(pages: UsagePages, shown: UsageResult | undefined): TemplateResult {
    const m = this.m;
    const empty = shown?.total === 0 && !shown.filter.typeId && !shown.filter.search;
    const noMatch = shown?.total === 0 && !empty;
    this.setState('empty', Boolean(empty));
    this.setState('no-match', Boolean(noMatch));
    if (pages.status === 'error') {
      // 'error' is the current query's first page failing: its error is there.
      const error = pages.current!.error!;
      return html`<div part="status" data-kind="error" role="alert">
        <span>${m.usageFailed} ${this.errorText(error)}</span>
        <button class="button" part="retry-button" type="button" @click=${this.retry}>${this.t.retry}</button>
      </div>`;
    }
    if (!shown || shown.total === undefined) {
      return html`<div part="status" role="status" aria-busy="true">
        <span class="visually-hidden">${m.loadingAgents}</span>
        <span class="skeleton" aria-hidden="true"></span>
      </div>`;
    }
    if (empty) return html`<p part="empty" class="empty">${m.empty}</p>`;
    if (noMatch) {
      return html`<div part="empty" class="empty">
        <p>${shown.filter.search ? m.noMatchSearch(shown.filter.search) : m.noMatch}</p>
        <button class="button" part="clear-button" type="button" @click=${this.clearFilters}>
          ${m.clearFilters}
        </button>
      </div>`;
    }
    return usageGrid(
      shown,
      shown !== pages.current,
      this.rowWindow,
      this.keyboard,
      this.catalog,
      m,
      this.assign,
    );
  }

  // ————— events —————

  private onTypeChange = (event: Event): void => {
    this.typeId = (event.target as HTMLSelectElement).value;
    this.filterChanged();
  };

  private onSearchInput = (event: Event): void => {
    this.typed = (event.target as HTMLInputElement).value;
    clearTimeout(this.debounce);
    this.debounce = setTimeout(this.applySearch, this.searchDelay);
  };

  private onSearchKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter') this.applySearch();
  };

  private applySearch = (): void => {
    clearTimeout(this.debounce);
    this.debounce = undefined;
    if (this.typed === this.search) return;
    this.search = this.typed;
    this.filterChanged();
  };

  private clearFilters = (): void => {
    clearTimeout(this.debounce);
    this.debounce = undefined;
    this.typeId = '';
    this.search = '';
    this.typed = '';
    this.filterChanged();
  };

  private retry = (): void => {
    this.pages?.retry();
  };

  private filterChanged(): void {
    emit(this, 'licence-usage-filter-change', { ...this.filter });
  }

  // ————— CSV export —————

  /** Exports the current filter's agents as CSV (csv.ts, loaded on the first export). */
  private exportCsv = async (): Promise<void> => {
    const store = this.licensing.store;
    if (!store || this.exporting) return;
    const controller = new AbortController();
    this.exportController = controller;
    this.exporting = true;
    this.exportError = undefined;
    try {
      const { exportUsage } = await import('./csv.js');
      await exportUsage(this, store, this.filter, this.catalog, this.locale, controller.signal);
    } catch (error) {
      if (!isAbortError(error)) this.exportError = toLicensingError(error);
    } finally {
      if (this.exportController === controller) {
        this.exportController = undefined;
        this.exporting = false;
      }
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'usage-overview': UsageOverview;
  }
}
