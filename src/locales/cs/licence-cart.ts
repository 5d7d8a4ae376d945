import type { Money } from '../../core/index.js';
import type { LicenceCartMessages } from '../../elements/licence-cart/licence-cart.messages.js';
import { formatMoney, formatNumber, plural } from '../../i18n/format.js';

const n = (value: number) => formatNumber(value, 'cs');
const m = (money: Money) => formatMoney(money, 'cs');
const signed = (money: Money) => formatMoney(money, 'cs', { signed: true });

export const messages: LicenceCartMessages = {
  title: 'Košík',
  empty: 'Žádné čekající změny.',
  changes: (count) =>
    plural(count, 'cs', { one: `${n(count)} změna`, few: `${n(count)} změny`, other: `${n(count)} změn` }),
  thisMonth: (delta) => `Tento měsíc ${signed(delta)}`,
  nextMonth: (delta) => `Příští měsíc ${signed(delta)}`,
  totalAnnounced: (delta) => `Celkem za košík tento měsíc ${signed(delta)}`,
  discard: 'Zahodit',
  save: 'Uložit',
  problems: (count) =>
    plural(count, 'cs', {
      one: `Před uložením opravte ${n(count)} problém`,
      few: `Před uložením opravte ${n(count)} problémy`,
      other: `Před uložením opravte ${n(count)} problémů`,
    }),
  goTo: (name) => `Přejít na: ${name}`,
  reviewTitle: 'Zkontrolujte změny',
  invoiceWarning: 'Všechny změny, které zde provedete, ovlivní vaši měsíční fakturu.',
  highWater:
    'Pro účely fakturace se vždy účtuje nejvyšší počet licencí nastavený kdykoli během aktuálního měsíce. Snížení platí pro tento i příští měsíc, ale tento měsíc se účtuje nejvyšší počet.',
  columns: { item: 'Licence', change: 'Změna', thisMonth: 'Tento měsíc', nextMonth: 'Příští měsíc' },
  fromTo: (from, to) => `${from} → ${to}`,
  delta: signed,
  moneyChange: (before, after, delta) => `${m(before)} → ${m(after)} (${signed(delta)})`,
  units: (count) => n(count),
  retention: 'Doba uchování nahrávek',
  multiplier: (from, to) => `×${n(from)} → ×${n(to)} jednotek na uživatele`,
  stt: 'Převod řeči na text',
  on: 'zapnuto',
  off: 'vypnuto',
  noLimit: 'bez limitu',
  minutes: (count) =>
    plural(count, 'cs', { one: `${n(count)} minuta`, few: `${n(count)} minuty`, other: `${n(count)} minut` }),
  packs: (count) =>
    plural(count, 'cs', {
      one: `${n(count)} balíček`,
      few: `${n(count)} balíčky`,
      other: `${n(count)} balíčků`,
    }),
  maxSpend: (amount) => (amount === null ? 'bez stropu' : `nejvýše ${m(amount)}`),
  usageBased: 'podle využití',
  powerPack: 'Power Pack',
  limitOf: (service) => `${service}: měsíční limit`,
  total: 'Celkem',
  warnings: 'Upozornění',
  errors: 'Před uložením opravte',
  back: 'Zpět',
  confirm: 'Uložit změny',
  saving: 'Ukládám…',
  saved: 'Změny jsou uložené. Licence můžete používat hned.',
  failed: 'Nic nebylo uloženo. Vaše změny zůstaly: zkuste to znovu.',
  conflictTitle: 'Licence mezitím změnil někdo jiný.',
  conflictBody:
    'Vaše změny zůstaly a byly znovu zkontrolovány proti novým číslům. Zkontrolujte je a uložte znovu.',
  underneathCount: (name, from, to) => `${name}: bylo ${n(from)}, nyní ${n(to)}`,
  underneathValue: (name, from, to) => `${name}: bylo ${from}, nyní ${to}`,
  permission: 'Vaše oprávnění',
  notSaveable: 'Tyto změny už nelze uložit: nyní smíte licence jen prohlížet. Zahoďte je.',
  failedBar: 'Poslední uložení se nezdařilo.',
  savedElsewhere: 'Změny byly uloženy do zdroje dat, který stránka používala předtím; nyní ukazuje jiný.',
  failedElsewhere: 'Uložení do zdroje dat, který stránka používala předtím, se nezdařilo; nyní ukazuje jiný.',
};
