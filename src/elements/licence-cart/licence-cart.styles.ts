import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
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
  .actions {
    display: flex;
    gap: var(--_space-s);
  }
  dialog {
    width: min(48rem, calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    padding: var(--_space-l);
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
    display: flex;
    justify-content: flex-end;
    gap: var(--_space-s);
    margin-top: var(--_space-m);
  }
`;
