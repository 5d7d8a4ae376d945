import { LitElement, css, type CSSResultGroup } from 'lit';

/**
 * The thin base class of every licence-kit element: shared host styles and nothing else that a
 * single element could own itself.
 */
export class LicenceElement extends LitElement {
  static override styles: CSSResultGroup = css`
    :host {
      box-sizing: border-box;
      color: var(--lk-color-text, #1f2328);
      font-family: var(--lk-font-family, system-ui, sans-serif);
      font-size: var(--lk-font-size, 1rem);
      line-height: 1.5;
    }
    :host([hidden]) {
      display: none !important;
    }
    *,
    *::before,
    *::after {
      box-sizing: inherit;
    }
  `;
}
