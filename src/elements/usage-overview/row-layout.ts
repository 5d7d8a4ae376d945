import { GridLayout, grid } from '@lit-labs/virtualizer/layouts/grid.js';
import type { VirtualizeDirectiveConfig } from '@lit-labs/virtualizer/virtualize.js';

/** The directive's layout option (its own type is not exported by the package). */
type LayoutOption = NonNullable<VirtualizeDirectiveConfig<unknown>['layout']>;

type Padding = NonNullable<NonNullable<ConstructorParameters<typeof GridLayout>[1]>['padding']>;

/**
 * The virtualizer's grid layout set up as one column of fixed-height rows:
 *
 * - rows are never measured (every row is `height` px, which the element reads from its CSS), so
 *   there is no per-row style or size read, and no ResizeObserver feedback loop ("ResizeObserver
 *   loop completed with undelivered notifications") while rows come and go;
 * - a row's position is `index × height`, which the element's keyboard scrolling relies on;
 * - it renders 150 px (about three rows) beyond each edge of the viewport instead of 1000 px, which
 *   keeps the shadow root near 400 elements with ten licence columns (a flat DOM at any size).
 *
 * The grid layout sets each row's width to its 1 px item width; the element's CSS overrides it
 * (`width: 100% !important`), so the rows span the scrolled width, not the visible one. A column
 * gap of a million pixels keeps it to one column at any width.
 */
class RowLayout extends GridLayout {
  private lastPadding: Padding | undefined;

  constructor(...args: ConstructorParameters<typeof GridLayout>) {
    super(...args);
    this._overhang = 150;
  }

  // The directive re-applies the config on every render of the element; the base setter would
  // schedule a reflow each time even when nothing changed.
  override set padding(spec: Padding) {
    if (spec === this.lastPadding) return;
    this.lastPadding = spec;
    super.padding = spec;
  }
}

/** The layout for rows `height` px high; one object per height, so re-renders do not reconfigure it. */
// Annotated: the library's .d.ts build cannot name the grid config's inferred type.
export function rowLayout(height: number): LayoutOption {
  return {
    ...grid({ itemSize: { width: '1px', height: `${height}px` }, gap: '0px 1000000px', padding: '0px' }),
    type: RowLayout,
  };
}
