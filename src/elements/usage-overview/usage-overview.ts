// Registers <usage-overview>. Import the class from `usage-overview.component.js` to register it
// under another name.
import { defineElement } from '../../base/define.js';
// Type-only in effect (events.js registers nothing): keeps the events' global declarations in this
// entry's .d.ts, so a host that imports only this element gets typed `addEventListener`.
import '../../events.js';
import { UsageOverview } from './usage-overview.component.js';

defineElement('usage-overview', UsageOverview);

export { UsageOverview };
