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
  [part~='invoice-warning'],
  [part~='read-only'] {
    margin: 0;
    padding: var(--_space-s) var(--_space-m);
    border-inline-start: 4px solid var(--_warning);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    font-weight: 600;
  }
  [part~='read-only'] {
    border-inline-start-color: var(--_accent);
  }
  /* The sections lay out by their own width, wherever a host puts the page. */
  section {
    container-type: inline-size;
  }
  .grid {
    --_card: var(--licence-manager-card-width, 17rem);
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(var(--_card), 1fr));
    gap: var(--_space-m);
  }
  /*
   * Call recording and its retention in one box, the border's colour showing between them: side by
   * side over two columns when the section has room for two (then it always has two: a wider card
   * setting cannot leave one), else stacked.
   */
  .recording {
    display: grid;
    gap: 1px;
    overflow: hidden;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_border);
  }
  .recording:has(:state(pending)) {
    border-color: var(--_accent);
  }
  .recording licence-card::part(base) {
    border: 0;
    border-radius: 0;
  }
  retention-picker {
    padding: var(--_space-m);
    background: var(--_surface);
  }
  lk-seat-table + .recording {
    width: min(100%, 30rem);
    margin-top: var(--_space-m);
  }
  /* Below 60rem Speech-to-Text and Power Pack take a row each. */
  .usage > * {
    grid-column: 1 / -1;
  }
  @container (min-width: 36rem) {
    .grid {
      --_card: min(var(--licence-manager-card-width, 17rem), 50% - var(--_space-m) / 2);
    }
    .grid .recording {
      grid-column: span 2;
      grid-template-columns: 1fr 1fr;
    }
  }
  @container (min-width: 60rem) {
    .usage licence-card {
      grid-column: auto;
    }
    .usage licence-card + power-pack-limits {
      grid-column: 2 / -1;
    }
  }
  [part~='cart'] {
    position: sticky;
    bottom: 0;
    z-index: 1;
  }
  licence-card {
    scroll-margin: var(--_space-m) 0 7rem;
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

  /* Forced colours (issue #23): the line between call recording and its retention is the box's
     background, which forced colours would make Canvas, so it is CanvasText; pending, Highlight. */
  @media (forced-colors: active) {
    .recording {
      background: CanvasText;
    }
    .recording:has(:state(pending)) {
      outline: 2px solid Highlight;
      outline-offset: -1px;
    }
  }
`;
