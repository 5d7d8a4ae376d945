// Registers <licence-history>. Import the class from `licence-history.component.js` to register it
// under another name.
import { defineElement } from '../../base/define.js';
// Type-only in effect (events.js registers nothing): keeps the events' global declarations in this
// entry's .d.ts, so a host that imports only this element gets typed `addEventListener`.
import '../../events.js';
import { LicenceHistory } from './licence-history.component.js';

defineElement('licence-history', LicenceHistory);

export { LicenceHistory };
