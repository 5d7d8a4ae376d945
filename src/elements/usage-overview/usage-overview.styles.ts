import { css } from 'lit';

// The styles in six parts, each under the comment that says why it is so.
const base = css`
  :host {
    --_height: var(--usage-overview-height, 28rem);
    --_row-height: var(--usage-overview-row-height, 3rem);
    --_name-width: var(--usage-overview-name-width, 15rem);
    --_column-width: var(--usage-overview-column-width, 6.5rem);
    --_background: var(--usage-overview-background, var(--_surface));
    --_header-background: var(--usage-overview-header-background, var(--_surface-raised));
    --_grid-border: var(--usage-overview-border-color, var(--_border));
    --_hover: var(--usage-overview-row-hover-background, var(--_surface-raised));
    --_mark: var(--usage-overview-mark-color, var(--_success));
    --_no-mark: var(--usage-overview-no-mark-color, var(--_muted));

    display: flex;
    flex-direction: column;
    container: usage-overview / inline-size;
  }

  [part~='base'] {
    display: flex;
    flex: 1 1 auto;
    flex-direction: column;
    gap: var(--_space-s);
    min-height: 0;
  }

  [part~='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space-s) var(--_space-m);
  }
  .field {
    display: grid;
    gap: var(--_space-xs);
  }
  .label {
    font-size: 0.875rem;
    color: var(--_muted);
  }
  select,
  input {
    min-height: 2.25rem;
    padding: 0 var(--_space-s);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
  input {
    min-width: 16rem;
  }
  .count {
    flex: 1 1 auto;
    margin: 0;
    line-height: 2.25rem;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  .message {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
    margin: 0;
    padding: var(--_space-s) var(--_space-m);
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    color: var(--_danger);
  }

  .empty {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
    margin: 0;
    padding: var(--_space-l) var(--_space-m);
    border: 1px dashed var(--_grid-border);
    border-radius: var(--_radius);
    color: var(--_muted);
  }
  .empty p {
    margin: 0;
  }
`;

// The grid scrolls inside --usage-overview-height, or fills the height a host gives the element
// (a dialog, a panel); the header sticks to its top, the agent column to its
// start edge. Columns have fixed widths, so the rows and the header line up without measuring
// anything. Rows are flex rows, not grids: the same columns at a quarter less layout time. The
// element places the rows itself, so the browser's scroll anchoring must not move them too.
const table = css`
  .table {
    position: relative;
    flex: 1 1 var(--_height);
    min-height: 0;
    overflow: auto;
    border: 1px solid var(--_grid-border);
    border-radius: var(--_radius);
    background: var(--_background);
    overscroll-behavior: contain;
    overflow-anchor: none;
  }
  .table[aria-busy='true'] .body {
    opacity: 0.6;
  }
  .inner {
    width: max-content;
    min-width: 100%;
  }
  .row {
    display: flex;
    /* As wide as its cells, or the grid: Firefox and WebKit resolve 100% here to the grid's
       client width, and the sticky agent cell cannot stick past the end of a row that short. */
    width: max-content;
    min-width: 100%;
    background: var(--_background);
  }
  .header {
    position: sticky;
    top: 0;
    z-index: 2;
  }
  .header .row {
    background: var(--_header-background);
    border-bottom: 1px solid var(--_grid-border);
    font-size: 0.875rem;
    font-weight: 600;
  }
  .header .cell {
    display: flex;
    align-items: end;
    padding: var(--_space-s);
    overflow-wrap: anywhere;
  }
  .header .type {
    justify-content: center;
    text-align: center;
  }
`;

// The scroll space (--_space) holds every row, or a scaled space past 8,000,000 px; the
// rows in view sit in one block moved to where they belong (--_offset). Both are set through the
// CSSOM, so a strict CSP holds. The probe has a row's height for the ResizeObserver: rows are never
// measured.
const space = css`
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
    visibility: hidden;
    pointer-events: none;
  }
  .body .row,
  .probe {
    height: var(--_row-height);
  }
`;

// Whole pixels: crisp row borders at any --usage-overview-row-height (the probe reports the height,
// so a fractional one would not drift either).
const rows = css`
  @supports (height: round(down, 1px, 1px)) {
    .body .row,
    .probe {
      height: round(down, var(--_row-height), 1px);
    }
  }
  .body .row {
    border-bottom: 1px solid var(--_grid-border);
  }
  .body .row:hover,
  .body .row:focus-within {
    --_background: var(--_hover);
  }
  .cell {
    flex: 0 0 var(--_column-width);
    min-width: 0;
    background: inherit;
  }
  .cell.name {
    flex: 1 0 var(--_name-width);
  }
  .cell:focus-visible {
    outline-offset: -2px;
  }
  .name {
    position: sticky;
    inset-inline-start: 0;
    z-index: 1;
    display: flex;
    flex-direction: column;
    justify-content: center;
    padding: 0 var(--_space-s);
    border-inline-end: 1px solid var(--_grid-border);
    background: var(--_background);
    overflow: hidden;
  }
  .header .name {
    align-items: start;
    justify-content: end;
    background: var(--_header-background);
  }
  .agent-name,
  .email {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .email {
    font-size: 0.8125rem;
    color: var(--_muted);
  }
`;

