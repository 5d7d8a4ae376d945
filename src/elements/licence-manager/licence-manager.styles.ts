import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  [part~='base'] {
    display: flex;
    flex-direction: column;
    gap: var(--licence-manager-gap, var(--_space-l));
  }
  [part~='header'] {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: var(--_space-m);
  }
  h2 {
    margin: 0;
    font-size: 1.5rem;
  }
  h3 {
    margin: 0 0 var(--_space-s);
    font-size: 1.125rem;
  }
  [part~='description'] {
    margin: var(--_space-xs) 0 0;
    color: var(--_muted);
    max-width: 60ch;
  }
  [part~='invoice-warning'] {
    margin: 0;
    padding: var(--_space-s) var(--_space-m);
    border-inline-start: 4px solid var(--_warning);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    font-weight: 600;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(var(--licence-manager-card-width, 17rem), 1fr));
    gap: var(--_space-m);
  }
  .stack {
    display: flex;
    flex-direction: column;
    gap: var(--_space-s);
  }
  .stack licence-card {
    flex: 1;
  }
  retention-picker {
    padding: var(--_space-s) var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  [part~='cart'] {
    position: sticky;
    bottom: 0;
    z-index: 1;
  }
  dialog {
    width: min(72rem, calc(100vw - 2rem));
    height: min(48rem, calc(100vh - 2rem));
    padding: var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  dialog[open] {
    display: flex;
    flex-direction: column;
    gap: var(--_space-s);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  .dialog-header {
    display: flex;
    align-items: center;
    justify-content: space-between;
  }
  dialog usage-overview {
    flex: 1;
    min-height: 0;
  }
  .installation {
    display: grid;
    gap: var(--_space-m);
  }
`;
