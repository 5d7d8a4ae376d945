// Loads what the cart says of a change request it saves (cart-saved.ts), once one is reviewed. A
// chunk that fails to load (a deploy replaced it) leaves the cart saying a plain "saved" instead,
// and is asked again next time. The loader is a property so a test can make it fail as a replaced
// deploy would.
import type { ChangeRequest, LicensingSnapshot } from '../../core/index.js';
import type { LocaleController } from '../../i18n/locale.js';
import type { LicensingStore } from '../../state/licensing-store.js';
import type * as Saved from './cart-saved.js';

export const savedChunk = {
  load: (): Promise<typeof Saved> => import('./cart-saved.js'),
};

/** cart-saved.ts for one cart, loaded once. */
export class SavedWords {
  /** The module once loaded. */
  words: typeof Saved | undefined;
  private loading: Promise<typeof Saved | undefined> | undefined;

  /** Starts loading it (once); resolves undefined when it cannot be loaded. */
  load(): Promise<typeof Saved | undefined> {
    return (this.loading ??= savedChunk.load().then(
      (words) => (this.words = words),
      () => (this.loading = undefined),
    ));
  }

  /** What became of `request`, saved into `after`, once the store says; undefined without the words. */
  async outcome(
    locale: Pick<LocaleController, 'section'>,
    store: Pick<LicensingStore, 'state' | 'requests'>,
    request: ChangeRequest,
    after: LicensingSnapshot,
  ): Promise<string | undefined> {
    const words = await this.load();
    return words?.requestSavedText(locale, store, request, after);
  }
}
