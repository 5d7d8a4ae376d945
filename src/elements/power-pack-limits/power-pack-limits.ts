// Registers <power-pack-limits>. Import the class from `power-pack-limits.component.js` to
// register it under another name.
import { defineElement } from '../../base/define.js';
import { PowerPackLimits } from './power-pack-limits.component.js';

defineElement('power-pack-limits', PowerPackLimits);

export { PowerPackLimits };
