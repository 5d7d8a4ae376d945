import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  [part~='base'] {
    display: flex;
    flex-direction: column;
    gap: var(--_space-xs);
  }
  label {
    font-weight: 600;
  }
  select {
    max-width: 100%;
    min-height: 2.25rem;
    padding: 0 var(--_space-s);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
  select:disabled {
    color: var(--_muted);
  }
  [part~='description'],
  [part~='note'],
  [part~='multiplier'] {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  [part~='effect'] {
    margin: 0;
    font-weight: 600;
    color: var(--retention-picker-accent, var(--_accent));
  }
`;
