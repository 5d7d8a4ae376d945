import type { Money } from '../../core/index.js';
import { formatDate, formatMoney, formatNumber, plural } from '../../i18n/format.js';

const n = (value: number) => formatNumber(value, 'en');
const m = (money: Money) => formatMoney(money, 'en');

/**
 * What the cart's review says about when each change applies, and its "Download summary"
 * (section `licence-cart-timeline`, loaded with the review), in English.
 */
export const messages = {
  title: 'When each change applies',
  usableNow: 'Usable as soon as you save.',
  appliesNow: 'Applies as soon as you save, to this month and the next.',
  thisMonthPeak: (units: string, amount: Money) =>
    `This month: billed at the month's peak, ${units}: ${m(amount)}.`,
  keepsPeak: (units: string, amount: Money) =>
    `This month's invoice keeps the month's peak, ${units}: ${m(amount)}.`,
  nextMonth: (date: string, units: string, amount: Money) =>
    `From ${formatDate(date, 'en')}: billed at the new count, ${units}: ${m(amount)} a month.`,
  byUse: (cap: Money | null) =>
    cap === null
      ? 'Billed by use from the save on, with no cap.'
      : `Billed by use from the save on, at most ${m(cap)} a month.`,
  notBilled: 'Nothing is billed for it from the save on.',
  licences: (count: number) =>
    plural(count, 'en', { one: `${n(count)} licence`, other: `${n(count)} licences` }),
  billedUnits: (count: number) =>
    plural(count, 'en', { one: `${n(count)} billed unit`, other: `${n(count)} billed units` }),
  download: 'Download summary',
  downloadAs: (format: string) => `Download summary as ${format}`,
  filename: (date: string, extension: string) => `licence-changes-${date}.${extension}`,
  csv: {
    when: 'When',
    who: 'Who',
    item: 'Item',
    before: 'Before',
    after: 'After',
    thisMonthBefore: 'This month before',
    thisMonthAfter: 'This month after',
    thisMonthChange: 'This month change',
    nextMonthBefore: 'Next month before',
    nextMonthAfter: 'Next month after',
    nextMonthChange: 'Next month change',
    mostBefore: 'Most a month before',
    mostAfter: 'Most a month after',
    currency: 'Currency',
    total: 'Total',
  },
};

export type CartTimelineMessages = typeof messages;
