// licence-kit: registers every element and exports every class, the store, the adapters' types
// and errors, and the rule book's types. Import a subpath (`licence-kit/licence-card.js`, …) to
// load only what a page uses.
export * from './elements/licence-provider/licence-provider.js';
export * from './elements/licence-card/licence-card.js';
export * from './elements/licence-cart/licence-cart.js';
export * from './elements/retention-picker/retention-picker.js';
export * from './elements/power-pack-limits/power-pack-limits.js';
export * from './elements/licence-manager/licence-manager.js';
export * from './elements/license-token/license-token.js';
export * from './elements/license-details/license-details.js';
export * from './elements/usage-overview/usage-overview.js';
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
export type * from './core/types.js';
export * from './events.js';
export { registerMessages } from './i18n/locale.js';
