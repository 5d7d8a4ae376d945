// Registers <licence-card>. Import the class from `licence-card.component.js` to register it under
// another name.
import { defineElement } from '../../base/define.js';
import { LicenceCard } from './licence-card.component.js';

defineElement('licence-card', LicenceCard);

export { LicenceCard };
