import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { isAbortError, toLicensingError, type LicensingError } from '../../adapters/errors.js';
import { LicensingWidget } from '../../base/licensing-widget.js';
import { entryFor } from '../../i18n/names.js';
import { canView, type LicenceType } from '../../core/index.js';
import { emit } from '../../events.js';
import type { LicensingStore } from '../../state/licensing-store.js';
import {
  OVERHANG_ROWS,
  rowWindow,
  rowsTopFor,
  rowsTopToShow,
  scrollTopFor,
  type RowMetrics,
  type RowWindow,
} from './row-layout.js';
import { messages, type UsageOverviewMessages } from './usage-overview.messages.js';
import { styles } from './usage-overview.styles.js';
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
 *
 * @event licence-usage-filter-change - The user changed the licence type or the search (after the debounce); `detail: { typeId, search }`.
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
  /** The cell holding the grid's one tab stop: agent index and column (0 = agent column). */
  @state() private activeRow = 0;
  @state() private activeCol = 0;
  @state() private exporting = false;
  @state() private exportError: LicensingError | undefined;

  private find(selector: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(selector);
  }
  private get grid() {
    return this.find('[part~="table"]');
  }
  private get header() {
    return this.find('[part~="header"]');
  }
  private get body() {
    return this.find('[part~="body"]');
  }
  private get space() {
    return this.find('.space');
  }
  private get probe() {
    return this.find('.probe');
  }

  private pages: UsagePages | undefined;
  private pagesStore: LicensingStore | undefined;
  private pagesVersion: string | undefined;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private exportController: AbortController | undefined;
  /** The rows in the DOM, and where they sit in the scroll space. */
  private rowsInView: RowWindow = { first: 0, last: -1, offsetPx: 0, spacePx: 0 };
  /** The grid's scroll position as last seen. */
  private lastScrollTop = 0;
  /**
   * Where the rows stood after the element itself scrolled (keyboard moves): the exact rows
   * position for that scroll position, which the browser may have rounded.
   */
  private anchor: { scrollTop: number; rowsTop: number } | undefined;
  /** Move focus to the active cell once the update that renders it is done. */
  private pendingFocus = false;
  /**
   * A row's height and the height rows show in, in px. The CSS decides both; a ResizeObserver
   * reports them after layout (no forced layout), and until then these guesses (3rem rows in a
   * 28rem grid) let the first frame render about the right rows.
   */
  private rowPx = 48;
  private viewportPx = 400;
  /**
   * Rows rendered beyond each edge of the view. None in a grid's first frame, which shows only
   * what is visible; the margin comes a frame later, before anyone can scroll.
   */
  private overhang = 0;
  private resizeObserver: ResizeObserver | undefined;
  private observedGrid: HTMLElement | null = null;

  private get m(): UsageOverviewMessages {
    return this.locale.section('usage-overview', messages);
  }

  private get catalog(): readonly LicenceType[] {
    return this.state?.snapshot?.catalog ?? [];
  }

  private get filter(): UsageFilter {
    return { typeId: this.typeId, search: this.search.trim() };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.observedGrid = null;
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
      this.activeRow = 0;
      this.lastScrollTop = 0;
      this.anchor = undefined;
      if (this.grid) this.grid.scrollTop = 0;
    }
    this.syncQuery();
    const total = this.pages?.shown?.total;
    if (total !== undefined && this.activeRow >= total) this.activeRow = Math.max(0, total - 1);
    this.rowsInView = this.computeWindow();
  }

  protected override updated(): void {
    const grid = this.grid;
    if (grid !== this.observedGrid) this.observe(grid);
    if (!grid) return;
    this.applyWindow();
    this.pages?.ensure(this.rowsInView.first, this.rowsInView.last);
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
      ${this.renderToolbar(pages, shown)}
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

  private renderToolbar(pages: UsagePages, shown: UsageResult | undefined): TemplateResult {
    const m = this.m;
    const counts = shown?.filter.search === this.filter.search ? shown.countsByType : undefined;
    const allTotal = pages.totalFor({ typeId: '', search: this.filter.search });
    const known = this.catalog.some((type) => type.id === this.typeId);
    const total = shown?.total;
    return html`<div part="toolbar">
      <label part="filter" class="field">
        <span class="label">${m.filterLabel}</span>
        <select part="filter-select" .value=${live(this.typeId)} @change=${this.onTypeChange}>
          <option value="" ?selected=${!this.typeId}>${m.allTypes(allTotal)}</option>
          ${this.catalog.map(
            (type) =>
              html`<option value=${type.id} ?selected=${type.id === this.typeId}>
                ${m.typeOption(type.name, counts ? (entryFor(counts, type.id) ?? 0) : undefined)}
              </option>`,
          )}
          ${this.typeId && !known ? html`<option value=${this.typeId} selected>${this.typeId}</option>` : nothing}
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
          .value=${live(this.typed)}
          @input=${this.onSearchInput}
          @keydown=${this.onSearchKeydown}
        />
      </label>
      <p part="count" class="count" role="status">
        ${total === undefined ? (pages.status === 'loading' ? m.counting : '') : m.matching(total)}
      </p>
      <button
        part="export-button"
        class="button"
        type="button"
        ?disabled=${this.exporting || !total}
        aria-busy=${this.exporting ? 'true' : 'false'}
        @click=${this.exportCsv}
      >
        ${this.exporting ? m.exporting : m.exportCsv}
      </button>
    </div>`;
  }

  private renderBody(pages: UsagePages, shown: UsageResult | undefined): TemplateResult {
    const m = this.m;
    const empty = shown?.total === 0 && !shown.filter.typeId && !shown.filter.search;
    const noMatch = shown?.total === 0 && !empty;
    this.setState('empty', Boolean(empty));
    this.setState('no-match', Boolean(noMatch));
    if (pages.status === 'error') {
      const error = pages.current?.error;
      return html`<div part="status" data-kind="error" role="alert">
        <span>${m.usageFailed} ${error ? this.errorText(error) : nothing}</span>
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
    return this.renderGrid(shown, shown !== pages.current);
  }

  private renderGrid(shown: UsageResult, busy: boolean): TemplateResult {
    const total = shown.total ?? 0;
    const m = this.m;
    const catalog = this.catalog;
    const { first, last } = this.rowsInView;
    const rows: number[] = [];
    for (let i = first; i <= last; i++) rows.push(i);
    return html`<div
      part="table"
      class="table"
      role="grid"
      aria-label=${m.tableLabel}
      aria-rowcount=${total + 1}
      aria-colcount=${catalog.length + 1}
      aria-busy=${busy ? 'true' : 'false'}
      tabindex=${this.activeInRange() ? -1 : 0}
      @keydown=${this.onGridKeydown}
      @focusin=${this.onGridFocusin}
      @focus=${this.onGridFocus}
      @scroll=${this.onScroll}
    >
      <div class="inner">
        <div part="header" class="header" role="rowgroup">
          <div class="row" role="row" aria-rowindex="1">
            <span part="column-header" class="cell name" role="columnheader">${m.agentColumn}</span>
            ${catalog.map(
              (type) =>
                html`<span part="column-header" class="cell type" role="columnheader">${type.name}</span>`,
            )}
          </div>
        </div>
        <div class="space">
          <div class="probe" aria-hidden="true"></div>
          <div part="body" class="body" role="rowgroup">
            ${repeat(
              rows,
              (index) => index,
              (index) => this.renderRow(shown, index, m, catalog),
            )}
          </div>
        </div>
      </div>
    </div>`;
  }

  /**
   * One template whether the agent is here or still coming, so the row's elements stay the same
   * when its page lands: a focused cell keeps focus.
   */
  private renderRow(
    shown: UsageResult,
    index: number,
    m: UsageOverviewMessages,
    catalog: readonly LicenceType[],
  ): TemplateResult {
    const agent = shown.row(index);
    const active = index === this.activeRow;
    const tab = (col: number) => (active && col === this.activeCol ? 0 : -1);
    return html`<div
      part=${agent ? 'row' : 'row loading-row'}
      class="row"
      role="row"
      aria-rowindex=${index + 2}
      data-row=${index}
    >
      <span part="agent" class="cell name" role="rowheader" tabindex=${tab(0)} data-col="0"
        >${
          agent
            ? html`<span class="agent-name">${agent.name}</span>${
                  agent.email ? html`<span part="agent-email" class="email">${agent.email}</span>` : nothing
                }`
            : html`<span class="visually-hidden">${m.loadingRow}</span
                ><span class="skeleton" aria-hidden="true"></span>`
        }</span
      >
      ${catalog.map((type, i) => {
        const has = agent?.licences.includes(type.id);
        const kind = has === undefined ? '' : has ? 'yes' : 'no';
        // The glyph comes from CSS (with empty alternative text); the words are what a screen
        // reader reads after the column header: "Voice, has licence". Not colour alone: ✓ vs –.
        return html`<span
          part=${kind ? `mark mark-${kind}` : 'mark'}
          class="cell mark ${kind}"
          role="gridcell"
          tabindex=${tab(i + 1)}
          data-col=${i + 1}
          >${kind ? (has ? m.hasLicence : m.noLicence) : ''}</span
        >`;
      })}
    </div>`;
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

  private onScroll = (): void => {
    const top = this.grid?.scrollTop ?? 0;
    if (top === this.lastScrollTop) return;
    this.lastScrollTop = top;
    this.updateWindow();
  };

  /** The row height and the rows' viewport, reported after layout; rows have no size of their own. */
  private onResize = (): void => {
    if (this.readMetrics()) this.updateWindow();
  };

  /** Reads the row height and the rows' viewport; true when either changed. */
  private readMetrics(): boolean {
    const grid = this.grid;
    if (!grid) return false;
    const viewport = grid.clientHeight - (this.header?.offsetHeight ?? 0);
    const row = this.probe?.getBoundingClientRect().height ?? 0;
    if ((viewport <= 0 || viewport === this.viewportPx) && (row <= 0 || row === this.rowPx)) return false;
    if (viewport > 0) this.viewportPx = viewport;
    if (row > 0) this.rowPx = row;
    this.anchor = undefined;
    this.lastScrollTop = grid.scrollTop;
    return true;
  }

  private observe(grid: HTMLElement | null): void {
    this.resizeObserver ??= new ResizeObserver(this.onResize);
    this.resizeObserver.disconnect();
    this.observedGrid = grid;
    // A new grid starts at its top (reading its scrollTop here would force a layout).
    this.lastScrollTop = 0;
    this.anchor = undefined;
    if (grid && !this.overhang) {
      requestAnimationFrame(() => {
        this.overhang = OVERHANG_ROWS;
        this.updateWindow();
      });
    }
    for (const el of [grid, this.header, this.probe]) if (el) this.resizeObserver.observe(el);
  }

  private metrics(): RowMetrics {
    return { total: this.pages?.shown?.total ?? 0, rowPx: this.rowPx, viewportPx: this.viewportPx };
  }

  /** The rows position at the top: exact after the element's own scrolling, else from scrollTop. */
  private rowsTop(metrics: RowMetrics): number {
    const anchor = this.anchor;
    return anchor && anchor.scrollTop === this.lastScrollTop
      ? anchor.rowsTop
      : rowsTopFor(this.lastScrollTop, metrics);
  }

  private computeWindow(): RowWindow {
    const metrics = this.metrics();
    return rowWindow(this.lastScrollTop, this.rowsTop(metrics), metrics, this.overhang);
  }

  /** After a scroll or a resize: renders the rows now in view, or only moves them. */
  private updateWindow(): void {
    const previous = this.rowsInView;
    const next = this.computeWindow();
    this.rowsInView = next;
    if (next.first !== previous.first || next.last !== previous.last) {
      // The focused row is about to leave the DOM (scrolled away with the wheel): keep focus in the
      // grid, so the keys still work from the active cell, instead of losing it to the page.
      const focused = (this.renderRoot as ShadowRoot).activeElement;
      if (!this.activeInRange() && focused && this.body?.contains(focused)) {
        this.grid?.focus({ preventScroll: true });
      }
      this.requestUpdate();
    } else {
      this.applyWindow();
    }
  }

  /** Sizes the scroll space and places the rows (CSSOM custom properties: strict CSP holds). */
  private applyWindow(): void {
    this.space?.style.setProperty('--_space', `${this.rowsInView.spacePx}px`);
    this.body?.style.setProperty('--_offset', `${this.rowsInView.offsetPx}px`);
  }

  private onGridFocusin = (event: FocusEvent): void => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-col]');
    const row = cell?.closest<HTMLElement>('[data-row]');
    if (!cell || !row) return;
    const rowIndex = Number(row.dataset.row);
    const col = Number(cell.dataset.col);
    if (rowIndex !== this.activeRow || col !== this.activeCol) {
      this.activeRow = rowIndex;
      this.activeCol = col;
    }
  };

  /** Tabbing into the grid while its active row is scrolled away lands on the grid itself. */
  private onGridFocus = (event: FocusEvent): void => {
    if (event.target !== this.grid || !this.activeInRange()) return;
    // Only when the active row is rendered: scrolling back to it on a focus that came from a click
    // on the scrollbar would yank the view away from where the user dragged it.
    this.activeCell()?.focus({ preventScroll: true });
  };

  private onGridKeydown = (event: KeyboardEvent): void => {
    const total = this.pages?.shown?.total ?? 0;
    if (!total || event.altKey) return;
    const lastCol = this.catalog.length;
    const rtl = this.matches(':dir(rtl)');
    const ctrl = event.ctrlKey || event.metaKey;
    let row = this.activeRow;
    let col = this.activeCol;
    switch (event.key) {
      case 'ArrowDown':
        row++;
        break;
      case 'ArrowUp':
        row--;
        break;
      case 'ArrowRight':
        col += rtl ? -1 : 1;
        break;
      case 'ArrowLeft':
        col += rtl ? 1 : -1;
        break;
      case 'PageDown':
        row += this.rowsPerScreen();
        break;
      case 'PageUp':
        row -= this.rowsPerScreen();
        break;
      case 'Home':
        col = 0;
        if (ctrl) row = 0;
        break;
      case 'End':
        col = lastCol;
        if (ctrl) row = total - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    this.moveTo(Math.max(0, Math.min(total - 1, row)), Math.max(0, Math.min(lastCol, col)));
  };

  // ————— focus and scrolling —————

  /** Whether the active row is in the DOM. */
  private activeInRange(): boolean {
    return this.activeRow >= this.rowsInView.first && this.activeRow <= this.rowsInView.last;
  }

  private activeCell(): HTMLElement | null {
    return (
      this.body?.querySelector<HTMLElement>(
        `[data-row="${this.activeRow}"] > [data-col="${this.activeCol}"]`,
      ) ?? null
    );
  }

  private rowsPerScreen(): number {
    return Math.max(1, Math.floor(this.viewportPx / this.rowPx) - 1);
  }

  /** Makes (row, col) the active cell, scrolls it into view and focuses it once it is rendered. */
  private async moveTo(row: number, col: number): Promise<void> {
    this.activeRow = row;
    this.activeCol = col;
    this.pendingFocus = true;
    this.scrollRowIntoView(row);
    await this.updateComplete;
    this.focusActive();
  }

  private focusActive(): void {
    if (!this.pendingFocus) return;
    // Never later: a focus that arrives after the user moved on would steal it.
    this.pendingFocus = false;
    const cell = this.activeCell();
    if (!cell) return;
    cell.focus({ preventScroll: true });
    this.scrollCellIntoView(cell);
  }

  /** Rows have one height, so the row's position is arithmetic even when it is not rendered. */
  private scrollRowIntoView(row: number): void {
    const grid = this.grid;
    if (!grid) return;
    // A key can come between a CSS change and the ResizeObserver's report of it: the arithmetic
    // must use the row height of now (a forced layout, on a key press only).
    if (this.readMetrics()) {
      this.rowsInView = this.computeWindow();
      this.applyWindow();
    }
    const metrics = this.metrics();
    const current = this.rowsTop(metrics);
    const target = rowsTopToShow(row, current, metrics);
    if (target === current) return;
    const top = scrollTopFor(target, metrics);
    grid.scrollTop = top;
    // Where it landed: the browser rounds, and past the largest scroll space that rounding is
    // scaled up, so the exact rows position is kept with it.
    this.lastScrollTop = grid.scrollTop;
    this.anchor =
      Math.abs(this.lastScrollTop - top) <= 1
        ? { scrollTop: this.lastScrollTop, rowsTop: target }
        : undefined;
    this.updateWindow();
  }

  /** Sideways only: the agent column sticks to the start edge, so a cell must not hide under it. */
  private scrollCellIntoView(cell: HTMLElement): void {
    const grid = this.grid;
    if (!grid || grid.scrollWidth <= grid.clientWidth) return;
    const box = grid.getBoundingClientRect();
    const rect = cell.getBoundingClientRect();
    const sticky = cell.dataset.col === '0' ? 0 : (cell.parentElement?.firstElementChild?.clientWidth ?? 0);
    const rtl = this.matches(':dir(rtl)');
    const start = rtl ? box.right - sticky : box.left + sticky;
    const end = rtl ? box.right - grid.clientWidth : box.left + grid.clientWidth;
    if (!rtl) {
      if (rect.left < start) grid.scrollLeft -= start - rect.left;
      else if (rect.right > end) grid.scrollLeft += rect.right - end;
    } else {
      if (rect.right > start) grid.scrollLeft += rect.right - start;
      else if (rect.left < end) grid.scrollLeft -= end - rect.left;
    }
  }

  // ————— CSV export —————

  /**
   * Fetches every agent of the current filter (in pages, yielding between them so no task runs
   * long) and hands the CSV over through `licence-usage-export`, then downloads it unless a
   * listener cancelled the event. The export's code loads on the first export.
   */
  private exportCsv = async (): Promise<void> => {
    const store = this.licensing.store;
    if (!store || this.exporting) return;
    const m = this.m;
    const filter = this.filter;
    const catalog = this.catalog;
    const controller = new AbortController();
    this.exportController = controller;
    this.exporting = true;
    this.exportError = undefined;
    try {
      const { usageCsv, downloadBlob } = await import('./csv.js');
      const { blob, rows } = await usageCsv(
        (query, signal) => store.listUsage(query, { signal }),
        filter,
        catalog,
        m,
        controller.signal,
      );
      const filename = m.csvFilename(new Date().toISOString().slice(0, 10));
      const detail = { ...filter, blob, filename, rows };
      const proceed = emit(this, 'licence-usage-export', detail, { cancelable: true });
      if (proceed) downloadBlob(blob, filename, this.renderRoot);
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
