import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  [part~='base'] {
    display: flex;
    flex-direction: column;
    gap: var(--_space-m);
    padding: var(--_space-m);
    border: 1px solid var(--power-pack-limits-border-color, var(--_border));
    border-radius: var(--_radius);
    background: var(--power-pack-limits-background, var(--_surface));
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-s);
  }
  h3 {
    margin: 0;
    font-size: 1.125rem;
  }
  /* "Request" (EditingWidget's badge) next to the title; the switch stays at the end. */
  [part~='request-badge'] {
    margin-inline-end: auto;
  }
  h4 {
    margin: 0;
    font-size: 1rem;
  }
  ul {
    display: grid;
    /* auto-fit: the services share the whole row, no empty column left at its end. */
    grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
    gap: var(--_space-m);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='service'] {
    display: flex;
    flex-direction: column;
    gap: var(--_space-xs);
    padding: var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }
  [part~='service'][data-stopped] {
    border-color: var(--_warning);
  }
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
  /* Off: the limits, meters and prerequisites do not apply, and look it. */
  :host(:state(off)) [part~='service'] {
    color: var(--_muted);
    background: var(--_surface);
  }
  p {
    margin: 0;
    font-size: 0.875rem;
  }
  [part~='description'],
  [part~='usage'],
  [part~='note'] {
    color: var(--_muted);
  }
  [part~='spend'] {
    font-weight: 600;
  }
  [part~='stopped'],
  .stops {
    color: var(--_warning);
  }
  [part~='prerequisite'] {
    display: flex;
    gap: var(--_space-xs);
    align-items: baseline;
  }
  .badge {
    flex: none;
    padding: 0 var(--_space-xs);
    border-radius: var(--_radius);
    border: 1px solid currentColor;
    font-size: 0.75rem;
    font-weight: 700;
  }
  [data-met='true'] .badge {
    color: var(--_success);
  }
  [data-met='false'] .badge {
    color: var(--_warning);
  }
  :host(:state(off)) .badge {
    color: inherit;
    border-style: dashed;
  }
  meter {
    width: 100%;
  }
  /* R11: past a threshold, in words with an icon (usage-alerts.ts); the text carries the meaning. */
  [part~='threshold'] {
    display: flex;
    align-items: center;
    gap: var(--_space-xs);
    font-weight: 600;
    color: var(--_warning);
  }
  [part~='threshold'] .icon {
    flex: none;
  }
  [part~='raise-button'] {
    align-self: flex-start;
    font-size: 0.875rem;
  }

  /* Forced colours (issue #23): a stopped service has a double frame, a switched-off one a dashed
     frame and GrayText; a missing prerequisite's badge a double frame. */
  @media (forced-colors: active) {
    [part~='service'][data-stopped] {
      border: 3px double CanvasText;
    }
    :host(:state(off)) [part~='service'] {
      border-style: dashed;
      color: GrayText;
    }
    [data-met='false'] .badge {
      border: 3px double CanvasText;
    }
    :host(:state(off)) .badge {
      border: 1px dashed GrayText;
    }
  }
`;
