import type { Money } from '../../core/index.js';
import { formatMoney, formatNumber, plural } from '../../i18n/format.js';

const n = (value: number) => formatNumber(value, 'en');
const limit = (value: number | null, unit: (count: number) => string) =>
  value === null ? 'none' : unit(value);
const minutes = (count: number) =>
  plural(count, 'en', { one: `${n(count)} minute`, other: `${n(count)} minutes` });
const months = (count: number) =>
  plural(count, 'en', { one: `${n(count)} month`, other: `${n(count)} months` });
const onOff = (on: boolean) => (on ? 'on' : 'off');

/** What `licence-history` says (section `licence-history`), in English. */
export const messages = {
  heading: 'Licence history',
  intro: 'Saved changes, newest first, with what each did to the invoice as quoted when it was saved.',
  notAvailable: 'The licence history is not available here.',
  loadFailed: 'The history could not be loaded.',
  loading: 'Loading the history…',
  empty: 'No changes have been saved yet.',
  emptyFiltered: 'No saved change matches these filters.',

  // Filters.
  typeFilter: 'Licence or setting',
  allTypes: 'All',
  retention: 'Call-recording retention',
  speechToText: 'Speech-to-Text',
  powerPack: 'Power Pack',
  periodFilter: 'Period',
  periods: {
    all: 'All time',
    month: 'This billing month',
    '90d': 'Last 90 days',
    '12m': 'Last 12 months',
  },

  // One commit.
  by: (user: string) => `by ${user}`,
  changesOf: (when: string) => `Changes saved ${when}`,
  noChange: 'No change the page can show',
  count: (name: string, from: number, to: number) => `${name} ${n(from)} → ${n(to)}`,
  /** "Retention 3 → 9 months" when both are months; else each in full ("14 days → 3 months"). */
  retentionMonths: (from: number, to: number) => `Retention ${n(from)} → ${months(to)}`,
  retentionChange: (from: string, to: string) => `Retention ${from} → ${to}`,
  sttSwitch: (from: boolean, to: boolean) => `Speech-to-Text ${onOff(from)} → ${onOff(to)}`,
  sttLimit: (from: number | null, to: number | null) =>
    `Speech-to-Text limit ${limit(from, minutes)} → ${limit(to, minutes)}`,
  powerPackSwitch: (from: boolean, to: boolean) => `Power Pack ${onOff(from)} → ${onOff(to)}`,
  serviceLimit: (service: string, from: number | null, to: number | null) =>
    `Power Pack ${service} limit ${limit(from, n)} → ${limit(to, n)}`,
  /** Instead of the amounts when a commit changed only usage-based limits or switches. */
  usageBased: 'No seat charge: billed by use, within the limits',
  thisMonth: 'This month',
  nextMonth: 'Next month',
  money: (amount: Money) => formatMoney(amount, 'en', { signed: true }),

  // Paging and export.
  pages: 'Pages of the history',
  range: (first: number, last: number, total: number) => `${n(first)}–${n(last)} of ${n(total)}`,
  previous: 'Previous',
  next: 'Next',
  exportCsv: 'Export CSV',
  exporting: 'Exporting…',
  exportFailed: 'The export failed.',
  csvHeader: ['When', 'Who', 'Change', 'This month', 'Next month', 'Currency'] as [
    string,
    string,
    string,
    string,
    string,
    string,
  ],
  filename: (date: string) => `licence-history-${date}.csv`,
};

export type LicenceHistoryMessages = typeof messages;
