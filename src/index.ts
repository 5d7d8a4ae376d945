// licence-kit: registers every element and exports every class, the store, the adapters' types
// and errors, and the rule book's types. Import a subpath (`licence-kit/licence-card.js`, …) to
// load only what a page uses.
import type { LicensingAdapter } from './adapters/adapter.js';
import { ruleBook } from './core/rule-book.js';
import { sharedStoreFor } from './state/controller.js';
import type { LicensingStore } from './state/licensing-store.js';

export * from './elements/licence-provider/licence-provider.js';
export * from './elements/licence-card/licence-card.js';
export * from './elements/licence-cart/licence-cart.js';
export * from './elements/retention-picker/retention-picker.js';
export * from './elements/power-pack-limits/power-pack-limits.js';
export * from './elements/licence-manager/licence-manager.js';
export * from './elements/license-token/license-token.js';
export * from './elements/license-details/license-details.js';
export * from './elements/usage-overview/usage-overview.js';
export * from './elements/licence-history/licence-history.js';
export { LicenceElement } from './base/licence-element.js';
export { defineElement } from './base/define.js';
export * from './adapters/index.js';
export {
  RestAdapter,
  type RestAdapterOptions,
  type RestHeaders,
  type RestRequestInfo,
} from './adapters/rest/index.js';
export * from './state/index.js';
export { ruleBook, type RuleBook } from './core/rule-book.js';

/**
 * The store for an adapter: the one every widget given that adapter (or a provider of it) shares,
 * with the rule book given to it, so `issues`, `quote`, `planned` and `canSave` are real at once.
 * The root entry ships every element, the rules included, so it costs nothing here; with subpath
 * imports, call `store.useRules(ruleBook)` (`ruleBook` from `licence-kit/core.js`) where host code
 * reads those.
 */
export function sharedStoreWithRules(adapter: LicensingAdapter): LicensingStore {
  return sharedStoreFor(adapter).useRules(ruleBook);
}

/**
 * The shared store for an adapter, with the rule book given to it.
 * @deprecated Renamed `sharedStoreWithRules`.
 */
export const storeFor = sharedStoreWithRules;
export type * from './core/types.js';
export * from './events.js';
export { registerMessages } from './i18n/locale.js';
