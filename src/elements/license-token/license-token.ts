// Registers <license-token>. Import the class from `license-token.component.js` to register it under
// another name.
import { defineElement } from '../../base/define.js';
// Type-only in effect (events.js registers nothing): keeps the events' global declarations in this
// entry's .d.ts, so a host that imports only this element gets typed `addEventListener`.
import '../../events.js';
import { LicenseToken } from './license-token.component.js';

defineElement('license-token', LicenseToken);

export { LicenseToken };
