import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  /* A little narrow for six columns: the table scrolls inside its box, the names staying in view. */
  .scroll {
    overflow-x: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding: var(--_space-s) var(--_space-m);
    border-bottom: 1px solid var(--_border);
    text-align: end;
    vertical-align: baseline;
  }
  tbody tr:last-child > * {
    border-bottom: 0;
  }
  thead th {
    color: var(--_muted);
    font-size: 0.875rem;
    font-weight: 600;
    white-space: nowrap;
  }
  th:first-child {
    position: sticky;
    inset-inline-start: 0;
    background: var(--_surface);
    text-align: start;
  }
  .pending th {
    box-shadow: inset 4px 0 var(--_accent);
  }
  lk-number-stepper {
    --lk-number-stepper-width: 7ch;
  }
  lk-number-stepper::part(label) {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  lk-number-stepper::part(message) {
    max-width: 16rem;
    text-align: start;
  }
  td:nth-child(n + 5) {
    white-space: nowrap;
  }
  .change {
    display: block;
    color: var(--_accent);
    font-weight: 600;
  }
  .link {
    display: block;
    margin-inline-start: auto;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    text-align: end;
    cursor: pointer;
  }
  /*
   * On a phone each licence is a block: its name and count, then each figure on a line of its own,
   * named by its column (the explicit roles keep the table's semantics under another display).
   */
  @container (width < 36rem) {
    table,
    tbody,
    tr {
      display: block;
    }
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    tr {
      display: grid;
      grid-template-columns: 1fr auto;
      align-items: center;
      gap: var(--_space-xs) var(--_space-s);
      padding: var(--_space-s) var(--_space-m);
      border-bottom: 1px solid var(--_border);
    }
    tbody tr:last-child {
      border-bottom: 0;
    }
    th,
    td {
      padding: 0;
      border: 0;
    }
    th:first-child {
      position: static;
      box-shadow: none;
    }
    .pending {
      box-shadow: inset 4px 0 var(--_accent);
    }
    td[data-label] {
      grid-column: 1 / -1;
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      column-gap: var(--_space-s);
    }
    td[data-label]::before {
      content: attr(data-label) / '';
      color: var(--_muted);
    }
    .change,
    .link {
      flex-basis: 100%;
    }
  }

  /* Forced colours (issue #23): box shadows are dropped, so a pending licence's mark is a border. */
  @media (forced-colors: active) {
    .pending th {
      border-inline-start: 4px solid Highlight;
    }
    @container (width < 36rem) {
      .pending th {
        border-inline-start: 0;
      }
      .pending {
        border-inline-start: 4px solid Highlight;
      }
    }
  }
  tr {
    scroll-margin: var(--_space-m) 0 7rem;
  }
`;
