import { css } from 'lit';

/** The review's "When each change applies" and "Download summary": loaded with them. */
export const styles = css`
  /* When each change applies (R5): per change its name, then its steps side by side (stacked on a phone). */
  [part~='timeline'] h3 {
    margin: var(--_space-m) 0 var(--_space-s);
    font-size: 1rem;
  }
  .when {
    display: grid;
    grid-template-columns: minmax(8rem, 12rem) 1fr;
    gap: var(--_space-xs) var(--_space-m);
    padding-block: var(--_space-s);
    border-bottom: 1px solid var(--_border);
  }
  .when ol {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: var(--_space-xs) var(--_space-m);
  }
  .when li {
    padding-inline-start: var(--_space-s);
    border-inline-start: 3px solid var(--_border);
  }
  [part~='summary-download'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
  }
  @container (max-width: 40rem) {
    .when {
      grid-template-columns: 1fr;
    }
  }
`;
