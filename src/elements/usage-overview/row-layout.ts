/**
 * Windowing for rows of one fixed height, as pure arithmetic: which rows to render for a scroll
 * position, and where. Nothing is measured per row; a row's place is `index × rowPx`.
 *
 * Browsers cap how tall an element can be (Firefox near 17.9 million px, Chromium and WebKit near
 * 33.5 million): 1,000,000 rows of 48 px would not fit. Up to `MAX_SCROLL_SPACE` the scroll space
 * is every row, one pixel of scrolling per pixel of rows. Above it the space stays at
 * `MAX_SCROLL_SPACE` and a scroll position maps linearly onto the rows (the wheel and the scrollbar
 * then move proportionally faster; keyboard moves stay exact, since they set the row, not a pixel),
 * so the DOM and the scroll space are the same at 50 agents or at 1,000,000, and the last row is
 * still reachable.
 */

/** The tallest scroll space used, in px: well below every engine's limit. */
export const MAX_SCROLL_SPACE = 8_000_000;

/** Rows rendered beyond each edge of the viewport, so a small scroll never shows an empty band. */
export const OVERHANG_ROWS = 3;

export interface RowMetrics {
  /** Rows in the list. */
  readonly total: number;
  /** Height of one row in px (may be fractional). */
  readonly rowPx: number;
  /** Height of the area the rows show in (the scroller's client height below a sticky header). */
  readonly viewportPx: number;
}

export interface RowWindow {
  /** The first and last row to render (inclusive); `last < first` when there are none. */
  readonly first: number;
  readonly last: number;
  /** Where row `first` starts, in px from the top of the scroll space. */
  readonly offsetPx: number;
  /** Height of the scroll space in px. */
  readonly spacePx: number;
}

/** The height of the scroll space: every row, or `MAX_SCROLL_SPACE` when they do not fit. */
export function scrollSpace({ total, rowPx }: RowMetrics): number {
  return Math.min(Math.max(0, total) * rowPx, MAX_SCROLL_SPACE);
}

/** The largest scroll position of the rows. */
export function maxScroll(metrics: RowMetrics): number {
  return Math.max(0, scrollSpace(metrics) - metrics.viewportPx);
}

/** How many px of rows one px of scrolling moves: 1 until the rows outgrow the scroll space. */
function ratio(metrics: RowMetrics): number {
  const content = Math.max(0, metrics.total) * metrics.rowPx;
  const space = scrollSpace(metrics);
  if (content <= space) return 1;
  const range = space - metrics.viewportPx;
  return range > 0 ? (content - metrics.viewportPx) / range : 1;
}

/** The position in the rows (px, row `i` starting at `i × rowPx`) shown at the top for `scrollTop`. */
export function rowsTopFor(scrollTop: number, metrics: RowMetrics): number {
  const top = Math.min(Math.max(0, scrollTop), maxScroll(metrics));
  return top * ratio(metrics);
}

/** The scroll position that shows the rows from `rowsTop` px at the top. */
export function scrollTopFor(rowsTop: number, metrics: RowMetrics): number {
  const content = Math.max(0, metrics.total) * metrics.rowPx;
  const top = Math.min(Math.max(0, rowsTop), Math.max(0, content - metrics.viewportPx));
  return Math.min(top / ratio(metrics), maxScroll(metrics));
}

/**
 * The rows to render when the scroller is at `scrollTop` and shows the rows from `rowsTop` px
 * (`rowsTopFor(scrollTop)`, or an exact value the caller scrolled to), with `overhang` rows more
 * on each side.
 */
export function rowWindow(
  scrollTop: number,
  rowsTop: number,
  metrics: RowMetrics,
  overhang = OVERHANG_ROWS,
): RowWindow {
  const { total, rowPx, viewportPx } = metrics;
  const spacePx = scrollSpace(metrics);
  if (total <= 0 || rowPx <= 0) return { first: 0, last: -1, offsetPx: 0, spacePx };
  const first = Math.min(total - 1, Math.max(0, Math.floor(rowsTop / rowPx) - overhang));
  const last = Math.min(total - 1, Math.ceil((rowsTop + Math.max(0, viewportPx)) / rowPx) - 1 + overhang);
  // Row `i` sits at scrollTop + (i × rowPx − rowsTop): exactly i × rowPx while nothing is scaled.
  const offsetPx = Math.max(0, Math.min(spacePx, scrollTop) + first * rowPx - rowsTop);
  return { first, last: Math.max(first, last), offsetPx, spacePx };
}

/**
 * The rows position that brings row `row` fully into view with the least scrolling from
 * `rowsTop`, or `rowsTop` itself when the row is in view already.
 */
export function rowsTopToShow(row: number, rowsTop: number, metrics: RowMetrics): number {
  const { rowPx, viewportPx } = metrics;
  const top = row * rowPx;
  if (top < rowsTop) return top;
  if (top + rowPx > rowsTop + viewportPx) return top + rowPx - viewportPx;
  return rowsTop;
}
