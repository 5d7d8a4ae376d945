import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  [part~='base'] {
    display: flex;
    flex-direction: column;
    gap: var(--_space-s);
    height: 100%;
    padding: var(--licence-card-padding, var(--_space-m));
    border: 1px solid var(--licence-card-border-color, var(--_border));
    border-radius: var(--_radius);
    background: var(--licence-card-background, var(--_surface));
  }
  :host(:state(pending)) [part~='base'] {
    border-color: var(--licence-card-accent, var(--_accent));
  }
  /* The name and the info button on one row; "Request" on its own row under the name, so a name
     never wraps to make room for it (at 1440 px in a narrow column, or at 390 px). */
  [part~='header'] {
    display: grid;
    grid-template-columns: 1fr auto;
    align-items: center;
    gap: var(--_space-xs) var(--_space-s);
  }
  [part~='name'] {
    margin: 0;
    font-size: 1.125rem;
  }
  [part~='description'],
  [part~='price'],
  [part~='usage'],
  [part~='note'] {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  [part~='count'],
  [part~='pending'] {
    margin: 0;
  }
  [part~='pending'] {
    font-weight: 600;
    color: var(--licence-card-accent, var(--_accent));
  }
  .link {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
  meter {
    width: 100%;
  }
  /* The switch cards (switch-cards.ts): the state after the switch; off, the meter fades. */
  .toggle {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-xs) var(--_space-s);
  }
  /* A flex box, so no line box adds a descender below the switch and "On" sits level with it. */
  .toggle lk-switch {
    display: flex;
  }
  .stops {
    color: var(--_warning);
  }
  [part~='limit'] {
    margin: 0;
    font-size: 0.875rem;
  }
  [data-off] meter {
    opacity: 0.4;
  }
  [part~='footer'] {
    margin-top: auto;
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_space-s);
    font-size: 0.875rem;
  }
  [part~='subtotal'] {
    font-weight: 600;
  }
  /* R11: past a threshold, in words with an icon (usage-alerts.ts); the text carries the meaning. */
  [part~='threshold'] {
    display: flex;
    align-items: center;
    gap: var(--_space-xs);
    margin: 0;
    font-size: 0.875rem;
    font-weight: 600;
    color: var(--_warning);
  }
  [part~='threshold'] .icon {
    flex: none;
  }
  [part~='keep-running'] {
    margin: 0;
    font-size: 0.875rem;
  }
  [part~='raise-button'] {
    align-self: flex-start;
    font-size: 0.875rem;
  }

  /* Forced colours (issue #23): colours become the system's, so states are drawn with lines. A
     pending change outlines the card in Highlight; an error message gets a rule at its start. */
  @media (forced-colors: active) {
    :host(:state(pending)) [part~='base'] {
      outline: 2px solid Highlight;
      outline-offset: -1px;
    }
    [part~='message'][data-kind='error'] {
      padding-inline-start: var(--_space-s);
      border-inline-start: 3px solid CanvasText;
    }
  }
  /* Target size (WCAG 2.5.8, issue #23): the link-styled button ("See who uses Voice") stands on
     its own line, so it is at least 24 px tall like every other control. */
  .link {
    min-block-size: 1.5rem;
  }
  [part~='request-badge'] {
    grid-row: 2;
  }
`;
