import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    position: relative;
  }
  [part~='base'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-s) var(--_space-m);
    padding: var(--_space-s) var(--_space-m);
    border: 1px solid var(--licence-cart-border-color, var(--_border));
    border-radius: var(--_radius);
    background: var(--licence-cart-background, var(--_surface-raised));
  }
  /*
   * Nothing pending: no room taken (the status is still announced, and shown while it has focus,
   * over the page rather than in it, so nothing moves when focus leaves it after a save).
   */
  :host(:state(empty)) [part~='base'] {
    position: absolute;
    inset: auto 0 0;
  }
  :host(:state(empty)) [part~='base']:not(:focus-within) {
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
  :host(:state(pending)) [part~='base'] {
    border-color: var(--licence-cart-accent, var(--_accent));
  }
  [part~='summary'] {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs) var(--_space-m);
  }
  [part~='count'] {
    font-weight: 600;
  }
  [part~='problems'] {
    margin: 0;
    color: var(--_danger);
  }
  [part~='problem-button'] {
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
  .actions {
    margin-inline-start: auto;
    display: flex;
    gap: var(--_space-s);
  }
  dialog {
    width: min(60rem, 95vw);
    container-type: inline-size;
    max-height: calc(100dvh - 2rem);
    padding: var(--_space-l) var(--_space-l) 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  h2 {
    margin: 0 0 var(--_space-m);
    font-size: 1.25rem;
  }
  [part~='invoice-warning'] {
    margin: 0 0 var(--_space-m);
    padding: var(--_space-s) var(--_space-m);
    border-inline-start: 4px solid var(--_warning);
    background: var(--_surface-raised);
    font-weight: 600;
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding: var(--_space-xs) var(--_space-s);
    border-bottom: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  td[data-label] {
    text-align: end;
    white-space: nowrap;
  }
  tfoot th,
  tfoot td {
    font-weight: 700;
    border-bottom: 0;
  }
  [part~='rule'] {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  [part~='warnings'] {
    color: var(--_warning);
  }
  [part~='errors'],
  [part~='failure'] {
    color: var(--_danger);
  }
  [part~='conflict'] {
    padding: var(--_space-s) var(--_space-m);
    border-inline-start: 4px solid var(--_danger);
    background: var(--_surface-raised);
  }
  footer {
    position: sticky;
    bottom: 0;
    display: flex;
    justify-content: flex-end;
    gap: var(--_space-s);
    padding-block: var(--_space-m);
    border-top: 1px solid var(--_border);
    background: var(--_surface);
  }
  /* A narrow review (a phone): one block per change, each amount under its column's name. */
  @container (max-width: 40rem) {
    thead,
    td:empty {
      display: none;
    }
    tr,
    th,
    td {
      display: block;
      border: 0;
      text-align: start;
    }
    tr {
      border-bottom: 1px solid var(--_border);
    }
    td[data-label]::before {
      content: attr(data-label);
      display: block;
      color: var(--_muted);
    }
    /* "before → after (change)" breaks at its spaces, never inside an amount (Intl joins those
       with no-break spaces): Czech amounts are wider than a phone's line. */
    td[data-label] {
      white-space: normal;
    }
  }

  /* Forced colours (issue #23): pending changes outline the bar in Highlight; the review's errors
     get a rule at their start, as their colour alone would vanish. */
  @media (forced-colors: active) {
    :host(:state(pending)) [part~='base'] {
      outline: 2px solid Highlight;
      outline-offset: -1px;
    }
    [part~='errors'],
    [part~='failure'] {
      padding-inline-start: var(--_space-s);
      border-inline-start: 3px solid CanvasText;
    }
  }
  /* Request mode (cart-request.ts): the note for the administrator. */
  .note {
    display: flex;
    flex-direction: column;
    gap: var(--_space-xs);
    margin-block-start: var(--_space-m);
    font-weight: 600;
  }
  .note textarea {
    font: inherit;
    font-weight: 400;
    padding: var(--_space-xs) var(--_space-s);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  .note .hint {
    color: var(--_muted);
    font-size: 0.875rem;
    font-weight: 400;
  }
`;
