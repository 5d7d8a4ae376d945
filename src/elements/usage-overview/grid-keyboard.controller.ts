import type { ReactiveController, ReactiveElement } from 'lit';
import type { RowWindowController } from './row-window.controller.js';

/**
 * The keyboard model of the ARIA grid pattern over windowed rows: one tab stop (the active cell);
 * arrow keys move between cells, Page Up / Page Down by a screen, Home / End to the row's first /
 * last cell, Ctrl+Home / Ctrl+End to the first / last row. Arrows follow the reading direction.
 *
 * The host renders each row with `data-row` (its index) and each cell with `data-col` (0 for the
 * first), gives a cell `tabindex=${tabIndex(row, col)}` and the grid `tabindex=${gridTabIndex}`,
 * and binds `onKeydown`, `onFocusin` and `onFocus` on the grid. A key scrolls the new active row
 * into view through the row window, and focuses its cell once the host rendered it.
 */
export class GridKeyboardController implements ReactiveController {
  private row = 0;
  private col = 0;
  /** Move focus to the active cell once the update that renders it is done. */
  private pendingFocus = false;

  constructor(
    private readonly host: ReactiveElement,
    private readonly rows: RowWindowController,
    /** The index of the last column. */
    private readonly lastCol: () => number,
  ) {
    host.addController(this);
  }

  /** 0 for the active cell, the grid's one tab stop; -1 for every other cell. */
  tabIndex(row: number, col: number): 0 | -1 {
    return row === this.row && col === this.col ? 0 : -1;
  }

  /** The grid is the tab stop itself only while the active row is scrolled away. */
  get gridTabIndex(): 0 | -1 {
    return this.rows.rendered(this.row) ? -1 : 0;
  }

  /** Back to the first row (a new filter); keeps the column. */
  reset(): void {
    this.set(0, this.col);
  }

  /** A shorter list keeps the active row in it; while no rows are known (loading), it stays. */
  hostUpdate(): void {
    const total = this.rows.total();
    if (total && this.row >= total) this.row = total - 1;
  }

  onFocusin = (event: FocusEvent): void => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-col]');
    const row = cell?.closest<HTMLElement>('[data-row]');
    if (cell && row) this.set(Number(row.dataset.row), Number(cell.dataset.col));
  };

  /** Tabbing into the grid while its active row is scrolled away lands on the grid itself. */
  onFocus = (event: FocusEvent): void => {
    if (event.target !== this.rows.grid || !this.rows.rendered(this.row)) return;
    // Only when the active row is rendered: scrolling back to it on a focus that came from a click
    // on the scrollbar would yank the view away from where the user dragged it.
    this.activeCell()?.focus({ preventScroll: true });
  };

  onKeydown = (event: KeyboardEvent): void => {
    const total = this.rows.total();
    const lastCol = this.lastCol();
    if (!total || event.altKey) return;
    const rtl = this.host.matches(':dir(rtl)');
    const ctrl = event.ctrlKey || event.metaKey;
    let { row, col } = this;
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
        row += this.rows.rowsPerScreen;
        break;
      case 'PageUp':
        row -= this.rows.rowsPerScreen;
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
    void this.moveTo(Math.max(0, Math.min(total - 1, row)), Math.max(0, Math.min(lastCol, col)));
  };

  private set(row: number, col: number): void {
    if (row === this.row && col === this.col) return;
    this.row = row;
    this.col = col;
    this.host.requestUpdate();
  }

  private activeCell(): HTMLElement | null {
    return (
      this.rows.body?.querySelector<HTMLElement>(`[data-row="${this.row}"] > [data-col="${this.col}"]`) ??
      null
    );
  }

  /** Makes (row, col) the active cell, scrolls it into view and focuses it once it is rendered. */
  private async moveTo(row: number, col: number): Promise<void> {
    this.set(row, col);
    this.pendingFocus = true;
    this.rows.showRow(row);
    await this.host.updateComplete;
    if (!this.pendingFocus) return;
    // Never later: a focus that arrives after the user moved on would steal it.
    this.pendingFocus = false;
    const cell = this.activeCell();
    if (!cell) return;
    cell.focus({ preventScroll: true });
    this.scrollCellIntoView(cell);
  }

  /**
   * Sideways only: the row's first cell sticks to the start edge, so another cell must not hide
   * under it. Measured from that cell, which sits at the edge of the grid's client area (inside
   * its border and scrollbar) in either direction.
   */
  private scrollCellIntoView(cell: HTMLElement): void {
    const grid = this.rows.grid!;
    const sticky = cell.parentElement!.firstElementChild!;
    if (cell === sticky || grid.scrollWidth <= grid.clientWidth) return;
    const edge = sticky.getBoundingClientRect();
    const rect = cell.getBoundingClientRect();
    if (!this.host.matches(':dir(rtl)')) {
      const [start, end] = [edge.right, edge.left + grid.clientWidth];
      if (rect.left < start) grid.scrollLeft -= start - rect.left;
      else if (rect.right > end) grid.scrollLeft += rect.right - end;
    } else {
      const [start, end] = [edge.left, edge.right - grid.clientWidth];
      if (rect.right > start) grid.scrollLeft += rect.right - start;
      else if (rect.left < end) grid.scrollLeft -= end - rect.left;
    }
  }
}
