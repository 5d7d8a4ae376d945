import { css, html, LitElement } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { GridKeyboardController } from '../../src/elements/usage-overview/grid-keyboard.controller.js';
import { RowWindowController } from '../../src/elements/usage-overview/row-window.controller.js';

/**
 * The smallest host of the usage overview's row window and grid keyboard controllers: `total`
 * rows of `columns + 1` cells reading `r<row>c<col>`, 40 px rows (`--row-height`) under a 40 px
 * header in a 200 px scroller, so four rows are in view at once.
 */
export class GridHost extends LitElement {
  static override styles = css`
    :host {
      display: block;
      width: 300px;
      --row-height: 40px;
    }
    .table {
      height: 200px;
      overflow: auto;
    }
    .header {
      position: sticky;
      top: 0;
      z-index: 1;
      height: 40px;
      background: white;
    }
    .space {
      position: relative;
      height: var(--_space, 0px);
    }
    .body {
      position: absolute;
      inset-inline: 0;
      top: 0;
      transform: translateY(var(--_offset, 0px));
    }
    .probe {
      position: absolute;
      width: 0;
    }
    .row,
    .probe {
      height: var(--row-height);
      display: flex;
    }
    .cell {
      flex: 1;
    }
  `;

  private rowCount = 0;
  /** The index of the last column. */
  columns = 3;
  readonly rowWindow = new RowWindowController(this, () => this.rowCount);
  readonly keyboard = new GridKeyboardController(this, this.rowWindow, () => this.columns);

  get total(): number {
    return this.rowCount;
  }
  set total(value: number) {
    this.rowCount = value;
    this.requestUpdate();
  }

  override render() {
    const { first, last } = this.rowWindow.window;
    const rows: number[] = [];
    for (let i = first; i <= last; i++) rows.push(i);
    const cols = Array.from({ length: this.columns + 1 }, (_, i) => i);
    return html`<div
      part="table"
      class="table"
      role="grid"
      aria-label="Rows"
      tabindex=${this.keyboard.gridTabIndex}
      @keydown=${this.keyboard.onKeydown}
      @focusin=${this.keyboard.onFocusin}
      @focus=${this.keyboard.onFocus}
      @scroll=${this.rowWindow.onScroll}
    >
      <div part="header" class="header" role="row">
        ${cols.map((col) => html`<span class="cell" role="columnheader">c${col}</span>`)}
      </div>
      <div class="space">
        <div class="probe"></div>
        <div part="body" class="body" role="rowgroup">
          ${repeat(
            rows,
            (row) => row,
            (row) =>
              html`<div class="row" role="row" data-row=${row}>
                ${cols.map(
                  (col) =>
                    html`<span
                      class="cell"
                      role="gridcell"
                      data-col=${col}
                      tabindex=${this.keyboard.tabIndex(row, col)}
                      >r${row}c${col}</span
                    >`,
                )}
              </div>`,
          )}
        </div>
      </div>
    </div>`;
  }
}
if (!customElements.get('test-grid-host')) customElements.define('test-grid-host', GridHost);

declare global {
  interface HTMLElementTagNameMap {
    'test-grid-host': GridHost;
  }
}

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Waits (frame by frame) until `check` holds: the controllers follow scroll and resize events. */
export async function until(check: () => boolean, what = 'condition', timeout = 3000): Promise<void> {
  const end = performance.now() + timeout;
  while (!check()) {
    if (performance.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await frame();
  }
}

/** The rows in the DOM, as their indices, in order. */
export function renderedRows(el: GridHost): number[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[data-row]')].map((row) =>
    Number(row.dataset.row),
  );
}

/** The table (scroller) of the host. */
export function table(el: GridHost): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>('.table')!;
}

/** The text of the focused cell (`r<row>c<col>`), `grid` when the grid itself has focus. */
export function focusedCell(el: GridHost): string | undefined {
  const active = el.shadowRoot!.activeElement as HTMLElement | null;
  if (!active) return undefined;
  return active === table(el) ? 'grid' : active.textContent!.trim();
}
