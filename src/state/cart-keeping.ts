// The pending cart kept across page reloads (`LicensingStore.keepCart`), apart from the state
// machine (licensing-store.ts): where it is kept, restoring it once over the first snapshot loaded,
// and keeping it again on every change. The keeping itself (`CartKeeper`, carry-over.ts) is code
// that loads on first use, with the conflicts'.
import type { CartHost, CartKeeper, CartStorage } from './carry-over.js';
import { carryOver, elsewhere } from './commit.js';
import type { LicensingState } from './state.js';

/** The store's kept cart: none until `keep` is called. */
export class CartKeeping {
  private keeper: CartKeeper | undefined;
  private keeping: { account: string; ready: Promise<void> } | undefined;

  /**
   * Keeps the cart of `account` in `storage`; the same account again does nothing. Code that does
   * not load keeps no cart and fails no load; `keep` again asks for it again.
   */
  keep(account: string, storage: CartStorage, host: CartHost): void {
    if (this.keeping?.account === account) return;
    this.keeping = {
      account,
      ready: carryOver().then(
        ({ CartKeeper }) => {
          this.keeper = new CartKeeper(storage, account, host, elsewhere);
          void this.restore();
        },
        () => void (this.keeping = undefined),
      ),
    };
  }

  /**
   * Restores the kept cart, once, over the first snapshot loaded (carry-over.ts). Returns what
   * settles once it is restored, its code still loading (none when no cart is kept).
   */
  restore(): Promise<void> | undefined {
    this.keeper?.restore();
    return this.keeping?.ready;
  }

  /** Keeps the state's cart, with the cart's key, when its draft or commit changed. */
  save(state: LicensingState, previous: LicensingState): void {
    this.keeper?.save(state, previous);
  }
}
