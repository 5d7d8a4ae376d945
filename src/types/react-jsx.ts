// licence-kit/jsx-react: types for React 19 hosts that write the tags directly in JSX.
//
//   import type {} from 'licence-kit/jsx-react';
//   <licence-card type-id="voice" adapter={adapter} onlicence-change={(e) => e.detail.draft} />
//
// React 19 sets a prop as a property when the element has it (`adapter`, `typeId`), else as an
// attribute (`type-id`), and turns `on<event-name>` props into listeners for that exact event, so
// `onlicence-commit` listens to `licence-commit`. Import the element modules before the first
// render: a prop set on a not-yet-defined element becomes a string attribute. React 18 does
// neither; use the wrappers in `licence-kit/react.js` there.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { LicenceEventMap } from '../events.js';
import type { AttributesOf, ElementOf, EventsOf, LicenceKitTag, PropertiesOf } from './element-api.js';

/** `onlicence-commit`-style listener props of `Tag`, typed from `HTMLElementEventMap`. */
export type ReactEventListenerProps<Tag extends LicenceKitTag> = {
  [Name in EventsOf<Tag> as `on${Name}`]?: (event: LicenceEventMap[Name]) => void;
};

/** The JSX props of `<Tag>` in React 19: HTML attributes, the element's properties, its events. */
export type LicenceKitJsxProps<Tag extends LicenceKitTag> = DetailedHTMLProps<
  HTMLAttributes<ElementOf<Tag>>,
  ElementOf<Tag>
> &
  PropertiesOf<Tag> &
  AttributesOf<Tag> &
  ReactEventListenerProps<Tag>;

/** Every public tag's JSX props. */
export type LicenceKitIntrinsicElements = { [Tag in LicenceKitTag]: LicenceKitJsxProps<Tag> };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends LicenceKitIntrinsicElements {}
  }
}
