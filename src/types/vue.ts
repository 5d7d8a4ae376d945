// licence-kit/vue: types for Vue 3 templates (Volar / vue-tsc) and TSX, through GlobalComponents.
//
//   import type {} from 'licence-kit/vue';
//   <licence-card type-id="voice" :adapter="adapter" @licence-change="(e) => e.detail.draft" />
//
// Vue sets a binding as a property when the element has it (`adapter`), else as an attribute, and
// `@licence-commit` listens to `licence-commit`. Tell the template compiler which tags are custom
// elements (`compilerOptions.isCustomElement`), or Vue looks for components of those names.
// The shape follows the Vue guide ("Non-Vue Web Components and TypeScript"): `$props` and `$emit`
// exist only for type checking, not on the elements.
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { LicenceEventMap } from '../events.js';
import type { ElementOf, EventsOf, LicenceKitTag, PropertiesOf } from './element-api.js';

/** The events of `Tag`, as Vue's `$emit` expects them. */
export type VueEmitOf<Tag extends LicenceKitTag> = EmitFn<{
  [Name in EventsOf<Tag>]: (event: LicenceEventMap[Name]) => void;
}>;

/** The template props of `<Tag>`: HTML attributes, Vue's own (`key`, `ref`, …), the properties. */
export type VuePropsOf<Tag extends LicenceKitTag> = HTMLAttributes & PublicProps & PropertiesOf<Tag>;

/** `<Tag>` as a component type for `GlobalComponents`. */
export type LicenceKitVueElement<Tag extends LicenceKitTag> = new () => ElementOf<Tag> & {
  /** @deprecated For template type checking only; custom elements have no `$props`. */
  $props: VuePropsOf<Tag>;
  /** @deprecated For template type checking only; custom elements have no `$emit`. */
  $emit: VueEmitOf<Tag>;
};

/** Every public tag as a Vue component type. */
export type LicenceKitGlobalComponents = { [Tag in LicenceKitTag]: LicenceKitVueElement<Tag> };

declare module 'vue' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalComponents extends LicenceKitGlobalComponents {}
}
