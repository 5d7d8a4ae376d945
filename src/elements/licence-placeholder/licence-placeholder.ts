// Registers <licence-placeholder>. Import the class from `licence-placeholder.component.js` to
// register it under another name.
import { defineElement } from '../../base/define.js';
import { LicencePlaceholder } from './licence-placeholder.component.js';

defineElement('licence-placeholder', LicencePlaceholder);

export { LicencePlaceholder };
