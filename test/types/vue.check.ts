// Type checks of licence-kit/vue, run by `npm run typecheck`: what Volar / vue-tsc read for a
// template tag is the `$props` and `$emit` of its GlobalComponents entry. Each `@ts-expect-error`
// fails the check when the types stop rejecting what a template must not bind.
import type { GlobalComponents } from 'vue';
import type {} from '../../src/types/vue.js';
import type { LicensingAdapter } from '../../src/adapters/adapter.js';

type Tag<Name extends keyof GlobalComponents> = InstanceType<GlobalComponents[Name]>;

declare const adapter: LicensingAdapter;
declare const card: Tag<'licence-card'>;
declare const cart: Tag<'licence-cart'>;
declare const commit: HTMLElementEventMap['licence-commit'];

export const cardProps: Tag<'licence-card'>['$props'] = { typeId: 'voice', adapter, class: 'card', key: 1 };
export const managerProps: Tag<'licence-manager'>['$props'] = { hide: ['installation'], lang: 'cs' };
export const overviewProps: Tag<'usage-overview'>['$props'] = { typeId: 'voice', pageSize: 50 };
cart.$emit('licence-commit', commit);
card.$emit('licence-show-usage', new CustomEvent('licence-show-usage', { detail: { typeId: 'voice' } }));

// @ts-expect-error typeId is a string
export const wrongType: Tag<'licence-card'>['$props'] = { typeId: 3 };
// @ts-expect-error hide takes section names
export const wrongSection: Tag<'licence-manager'>['$props'] = { hide: ['everything'] };
// @ts-expect-error a card does not commit
card.$emit('licence-commit', commit);
// @ts-expect-error the event is typed
cart.$emit('licence-commit', new CustomEvent('licence-commit', { detail: 1 }));
// @ts-expect-error the element itself is typed too (a template ref)
export const version: number = cart.adapter;
