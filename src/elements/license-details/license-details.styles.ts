import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_included: var(--license-details-included-color, var(--_success));
    --_excluded: var(--license-details-excluded-color, var(--_muted));
    --_expiring: var(--license-details-warning-color, var(--_warning));
    --_expired: var(--license-details-danger-color, var(--_danger));
  }
  [part~='base'] {
    display: flex;
    flex-direction: column;
    gap: var(--_space-m);
    padding: var(--license-details-padding, var(--_space-m));
    border: 1px solid var(--license-details-border-color, var(--_border));
    border-radius: var(--_radius);
    background: var(--license-details-background, var(--_surface));
  }
  [part~='heading'] {
    margin: 0;
    font-size: 1.125rem;
  }
  dl,
  dd {
    margin: 0;
  }
  [part~='summary'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s) var(--_space-l);
  }
  [part~='fact'] dt {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  [part~='fact'] dd {
    font-weight: 600;
  }
  [part~='expiry'] {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-xs);
  }
  [part~='badge'] {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-xs);
    padding: 0 var(--_space-s);
    border: 1px solid currentColor;
    border-radius: 999px;
    color: var(--_included);
  }
  [data-state='expiring'],
  [data-state='grace'] {
    color: var(--_expiring);
  }
  [data-state='expired'],
  [data-state='deactivated'] {
    color: var(--_expired);
  }
  .icon {
    flex: none;
  }
  [part~='notice'] {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
    margin: 0;
    padding: var(--_space-s) var(--_space-m);
    border: 1px solid currentColor;
    border-inline-start-width: 0.375rem;
    border-radius: var(--_radius);
  }
  [part~='notice'][data-kind='warning'] {
    color: var(--_expiring);
  }
  [part~='notice'][data-kind='danger'] {
    color: var(--_expired);
  }
  [part~='groups'] {
    display: grid;
    grid-template-columns: repeat(
      auto-fill,
      minmax(min(100%, var(--license-details-column-width, 15rem)), 1fr)
    );
    gap: var(--_space-m);
  }
  [part~='group'] {
    display: flex;
    flex-direction: column;
    gap: var(--_space-s);
  }
  [part~='group-heading'] {
    margin: 0;
    padding-bottom: var(--_space-xs);
    border-bottom: 1px solid var(--_border);
    font-size: 1rem;
  }
  [part~='figures'] {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: var(--_space-xs) var(--_space-m);
  }
  [part~='figure'] {
    display: contents;
  }
  [part~='figure-value'] {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
    text-align: end;
  }
  [part~='list'] {
    display: flex;
    flex-direction: column;
    gap: var(--_space-xs);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='item'] {
    display: flex;
    align-items: flex-start;
    gap: var(--_space-s);
  }
  .item-icon {
    display: inline-flex;
    color: var(--_included);
  }
  [data-in-force='false'] .item-icon,
  [data-included='false'] .item-icon,
  [data-included='false'] [part~='item-name'] {
    color: var(--_excluded);
  }
  .item-text {
    display: flex;
    flex-wrap: wrap;
    column-gap: var(--_space-s);
  }
  .item-state {
    color: var(--_muted);
    font-size: 0.8125rem;
    align-self: center;
  }
  .item-description {
    flex-basis: 100%;
    color: var(--_muted);
    font-size: 0.8125rem;
  }
  [part~='note'] {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  a {
    color: var(--_accent);
  }

  /* Forced colours (issue #23): every status keeps its words and icon and gets its own frame —
     active solid, expiring or grace dashed, expired or deactivated double; what is not included
     (or not in force) is GrayText. */
  @media (forced-colors: active) {
    [part~='badge'][data-state='expiring'],
    [part~='badge'][data-state='grace'] {
      border-style: dashed;
    }
    [part~='badge'][data-state='expired'],
    [part~='badge'][data-state='deactivated'] {
      border: 3px double CanvasText;
    }
    [part~='notice'][data-kind='danger'] {
      border-style: double;
    }
    [data-in-force='false'] .item-icon,
    [data-included='false'] .item-icon,
    [data-included='false'] [part~='item-name'] {
      color: GrayText;
    }
  }
`;
