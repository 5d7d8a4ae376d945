// Registers <license-details>. Import the class from `license-details.component.js` to register it
// under another name.
import { defineElement } from '../../base/define.js';
// Type-only in effect (events.js registers nothing): keeps the events' global declarations in this
// entry's .d.ts, so a host that imports only this element gets typed `addEventListener`.
import '../../events.js';
import { LicenseDetails } from './license-details.component.js';

defineElement('license-details', LicenseDetails);

export { LicenseDetails };
