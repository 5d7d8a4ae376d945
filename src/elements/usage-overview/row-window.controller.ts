import type { ReactiveController, ReactiveElement } from 'lit';
import {
  OVERHANG_ROWS,
  rowWindow,
  rowsTopFor,
  rowsTopToShow,
  scrollTopFor,
  type RowMetrics,
  type RowWindow,
} from './row-layout.js';

/**
 * Row windowing for a grid of rows of one height: which rows are in the DOM, for the grid's scroll
 * position, row height and viewport (the arithmetic is `row-layout.ts`).
 *
 * The host renders, in its render root: a scroller `[part~="table"]` that calls `onScroll` on
 * `scroll`, a sticky `[part~="header"]`, and a `.space` (height `var(--_space)`) holding an empty
 * `.probe` of a row's height and the rows' container `[part~="body"]` (placed at `var(--_offset)`),
 * whose rows carry `data-row`. It renders the rows `window.first` to `window.last`. The controller
 * reads the row height and the viewport from a ResizeObserver (no forced layout), re-renders the
 * host when the rows in view change (a scroll within the same rows only moves them), and keeps
 * focus in the grid when the focused row leaves the DOM.
 */
export class RowWindowController implements ReactiveController {
  /** The rows in the DOM, and where they sit in the scroll space. */
  window: RowWindow = { first: 0, last: -1, offsetPx: 0, spacePx: 0 };

  /** The grid's scroll position as last seen. */
  private lastScrollTop = 0;
  /**
   * Where the rows stood after the controller itself scrolled (`showRow`): the exact rows position
   * for that scroll position, which the browser may have rounded.
   */
  private anchor: { scrollTop: number; rowsTop: number } | undefined;
  /**
   * A row's height and the height rows show in, in px. Until the ResizeObserver reports them, these
   * guesses (3rem rows in a 28rem grid) let the first frame render about the right rows.
   */
  private rowPx = 48;
  private viewportPx = 400;
  /**
   * Rows rendered beyond each edge of the view. None in a grid's first frame, which shows only what
   * is visible; the margin comes a frame later, before anyone can scroll.
   */
  private overhang = 0;
  private resizeObserver: ResizeObserver | undefined;
  private observed: HTMLElement | null = null;

  constructor(
    private readonly host: ReactiveElement,
    /** How many rows there are. */
    readonly total: () => number,
  ) {
    host.addController(this);
  }

  private find(selector: string): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>(selector);
  }
  /** The scroller, when the host renders one. */
  get grid(): HTMLElement | null {
    return this.find('[part~="table"]');
  }
  /** The rows' container. */
  get body(): HTMLElement | null {
    return this.find('[part~="body"]');
  }

  /** Rows a Page Up / Page Down moves: a screen, less one row to keep for context. */
  get rowsPerScreen(): number {
    return Math.max(1, Math.floor(this.viewportPx / this.rowPx) - 1);
  }

  /** Whether row `row` is in the DOM. */
  rendered(row: number): boolean {
    return row >= this.window.first && row <= this.window.last;
  }

  /** Back to the top (a new filter starts at its first row). */
  reset(): void {
    this.lastScrollTop = 0;
    this.anchor = undefined;
    const grid = this.grid;
    if (grid) grid.scrollTop = 0;
  }

  hostUpdate(): void {
    this.window = this.compute();
  }

  hostUpdated(): void {
    const grid = this.grid;
    if (grid !== this.observed) this.observe(grid);
    if (grid) this.apply();
  }

  hostDisconnected(): void {
    this.resizeObserver?.disconnect();
    this.observed = null;
  }

  /**
   * Scrolls the least that brings row `row` fully into view. Rows have one height, so its place is
   * arithmetic even when it is not rendered. Only while the host renders its grid (the keys that
   * call it are pressed on the grid).
   */
  showRow(row: number): void {
    const grid = this.grid!;
    // A key can come between a CSS change and the ResizeObserver's report of it: the arithmetic
    // must use the row height of now (a forced layout, on a key press only).
    if (this.readMetrics(grid)) {
      this.window = this.compute();
      this.apply();
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
    this.refresh();
  }

  /** The host's grid calls this on `scroll`. */
  onScroll = (event: Event): void => {
    const top = (event.currentTarget as HTMLElement).scrollTop;
    if (top === this.lastScrollTop) return;
    this.lastScrollTop = top;
    this.refresh();
  };

  /**
   * Reads the row height and the rows' viewport of `grid`; true when either changed. The host
   * renders the header and the probe with the grid, so they are there whenever it is.
   */
  private readMetrics(grid: HTMLElement): boolean {
    const viewport = grid.clientHeight - this.find('[part~="header"]')!.offsetHeight;
    const row = this.find('.probe')!.getBoundingClientRect().height;
    if ((viewport <= 0 || viewport === this.viewportPx) && (row <= 0 || row === this.rowPx)) return false;
    if (viewport > 0) this.viewportPx = viewport;
    if (row > 0) this.rowPx = row;
    this.anchor = undefined;
    this.lastScrollTop = grid.scrollTop;
    return true;
  }

  private observe(grid: HTMLElement | null): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.observed = grid;
    // A new grid starts at its top (reading its scrollTop here would force a layout).
    this.lastScrollTop = 0;
    this.anchor = undefined;
    if (!grid) return;
    // The row height and the rows' viewport, reported after layout; rows have no size of their own.
    this.resizeObserver = new ResizeObserver(() => {
      if (this.readMetrics(grid)) this.refresh();
    });
    if (!this.overhang) {
      requestAnimationFrame(() => {
        this.overhang = OVERHANG_ROWS;
        this.refresh();
      });
    }
    for (const el of [grid, this.find('[part~="header"]')!, this.find('.probe')!])
      this.resizeObserver.observe(el);
  }

  private metrics(): RowMetrics {
    return { total: this.total(), rowPx: this.rowPx, viewportPx: this.viewportPx };
  }

  /** The rows position at the top: exact after the controller's own scrolling, else from scrollTop. */
  private rowsTop(metrics: RowMetrics): number {
    const anchor = this.anchor;
    return anchor && anchor.scrollTop === this.lastScrollTop
      ? anchor.rowsTop
      : rowsTopFor(this.lastScrollTop, metrics);
  }

  private compute(): RowWindow {
    const metrics = this.metrics();
    return rowWindow(this.lastScrollTop, this.rowsTop(metrics), metrics, this.overhang);
  }

  /** After a scroll or a resize: renders the rows now in view, or only moves them. */
  private refresh(): void {
    const previous = this.window;
    const next = this.compute();
    this.window = next;
    if (next.first !== previous.first || next.last !== previous.last) {
      // The focused row is about to leave the DOM (scrolled away with the wheel): keep focus in the
      // grid, so the keys still work from the active cell, instead of losing it to the page.
      const row = (this.host.renderRoot as ShadowRoot).activeElement?.closest<HTMLElement>('[data-row]');
      if (row && !this.rendered(Number(row.dataset.row))) this.grid?.focus({ preventScroll: true });
      this.host.requestUpdate();
    } else {
      this.apply();
    }
  }

  /** Sizes the scroll space and places the rows (CSSOM custom properties: strict CSP holds). */
  private apply(): void {
    this.find('.space')?.style.setProperty('--_space', `${this.window.spacePx}px`);
    this.body?.style.setProperty('--_offset', `${this.window.offsetPx}px`);
  }
}
