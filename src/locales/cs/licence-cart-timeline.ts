import type { Money } from '../../core/index.js';
import type { CartTimelineMessages } from '../../elements/licence-cart/cart-timeline.messages.js';
import { formatDate, formatMoney, formatNumber, plural } from '../../i18n/format.js';

const n = (value: number) => formatNumber(value, 'cs');
const m = (money: Money) => formatMoney(money, 'cs');

export const messages: CartTimelineMessages = {
  title: 'Kdy která změna platí',
  usableNow: 'Lze používat hned po uložení.',
  appliesNow: 'Platí hned po uložení, pro tento i příští měsíc.',
  thisMonthPeak: (units, amount) => `Tento měsíc: účtuje se nejvyšší počet v měsíci, ${units}: ${m(amount)}.`,
  keepsPeak: (units, amount) =>
    `Faktura za tento měsíc zůstává na nejvyšším počtu v měsíci, ${units}: ${m(amount)}.`,
  nextMonth: (date, units, amount) =>
    `Od ${formatDate(date, 'cs')}: účtuje se nový počet, ${units}: ${m(amount)} měsíčně.`,
  byUse: (cap) =>
    cap === null
      ? 'Od uložení se účtuje podle využití, bez stropu.'
      : `Od uložení se účtuje podle využití, nejvýše ${m(cap)} měsíčně.`,
  notBilled: 'Od uložení se za tuto položku nic neúčtuje.',
  licences: (count) =>
    plural(count, 'cs', {
      one: `${n(count)} licence`,
      few: `${n(count)} licence`,
      other: `${n(count)} licencí`,
    }),
  billedUnits: (count) =>
    plural(count, 'cs', {
      one: `${n(count)} účtovaná jednotka`,
      few: `${n(count)} účtované jednotky`,
      other: `${n(count)} účtovaných jednotek`,
    }),
  download: 'Stáhnout souhrn',
  downloadAs: (format) => `Stáhnout souhrn jako ${format}`,
  filename: (date, extension) => `zmeny-licenci-${date}.${extension}`,
  csv: {
    when: 'Kdy',
    who: 'Kdo',
    item: 'Položka',
    before: 'Před',
    after: 'Po',
    thisMonthBefore: 'Tento měsíc před',
    thisMonthAfter: 'Tento měsíc po',
    thisMonthChange: 'Tento měsíc změna',
    nextMonthBefore: 'Příští měsíc před',
    nextMonthAfter: 'Příští měsíc po',
    nextMonthChange: 'Příští měsíc změna',
    mostBefore: 'Nejvýše měsíčně před',
    mostAfter: 'Nejvýše měsíčně po',
    currency: 'Měna',
    total: 'Celkem',
  },
};
