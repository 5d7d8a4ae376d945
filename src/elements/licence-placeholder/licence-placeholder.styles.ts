import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  [part='base'] {
    border: 1px solid var(--licence-placeholder-border-color, var(--lk-color-border, #d0d7de));
    border-radius: var(--lk-radius, 0.5rem);
    padding: var(--lk-space-m, 1rem);
  }
  [part='heading'] {
    font-size: 1.125rem;
    margin: 0 0 0.5rem;
  }
`;
