import type { Money } from '../../core/index.js';
import { formatMoney, formatNumber, plural } from '../../i18n/format.js';

const n = (value: number) => formatNumber(value, 'en');
const m = (money: Money) => formatMoney(money, 'en');
const signed = (money: Money) => formatMoney(money, 'en', { signed: true });

/** What `licence-cart` says (section `licence-cart`), in English. */
export const messages = {
  title: 'Cart',
  empty: 'No pending changes.',
  changes: (count: number) =>
    plural(count, 'en', { one: `${n(count)} change`, other: `${n(count)} changes` }),
  thisMonth: (delta: Money) => `This month ${signed(delta)}`,
  nextMonth: (delta: Money) => `Next month ${signed(delta)}`,
  /** Announced once the total stops changing (issue #23). */
  totalAnnounced: (delta: Money) => `Cart total this month ${signed(delta)}`,
  discard: 'Discard',
  save: 'Save',
  problems: (count: number) =>
    plural(count, 'en', {
      one: `${n(count)} problem to fix before saving`,
      other: `${n(count)} problems to fix before saving`,
    }),
  goTo: (name: string) => `Go to ${name}`,
  reviewTitle: 'Review your changes',
  invoiceWarning: 'Any changes you make here will affect your monthly invoice.',
  highWater:
    'For billing purposes, you are always charged for the highest number of licences set at any point during the current month. Reductions apply to this month and the next, but this month stays charged at its highest count.',
  columns: { item: 'Licence', change: 'Change', thisMonth: 'This month', nextMonth: 'Next month' },
  fromTo: (from: string, to: string) => `${from} → ${to}`,
  delta: signed,
  moneyChange: (before: Money, after: Money, delta: Money) => `${m(before)} → ${m(after)} (${signed(delta)})`,
  units: (count: number) => n(count),
  retention: 'Call recording retention',
  multiplier: (from: number, to: number) => `×${n(from)} → ×${n(to)} units per user`,
  stt: 'Speech-to-Text',
  on: 'on',
  off: 'off',
  noLimit: 'no limit',
  minutes: (count: number) => `${n(count)} minutes`,
  packs: (count: number) => plural(count, 'en', { one: `${n(count)} pack`, other: `${n(count)} packs` }),
  maxSpend: (amount: Money | null) => (amount === null ? 'no cap' : `at most ${m(amount)}`),
  usageBased: 'usage-based',
  powerPack: 'Power Pack',
  limitOf: (service: string) => `${service} limit per month`,
  total: 'Total',
  warnings: 'Warnings',
  errors: 'Fix these before saving',
  back: 'Back',
  confirm: 'Save changes',
  saving: 'Saving…',
  saved: 'Your changes are saved. You can use your licences now.',
  failed: 'Nothing was saved. Your changes are kept: try again.',
  conflictTitle: 'Someone else changed the licences meanwhile.',
  conflictBody:
    'Your changes were kept and checked again against the new numbers. Review them and save again.',
  underneathCount: (name: string, from: number, to: number) => `${name}: was ${n(from)}, now ${n(to)}`,
  underneathValue: (name: string, from: string, to: string) => `${name}: was ${from}, now ${to}`,
  permission: 'Your permission',
  notSaveable: 'These changes can no longer be saved: you may now only view licences. Discard them.',
  failedBar: 'Your last save failed.',
  savedElsewhere:
    'Your changes were saved to the data source this page used before; it now shows another one.',
  failedElsewhere:
    'The save to the data source this page used before did not succeed; it now shows another one.',
};

export type LicenceCartMessages = typeof messages;
