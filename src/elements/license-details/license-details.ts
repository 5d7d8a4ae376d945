// Registers <license-details>. Import the class from `license-details.component.js` to register it
// under another name.
import { defineElement } from '../../base/define.js';
import { LicenseDetails } from './license-details.component.js';

defineElement('license-details', LicenseDetails);

export { LicenseDetails };
