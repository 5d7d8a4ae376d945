// licence-kit/react.js: React components for every public element, made with @lit/react, with
// typed event props (`onLicenceCommit` → `licence-commit`). They work in React 18 too, which sets
// every prop as an attribute and does not listen to custom events on its own.
//
// Importing this module registers every element (the wrappers need the classes, and a wrapper
// whose tag is not defined would render an inert element). A host that wants only some elements
// and React 19 can write the tags directly with the types of `licence-kit/jsx-react`.
import * as React from 'react';
import { createComponent, type EventName, type ReactWebComponent } from '@lit/react';
import { LicenceCard as LicenceCardElement } from '../elements/licence-card/licence-card.js';
import { LicenceCart as LicenceCartElement } from '../elements/licence-cart/licence-cart.js';
import { LicenceManager as LicenceManagerElement } from '../elements/licence-manager/licence-manager.js';
import { LicenceProvider as LicenceProviderElement } from '../elements/licence-provider/licence-provider.js';
import { LicenseDetails as LicenseDetailsElement } from '../elements/license-details/license-details.js';
import { LicenseToken as LicenseTokenElement } from '../elements/license-token/license-token.js';
import { PowerPackLimits as PowerPackLimitsElement } from '../elements/power-pack-limits/power-pack-limits.js';
import { RetentionPicker as RetentionPickerElement } from '../elements/retention-picker/retention-picker.js';
import { UsageOverview as UsageOverviewElement } from '../elements/usage-overview/usage-overview.js';
import { LicenceHistory as LicenceHistoryElement } from '../elements/licence-history/licence-history.js';
import type { LicenceEventMap } from '../events.js';
import {
  elementEvents,
  type ElementOf,
  type EventsOf,
  type LicenceKitTag,
  type PascalCase,
} from '../types/element-api.js';

/** The React prop of an event: `licence-commit` → `onLicenceCommit`. */
export type ReactEventProp<Name extends string> = `on${PascalCase<Name>}`;

/** The `events` option of `createComponent` for `Tag`: prop name → typed event name. */
export type ReactEventsOf<Tag extends LicenceKitTag> = {
  [Name in EventsOf<Tag> as ReactEventProp<Name>]: EventName<LicenceEventMap[Name]>;
};

/** The wrapper component of `Tag`. */
export type LicenceKitReactComponent<Tag extends LicenceKitTag> = ReactWebComponent<
  ElementOf<Tag>,
  ReactEventsOf<Tag>
>;

/** The props of a wrapper, e.g. `LicenceKitReactProps<'licence-card'>`. */
export type LicenceKitReactProps<Tag extends LicenceKitTag> = React.ComponentProps<
  LicenceKitReactComponent<Tag>
>;

const pascalCase = (name: string): string =>
  name.replace(/(?:^|-)([a-z])/g, (_, letter: string) => letter.toUpperCase());

function eventsOf<Tag extends LicenceKitTag>(tag: Tag): ReactEventsOf<Tag> {
  const names: readonly string[] = elementEvents[tag];
  return Object.fromEntries(names.map((name) => [`on${pascalCase(name)}`, name])) as ReactEventsOf<Tag>;
}

function wrap<Tag extends LicenceKitTag>(
  tagName: Tag,
  elementClass: new () => ElementOf<Tag>,
  displayName: string,
): LicenceKitReactComponent<Tag> {
  return createComponent({ react: React, tagName, elementClass, events: eventsOf(tagName), displayName });
}

/** `<licence-provider>`: shares one store with the widgets inside. */
export const LicenceProvider = wrap('licence-provider', LicenceProviderElement, 'LicenceProvider');
/** `<licence-manager>`: the whole Licensing page. */
export const LicenceManager = wrap('licence-manager', LicenceManagerElement, 'LicenceManager');
/** `<licence-card>`: one licence type. */
export const LicenceCard = wrap('licence-card', LicenceCardElement, 'LicenceCard');
/** `<licence-cart>`: the pending changes, review and commit. */
export const LicenceCart = wrap('licence-cart', LicenceCartElement, 'LicenceCart');
/** `<retention-picker>`: the call-recording retention. */
export const RetentionPicker = wrap('retention-picker', RetentionPickerElement, 'RetentionPicker');
/** `<power-pack-limits>`: the Power Pack switch and service limits. */
export const PowerPackLimits = wrap('power-pack-limits', PowerPackLimitsElement, 'PowerPackLimits');
/** `<usage-overview>`: which agents use which licences. */
export const UsageOverview = wrap('usage-overview', UsageOverviewElement, 'UsageOverview');
/** `<licence-history>`: who changed which licences, when, and what it cost. */
export const LicenceHistory = wrap('licence-history', LicenceHistoryElement, 'LicenceHistory');
/** `<license-token>`: the installation token, manual update and log file. */
export const LicenseToken = wrap('license-token', LicenseTokenElement, 'LicenseToken');
/** `<license-details>`: what the installation licence contains. */
export const LicenseDetails = wrap('license-details', LicenseDetailsElement, 'LicenseDetails');
