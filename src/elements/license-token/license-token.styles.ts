import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  [part~='base'] {
    display: flex;
    flex-direction: column;
    gap: var(--_space-s);
    padding: var(--license-token-padding, var(--_space-m));
    border: 1px solid var(--license-token-border-color, var(--_border));
    border-radius: var(--_radius);
    background: var(--license-token-background, var(--_surface));
  }
  [part~='header'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-s);
  }
  [part~='heading'] {
    margin: 0;
    font-size: 1.125rem;
  }
  [part~='actions'] {
    display: flex;
    gap: var(--_space-xs);
  }
  .icon-button {
    display: inline-grid;
    place-items: center;
    width: 2.25rem;
    height: 2.25rem;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--license-token-icon-color, var(--_accent));
    cursor: pointer;
  }
  .icon-button[aria-expanded='true'] {
    background: var(--_surface-raised);
    border-color: var(--license-token-icon-color, var(--_accent));
  }
  .icon-button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.6;
  }
  .icon {
    flex: none;
  }
  [part~='description'],
  [part~='hint'],
  [part~='note'],
  [part~='key-hint'] {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  [part~='token-row'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
  }
  [part~='token-label'] {
    font-weight: 600;
  }
  .token {
    padding: var(--_space-xs) var(--_space-s);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    font-family: var(--license-token-token-font, ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace);
    overflow-wrap: anywhere;
    user-select: text;
    cursor: copy;
  }
  .token:hover {
    border-color: var(--_accent);
  }
  .copy-status {
    flex-basis: 100%;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .copy-status:empty {
    display: none;
  }
  [part~='update-form'] {
    display: flex;
    flex-direction: column;
    gap: var(--_space-s);
    padding: var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }
  [part~='update-heading'],
  [part~='banner-heading'],
  [part~='move-heading'] {
    display: flex;
    align-items: center;
    gap: var(--_space-xs);
    margin: 0;
    font-size: 1rem;
  }
  [part~='key-label'] {
    font-weight: 600;
  }
  textarea {
    width: 100%;
    min-height: 6rem;
    padding: var(--_space-s);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font-family: var(--license-token-token-font, ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace);
    font-size: 0.875rem;
    resize: vertical;
  }
  textarea[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  [part~='key-error'] {
    color: var(--_danger);
    font-size: 0.875rem;
  }
  [part~='key-error']:empty {
    display: none;
  }
  [part~='form-actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
  }
  .button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.6;
  }
  [part~='banner'] {
    --_banner: var(--license-token-warning-color, var(--_warning));
    display: flex;
    flex-direction: column;
    gap: var(--_space-xs);
    padding: var(--_space-m);
    border: 1px solid var(--_banner);
    border-inline-start-width: 0.375rem;
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  [part~='banner'][data-state='deactivated'] {
    --_banner: var(--license-token-danger-color, var(--_danger));
  }
  [part~='banner-heading'] {
    color: var(--_banner);
  }
  [part~='banner-text'] {
    margin: 0;
  }
  [part~='move'] {
    display: flex;
    flex-direction: column;
    gap: var(--_space-xs);
    padding: var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }
  a {
    color: var(--_accent);
  }

  /* Forced colours (issue #23): the open form's button is filled with Highlight; the deactivated
     banner's frame is double, the grace one's solid; an invalid key thickens the field's frame. */
  @media (forced-colors: active) {
    .icon-button[aria-expanded='true'] {
      forced-color-adjust: none;
      border-color: Highlight;
      background: Highlight;
      color: HighlightText;
    }
    [part~='banner'][data-state='deactivated'] {
      border-style: double;
      border-width: 3px 3px 3px 0.375rem;
    }
    textarea[aria-invalid='true'] {
      border: 3px double CanvasText;
    }
  }
`;
