import { ContextProvider } from '@lit/context';
import { css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { LicensingAdapter } from '../../adapters/adapter.js';
import { LicenceElement } from '../../base/licence-element.js';
import { licensingContext } from '../../state/context.js';
import { sharedStoreFor } from '../../state/controller.js';
import type { LicensingStore } from '../../state/licensing-store.js';

/**
 * @tagname licence-provider
 * @summary Gives every licence-kit widget inside it one shared store: one load, one draft, one cart.
 *
 * Set `.adapter` (a `MemoryAdapter`, a `RestAdapter`, or your own) or `.store`. Widgets inside
 * find the store through `@lit/context`; a widget outside any provider takes `.adapter` itself.
 *
 * @slot - The widgets, and any of your own markup around them.
 */
export class LicenceProvider extends LicenceElement {
  static override styles = [
    LicenceElement.styles,
    css`
      :host {
        display: block;
      }
    `,
  ];

  /** Where the data comes from. A store is made for it (one per adapter). */
  @property({ attribute: false }) adapter: LicensingAdapter | undefined;

  /** A store to provide instead of one made from `adapter`, e.g. to share it with other code. */
  @property({ attribute: false }) store: LicensingStore | undefined;

  /**
   * Keeps the pending cart in `sessionStorage` under this name, so a page reload does not lose it
   * (`LicensingStore.keepCart`). Name the account: `cart-key="account-42"`. None by default.
   */
  @property({ attribute: 'cart-key' }) cartKey = '';

  private readonly provider = new ContextProvider(this, { context: licensingContext });

  /** The store the widgets inside get. */
  get providedStore(): LicensingStore | undefined {
    return this.store ?? (this.adapter ? sharedStoreFor(this.adapter) : undefined);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('adapter') || changed.has('store')) this.provider.setValue(this.providedStore);
    if (this.cartKey) this.providedStore?.keepCart(this.cartKey);
  }

  override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'licence-provider': LicenceProvider;
  }
}
