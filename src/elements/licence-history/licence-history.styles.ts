import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  [part~='base'] {
    display: flex;
    flex-direction: column;
    gap: var(--_space-m);
  }
  [part~='heading'] {
    margin: 0;
    font-size: 1.125rem;
    font-weight: 700;
  }
  [part~='intro'],
  [part~='who'],
  [part~='range'] {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  [part~='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space-m);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: var(--_space-xs);
    min-width: 0;
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
    font-weight: 400;
  }
  [part~='export-button'] {
    margin-inline-start: auto;
  }
  [part~='list'] {
    display: flex;
    flex-direction: column;
    gap: var(--_space-s);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='list'][aria-busy='true'] {
    opacity: 0.6;
  }
  [part~='entry'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: var(--_space-xs) var(--_space-m);
    padding: var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  [part~='meta'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space-s);
    grid-column: 1 / -1;
    margin: 0;
  }
  [part~='when'] {
    font-weight: 600;
  }
  [part~='changes'] {
    margin: 0;
    padding-inline-start: 1.25rem;
    overflow-wrap: anywhere;
  }
  [part~='cost'] {
    display: grid;
    grid-template-columns: auto auto;
    gap: 0 var(--_space-s);
    align-content: start;
    margin: 0;
    font-variant-numeric: tabular-nums;
  }
  p[part~='cost'] {
    display: block;
    max-width: 16rem;
    color: var(--_muted);
    text-align: end;
  }
  [part~='cost'] dt {
    color: var(--_muted);
  }
  [part~='cost'] dd {
    margin: 0;
    text-align: end;
  }
  [part~='pager'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
  }
  @media (max-width: 30rem) {
    [part~='entry'] {
      grid-template-columns: minmax(0, 1fr);
    }
    [part~='export-button'] {
      margin-inline-start: 0;
    }
    p[part~='cost'] {
      text-align: start;
    }
  }
`;
