// Registers <license-token>. Import the class from `license-token.component.js` to register it under
// another name.
import { defineElement } from '../../base/define.js';
import { LicenseToken } from './license-token.component.js';

defineElement('license-token', LicenseToken);

export { LicenseToken };
