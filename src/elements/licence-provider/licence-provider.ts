// Registers <licence-provider>. Import the class from `licence-provider.component.js` to register
// it under another name.
import { defineElement } from '../../base/define.js';
import { LicenceProvider } from './licence-provider.component.js';

defineElement('licence-provider', LicenceProvider);

export { LicenceProvider };
