// licence-kit/locales/cs.js: Czech for every widget. Import it once; widgets under `lang="cs"`
// (or `<html lang="cs">`) then speak Czech, with Czech plural forms and number formats.
import { registerMessages } from '../i18n/locale.js';
import { common } from './cs/common.js';
import { messages as editing } from './cs/editing.js';
import { messages as issues } from './cs/issues.js';
import { messages as licenceCard } from './cs/licence-card.js';
import { messages as licenceCart } from './cs/licence-cart.js';
import { messages as licenceManager } from './cs/licence-manager.js';
import { messages as licenseDetails } from './cs/license-details.js';
import { messages as licenseToken } from './cs/license-token.js';
import { messages as powerPackLimits } from './cs/power-pack-limits.js';
import { messages as refresh } from './cs/refresh.js';
import { messages as retentionPicker } from './cs/retention-picker.js';
import { messages as seatTable } from './cs/seat-table.js';
import { messages as ui } from './cs/ui.js';
import { messages as usageOverview } from './cs/usage-overview.js';
import { messages as licenceHistory } from './cs/licence-history.js';
import { messages as cartRequest } from './cs/cart-request.js';
import { messages as requestsPanel } from './cs/requests-panel.js';

registerMessages('cs', 'common', common);
registerMessages('cs', 'ui', ui);
registerMessages('cs', 'issues', issues);
registerMessages('cs', 'editing', editing);
registerMessages('cs', 'licence-card', licenceCard);
registerMessages('cs', 'licence-cart', licenceCart);
registerMessages('cs', 'retention-picker', retentionPicker);
registerMessages('cs', 'power-pack-limits', powerPackLimits);
registerMessages('cs', 'licence-manager', licenceManager);
registerMessages('cs', 'license-token', licenseToken);
registerMessages('cs', 'license-details', licenseDetails);
registerMessages('cs', 'usage-overview', usageOverview);
registerMessages('cs', 'refresh', refresh);
registerMessages('cs', 'seat-table', seatTable);

import { messages as licenceCartTimeline } from './cs/licence-cart-timeline.js';
registerMessages('cs', 'licence-cart-timeline', licenceCartTimeline);
registerMessages('cs', 'licence-history', licenceHistory);
registerMessages('cs', 'cart-request', cartRequest);
registerMessages('cs', 'requests-panel', requestsPanel);

import { messages as usageAssign } from './cs/usage-assign.js';
import { messages as usageCsv } from './cs/usage-csv.js';
registerMessages('cs', 'usage-assign', usageAssign);
registerMessages('cs', 'usage-csv', usageCsv);
