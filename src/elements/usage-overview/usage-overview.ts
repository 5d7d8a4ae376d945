// Registers <usage-overview>. Import the class from `usage-overview.component.js` to register it
// under another name.
import { defineElement } from '../../base/define.js';
import { UsageOverview } from './usage-overview.component.js';

defineElement('usage-overview', UsageOverview);

export { UsageOverview };
