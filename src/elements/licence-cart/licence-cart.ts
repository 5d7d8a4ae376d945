// Registers <licence-cart>. Import the class from `licence-cart.component.js` to register it under
// another name.
import { defineElement } from '../../base/define.js';
import { LicenceCart } from './licence-cart.component.js';

defineElement('licence-cart', LicenceCart);

export { LicenceCart };