// The glyph is decoration with empty alternative text; the cell's words carry the meaning. They
// are the cell's own text, pushed out of its box and clipped (no extra element per cell, which was
// a third of the DOM); screen readers still read them, and forced colours cannot reveal them.
const marks = css`
  .mark {
    position: relative;
    overflow: hidden;
    white-space: nowrap;
    text-indent: 200%;
  }
  .mark::before {
    position: absolute;
    inset: 0;
    display: flex;
    align-items: center;
    justify-content: center;
    text-indent: 0;
    font-size: 1.125rem;
    line-height: 1;
  }
  .mark.yes::before {
    content: '✓' / '';
    color: var(--_mark);
    font-weight: 700;
  }
  .mark.no::before {
    content: '–' / '';
    color: var(--_no-mark);
  }
  .name .skeleton {
    width: 60%;
  }

  @media (forced-colors: active) {
    .mark.yes::before,
    .mark.no::before {
      color: CanvasText;
    }
  }
`;

// Narrower than 600 px (a phone, a side panel) a wide grid would show one column at a time: each
// agent is a card instead, its name on top and every licence type beneath (✓ or – and the type's
// name, from the cell's data-type), in two columns, or one below 26rem so no name is cut off.
// Only the layout changes: the same rows and cells, the same ARIA grid and keys (arrows follow the
// reading order of the cells, up and down move to the next agent), one height for every card, so
// the row window's arithmetic holds; the element sets --_types and --_half, the lines the types
// take in one column and in two.
const cards = css`
  @container usage-overview (width < 600px) {
    [part~='toolbar'] > .field {
      flex: 1 1 100%;
    }
    input {
      min-width: 0;
    }
    .table {
      --_line: 1.375rem;
      --_head: 2.75rem;
      --_row-height: calc(var(--_head) + var(--_half, 5) * var(--_line) + 2 * var(--_space-s));
    }
    .inner,
    .row {
      width: auto;
    }
    .header {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    .body .row {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      grid-template-rows: var(--_head);
      grid-auto-rows: var(--_line);
      align-content: start;
      column-gap: var(--_space-m);
      padding: var(--_space-s) var(--_space-m);
    }
    .cell.name {
      position: static;
      grid-column: 1 / -1;
      padding: 0;
      border: 0;
    }
    .agent-name {
      font-weight: 600;
    }
    .mark::before {
      justify-content: start;
      font-size: 1rem;
    }
    .mark.yes::after,
    .mark.no::after {
      position: absolute;
      inset-block: 0;
      inset-inline: 1.5rem 0;
      overflow: hidden;
      white-space: nowrap;
      text-indent: 0;
      text-overflow: ellipsis;
      font-size: 0.875rem;
      line-height: var(--_line);
      content: attr(data-type) / '';
    }
    .mark.no::after {
      color: var(--_no-mark);
    }
  }
  @container usage-overview (width < 26rem) {
    .table {
      --_row-height: calc(var(--_head) + var(--_types, 10) * var(--_line) + 2 * var(--_space-s));
    }
    .body .row {
      grid-template-columns: minmax(0, 1fr);
    }
  }
`;

// Forced colours (issue #23): the grid keeps its lines in CanvasText; the row holding focus is
// outlined in Highlight (the cell's own ring inside it), and the loading body and messages keep
// frames. The marks' colours are in \`marks\` above.
const forced = css`
  @media (forced-colors: active) {
    .body .row:focus-within {
      outline: 2px solid Highlight;
      outline-offset: -2px;
    }
    .cell:focus-visible {
      outline: 2px solid Highlight;
      outline-offset: -4px;
    }
    .mark.no::after {
      color: GrayText;
    }
  }
`;

// Narrow for its text (a phone at 200 % text, where 19rem is 608 px, so every card there): an
// e-mail address may take two lines, wrapping anywhere; every card is one line taller, so one
// height holds for all. 19rem, not more: the usage dialog on a 390 px phone at 100 % is 19.9rem
// wide, where the e-mail fits one line and a taller card would only show an empty band.
const bigText = css`
  @container usage-overview (width < 19rem) {
    .table {
      --_head: 4rem;
    }
    .email {
      white-space: normal;
      overflow-wrap: anywhere;
      line-height: 1.25;
    }
  }
`;

export const styles = [base, table, space, rows, marks, cards, bigText, forced];
