// Registers <licence-cart>. Import the class from `licence-cart.component.js` to register it under
// another name.
import { defineElement } from '../../base/define.js';
// Type-only in effect (events.js registers nothing): keeps the events' global declarations in this
// entry's .d.ts, so a host that imports only this element gets typed `addEventListener`.
import '../../events.js';
import { LicenceCart } from './licence-cart.component.js';

defineElement('licence-cart', LicenceCart);

export { LicenceCart };
