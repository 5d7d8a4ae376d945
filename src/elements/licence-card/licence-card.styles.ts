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
  [part~='header'] {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-s);
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
  /* "Request" after the name: a request's draft, never a purchase (a border, so not colour alone). */
  [part~='request-badge'] {
    margin-inline-end: auto;
    padding: 0 var(--_space-xs);
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    color: var(--_muted);
    font-size: 0.75rem;
    font-weight: 600;
    text-transform: uppercase;
  }
`;
