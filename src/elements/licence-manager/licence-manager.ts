// Registers <licence-manager> and every element it lays out. Import the class from
// `licence-manager.component.js` to register it under another name.
import { defineElement } from '../../base/define.js';
import { LicenceManager } from './licence-manager.component.js';

defineElement('licence-manager', LicenceManager);

export { LicenceManager };
