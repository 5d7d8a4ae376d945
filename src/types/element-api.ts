// What a framework sees of each public element: the properties a host sets, the attributes it may
// write in markup, and the events the element fires (or, for the two containers, lets bubble out).
// One list feeds the React wrappers (`licence-kit/react.js`), the React 19 JSX types
// (`licence-kit/jsx-react`) and Vue's GlobalComponents (`licence-kit/vue`), so they cannot drift.
// Only `licenceEventNames` and `elementEvents` exist at run time; importing the classes as types
// registers nothing.
import type { LicenceEventMap } from '../events.js';
import type { LicenceCard } from '../elements/licence-card/licence-card.component.js';
import type { LicenceCart } from '../elements/licence-cart/licence-cart.component.js';
import type { LicenceManager } from '../elements/licence-manager/licence-manager.component.js';
import type { LicenceProvider } from '../elements/licence-provider/licence-provider.component.js';
import type { LicenseDetails } from '../elements/license-details/license-details.component.js';
import type { LicenseToken } from '../elements/license-token/license-token.component.js';
import type { PowerPackLimits } from '../elements/power-pack-limits/power-pack-limits.component.js';
import type { RetentionPicker } from '../elements/retention-picker/retention-picker.component.js';
import type { UsageOverview } from '../elements/usage-overview/usage-overview.component.js';
import type { LicenceHistory } from '../elements/licence-history/licence-history.component.js';

/** A licence-kit event's name. */
export type LicenceEventName = keyof LicenceEventMap;

// A Record needs every key of the event map and no other, so an event added to src/events.ts
// without a line here fails the type check.
const everyEvent: Record<LicenceEventName, true> = {
  'licence-change': true,
  'licence-before-commit': true,
  'licence-commit': true,
  'licence-commit-error': true,
  'licence-leave': true,
  'licence-show-usage': true,
  'licence-show-problem': true,
  'licence-token-copy': true,
  'licence-key-apply': true,
  'licence-log-download': true,
  'licence-usage-filter-change': true,
  'licence-usage-export': true,
  'licence-summary-download': true,
  'licence-usage-threshold': true,
  'licence-change-request': true,
  'licence-back-to-cart': true,
};

/** Every licence-kit event. */
export const licenceEventNames = Object.keys(everyEvent) as readonly LicenceEventName[];

/**
 * The events each element fires. `licence-provider` and `licence-manager` contain the widgets, so
 * every widget's event bubbles out of them.
 */
export const elementEvents = {
  'licence-provider': licenceEventNames,
  'licence-manager': licenceEventNames,
  'licence-card': ['licence-change', 'licence-show-usage', 'licence-usage-threshold'],
  'licence-cart': [
    'licence-change',
    'licence-before-commit',
    'licence-commit',
    'licence-commit-error',
    'licence-leave',
    'licence-show-problem',
    'licence-summary-download',
    'licence-change-request',
  ],
  'retention-picker': ['licence-change'],
  'power-pack-limits': ['licence-change', 'licence-usage-threshold'],
  'usage-overview': ['licence-usage-filter-change', 'licence-usage-export', 'licence-back-to-cart'],
  'license-token': ['licence-token-copy', 'licence-key-apply', 'licence-log-download'],
  'license-details': [],
  'licence-history': [],
} as const satisfies Record<LicenceKitTag, readonly LicenceEventName[]>;

/** Properties every data widget has: where its data comes from, and its language. */
type WidgetProperties = 'adapter' | 'store' | 'lang';
type InstallationProperties = WidgetProperties | 'now' | 'supportUrl';

/** What a framework sees of one element; `properties` must name members of `element`. */
export interface ElementApi<E extends HTMLElement, P extends keyof E, A extends object = object> {
  element: E;
  properties: P;
  attributes: A;
}

/**
 * Per public tag: the element class, the properties a host may set (objects only as properties),
 * and the attributes it may write in markup (always strings).
 */
export interface LicenceKitElements {
  'licence-provider': ElementApi<LicenceProvider, WidgetProperties | 'cartKey', { 'cart-key'?: string }>;
  // `hide` is a property (an array) to frameworks: React 19 and Vue set it as one, since the
  // element has it; the space-separated attribute is for HTML.
  'licence-manager': ElementApi<
    LicenceManager,
    WidgetProperties | 'hide' | 'cartKey' | 'user',
    { 'cart-key'?: string }
  >;
  'licence-card': ElementApi<
    LicenceCard,
    WidgetProperties | 'typeId' | 'thresholds' | 'now',
    { 'type-id'?: string; thresholds?: string }
  >;
  'licence-cart': ElementApi<LicenceCart, WidgetProperties | 'user'>;
  'retention-picker': ElementApi<RetentionPicker, WidgetProperties | 'name' | 'disabled' | 'value'>;
  'power-pack-limits': ElementApi<
    PowerPackLimits,
    WidgetProperties | 'thresholds' | 'now',
    { thresholds?: string }
  >;
  'usage-overview': ElementApi<
    UsageOverview,
    WidgetProperties | 'typeId' | 'search' | 'searchDelay' | 'pageSize',
    { 'type-id'?: string; 'search-delay'?: string; 'page-size'?: string }
  >;
  'license-token': ElementApi<LicenseToken, InstallationProperties, { 'support-url'?: string }>;
  'license-details': ElementApi<LicenseDetails, InstallationProperties | 'names', { 'support-url'?: string }>;
  'licence-history': ElementApi<
    LicenceHistory,
    WidgetProperties | 'pageSize' | 'typeFilter' | 'period' | 'headingLevel',
    { 'page-size'?: string; 'type-filter'?: string; period?: string; 'heading-level'?: string }
  >;
}

/** A public licence-kit tag. */
export type LicenceKitTag = keyof LicenceKitElements;

/** The element class behind `Tag`. */
export type ElementOf<Tag extends LicenceKitTag> = LicenceKitElements[Tag]['element'];

/** The properties of `Tag` a host may set, all optional. */
export type PropertiesOf<Tag extends LicenceKitTag> = Partial<
  Pick<ElementOf<Tag>, LicenceKitElements[Tag]['properties'] & keyof ElementOf<Tag>>
>;

/** The attributes of `Tag` a host may write in markup. */
export type AttributesOf<Tag extends LicenceKitTag> = LicenceKitElements[Tag]['attributes'];

/** The names of the events `Tag` fires. */
export type EventsOf<Tag extends LicenceKitTag> = (typeof elementEvents)[Tag][number];

/** `licence-commit` → `LicenceCommit`. */
export type PascalCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Capitalize<Head>}${PascalCase<Tail>}`
  : Capitalize<S>;
