import type { Money } from '../../core/index.js';
import type { SeatTableMessages } from '../../elements/licence-manager/seat-table.messages.js';
import { formatMoney, formatNumber, plural } from '../../i18n/format.js';

const n = (value: number) => formatNumber(value, 'cs');
const m = (money: Money) => formatMoney(money, 'cs');

export const messages: SeatTableMessages = {
  caption: 'Licence podle typu',
  licence: 'Licence',
  count: 'Počet',
  inUse: 'Používá se',
  available: 'Volné',
  price: 'Cena za licenci',
  cost: 'Cena za měsíc',
  recordingPrice: (price, units) =>
    units === 0
      ? 'Zdarma při uchování 14 dní'
      : `${m(price)} × ${plural(units, 'cs', {
          one: '1 jednotka',
          few: `${n(units)} jednotky`,
          other: `${n(units)} jednotek`,
        })}`,
  costChange: (delta) => `${formatMoney(delta, 'cs', { signed: true })} měsíčně`,
};
