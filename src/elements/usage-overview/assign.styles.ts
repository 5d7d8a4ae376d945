/**
 * The selection's styles (assign.ts), adopted by the overview's shadow root with the selection's
 * code: a read-only overview loads none of them. The checkbox sits at the start of the agent cell,
 * so the sticky agent column, the keyboard's columns and the phone's cards stay as they are.
 *
 * Why, rule by rule (here, not in the text: a comment in it would ship):
 * - `.header .type`: a column the toolbar's type chooser scrolls to stays clear of the sticky
 *   agent column.
 * - `.pick`: 24 × 24 CSS px at the default text size, the smallest target WCAG 2.5.8 allows.
 * - `.picked:empty`, `.toast:not(.shown)`: the live regions stay in the page while silent, taking
 *   no room (nor a gap of the column).
 * - `.selection [aria-disabled]`: an action that is off stays focusable in the toolbar (WAI-ARIA
 *   APG), and looks like a disabled button.
 * - Below 600 px the toolbar is compact, so a phone keeps its height for the agents: no frame,
 *   smaller gaps and controls (still 2rem, 32 px, high).
 * - Below 18rem the container is narrow for its text (a phone at 200 % text; see bigText in
 *   usage-overview.styles.ts): beside the checkbox a long name takes two lines and an e-mail
 *   three, so every card is that much taller and one height still holds for all of them. 18rem,
 *   below bigText's 19rem: a phone at 100 % (the usage dialog on a 390 px screen is 19.9rem
 *   wide) keeps the shortest cards.
 */
const text = `
  .header .type {
    scroll-margin-inline-start: calc(var(--_name-width) + 2.5rem);
  }
  .row .name {
    flex-basis: calc(var(--_name-width) + 2.5rem);
    padding-inline-start: 2.5rem;
  }
  .cell.name {
    position: sticky;
  }
  .pick {
    position: absolute;
    inset-inline-start: var(--_space-s);
    top: calc(50% - 0.75rem);
    width: 1.5rem;
    min-width: 0;
    height: 1.5rem;
    min-height: 0;
    margin: 0;
    padding: 0;
    accent-color: var(--_accent);
  }
  .body .row[aria-selected='true'] {
    --_background: var(--usage-overview-selected-background, var(--_surface-raised));
  }
  .body .row[aria-selected='true'] .name {
    box-shadow: inset 3px 0 0 var(--_accent);
  }
  .picks {
    display: contents;
  }
  .picked {
    margin: 0;
    font-weight: 600;
  }
  .picked:empty,
  .toast:not(.shown) {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
  .selection,
  .banner,
  .toast.shown {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
    margin: 0;
    padding: var(--_space-s) var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }
  .banner {
    border-color: var(--_warning);
  }
  .banner.done {
    border-color: var(--_success);
  }
  .selection .field {
    grid-auto-flow: column;
    align-items: center;
  }
  .available {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .selection [aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .confirm {
    max-width: min(32rem, calc(100vw - 2rem));
    padding: var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  .confirm::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  .confirm h2 {
    margin: 0 0 var(--_space-s);
    font-size: 1.125rem;
  }
  .confirm p {
    margin: 0 0 var(--_space-s);
  }
  .refusal,
  .failure {
    color: var(--_danger);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
  }
  @container usage-overview (width < 600px) {
    .cell.name.cell {
      position: relative;
      padding-inline-start: 2rem;
    }
    .pick {
      inset-inline-start: 0;
    }
    .selection {
      gap: var(--_space-xs);
      padding: 0;
      border: 0;
      background: none;
    }
    .selection .button,
    .selection select {
      min-height: 2rem;
      padding: 0 var(--_space-s);
      font-size: 0.875rem;
    }
  }
  @container usage-overview (width < 18rem) {
    .table {
      --_head: 6.5rem;
    }
    .agent-name {
      white-space: normal;
      overflow-wrap: anywhere;
      line-height: 1.25;
    }
  }
`;

let sheet: CSSStyleSheet | undefined;

/** The sheet, made once (plain CSSOM: Lit's css tag would tie this chunk to the overview's). */
export function assignSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
  }
  return sheet;
}
