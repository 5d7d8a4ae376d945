import type { LicenceHistoryMessages } from '../../elements/licence-history/licence-history.messages.js';
import { formatMoney, formatNumber, plural } from '../../i18n/format.js';

const n = (value: number) => formatNumber(value, 'cs');
const limit = (value: number | null, unit: (count: number) => string) =>
  value === null ? 'bez limitu' : unit(value);
const minutes = (count: number) =>
  plural(count, 'cs', { one: `${n(count)} minuta`, few: `${n(count)} minuty`, other: `${n(count)} minut` });
const months = (count: number) =>
  plural(count, 'cs', { one: `${n(count)} měsíc`, few: `${n(count)} měsíce`, other: `${n(count)} měsíců` });
const onOff = (on: boolean) => (on ? 'zapnuto' : 'vypnuto');

/** Czech, section `licence-history`. */
export const messages: LicenceHistoryMessages = {
  heading: 'Historie licencí',
  intro: 'Uložené změny od nejnovější a to, jak každá podle tehdejšího výpočtu změnila fakturu.',
  notAvailable: 'Historie licencí zde není k dispozici.',
  loadFailed: 'Historii se nepodařilo načíst.',
  loading: 'Načítám historii…',
  empty: 'Zatím nebyla uložena žádná změna.',
  emptyFiltered: 'Těmto filtrům neodpovídá žádná uložená změna.',

  typeFilter: 'Licence nebo nastavení',
  allTypes: 'Vše',
  retention: 'Doba uchování nahrávek',
  speechToText: 'Převod řeči na text',
  powerPack: 'Power Pack',
  periodFilter: 'Období',
  periods: {
    all: 'Celá historie',
    month: 'Tento fakturační měsíc',
    '90d': 'Posledních 90 dní',
    '12m': 'Posledních 12 měsíců',
  },

  // The name alone after the time ("30. 11. 2026 9:34 Jana Dvořáková"): no "uživatel", and no
  // past tense that would need the author's gender.
  by: (user) => user,
  changesOf: (when) => `Změny uložené ${when}`,
  noChange: 'Změna, kterou stránka neumí zobrazit',
  count: (name, from, to) => `${name} ${n(from)} → ${n(to)}`,
  retentionMonths: (from, to) => `Uchování nahrávek ${n(from)} → ${months(to)}`,
  retentionChange: (from, to) => `Uchování nahrávek ${from} → ${to}`,
  sttSwitch: (from, to) => `Převod řeči na text ${onOff(from)} → ${onOff(to)}`,
  sttLimit: (from, to) => `Limit převodu řeči na text ${limit(from, minutes)} → ${limit(to, minutes)}`,
  powerPackSwitch: (from, to) => `Power Pack ${onOff(from)} → ${onOff(to)}`,
  serviceLimit: (service, from, to) => `Limit Power Packu ${service} ${limit(from, n)} → ${limit(to, n)}`,
  usageBased: 'Bez poplatku za licence: účtuje se podle využití v rámci limitů',
  thisMonth: 'Tento měsíc',
  nextMonth: 'Příští měsíc',
  money: (amount) => formatMoney(amount, 'cs', { signed: true }),

  pages: 'Stránky historie',
  range: (first, last, total) => `${n(first)}–${n(last)} z ${n(total)}`,
  previous: 'Předchozí',
  next: 'Další',
  exportCsv: 'Exportovat CSV',
  exporting: 'Exportuji…',
  exportFailed: 'Export se nezdařil.',
  csvHeader: ['Kdy', 'Kdo', 'Změna', 'Tento měsíc', 'Příští měsíc', 'Měna'],
  filename: (date) => `historie-licenci-${date}.csv`,
};
