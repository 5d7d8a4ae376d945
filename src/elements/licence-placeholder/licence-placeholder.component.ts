import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { LicenceElement } from '../../base/licence-element.js';
import { styles } from './licence-placeholder.styles.js';

/**
 * @tagname licence-placeholder
 * @summary A stand-in that proves the toolchain end to end until the real widgets land.
 *
 * @slot - Text shown under the heading.
 * @csspart base - The outer box.
 * @csspart heading - The heading.
 * @cssproperty --licence-placeholder-border-color - Border colour of the box.
 */
export class LicencePlaceholder extends LicenceElement {
  static override styles = [LicenceElement.styles, styles];

  /** The heading shown at the top of the box. */
  @property() heading = 'Licensing';

  override render() {
    return html`<section part="base" aria-labelledby="heading">
      <h2 part="heading" id="heading">${this.heading}</h2>
      <slot></slot>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'licence-placeholder': LicencePlaceholder;
  }
}
