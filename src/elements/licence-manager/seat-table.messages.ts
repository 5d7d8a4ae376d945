import type { Money } from '../../core/index.js';
import { formatMoney, formatNumber, plural } from '../../i18n/format.js';

const n = (value: number) => formatNumber(value, 'en');
const m = (money: Money) => formatMoney(money, 'en');

/** What licence-manager's seat table (`layout="table"`) says (section `seat-table`), in English. */
export const messages = {
  caption: 'Licences by type',
  licence: 'Licence',
  count: 'Count',
  inUse: 'In use',
  available: 'Available',
  price: 'Price per licence',
  cost: 'Monthly cost',
  /** The call-recording row: each licence is billed as one unit per 3 months of retention (R6). */
  recordingPrice: (price: Money, units: number) =>
    units === 0
      ? 'Free with 14-day retention'
      : `${m(price)} × ${plural(units, 'en', { one: '1 unit', other: `${n(units)} units` })}`,
  /** What the pending change does to the monthly cost, under the new cost. */
  costChange: (delta: Money) => `${formatMoney(delta, 'en', { signed: true })} a month`,
};

export type SeatTableMessages = typeof messages;
