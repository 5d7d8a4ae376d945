import type { PowerPackLimitsMessages } from '../../elements/power-pack-limits/power-pack-limits.messages.js';
import { formatMoney, formatNumber, formatPercent, plural } from '../../i18n/format.js';

const n = (value: number) => formatNumber(value, 'cs');
const packs = (count: number) =>
  plural(count, 'cs', {
    one: `${n(count)} balíček`,
    few: `${n(count)} balíčky`,
    other: `${n(count)} balíčků`,
  });

export const messages: PowerPackLimitsMessages = {
  title: 'Limity Power Packu',
  switch: 'Power Pack',
  state: (on) => (on ? 'Zapnuto' : 'Vypnuto'),
  off: 'Power Pack je vypnutý: jeho služby neběží a limity neplatí.',
  limitLabel: (service) => `${service}: nejvýše balíčků měsíčně`,
  noLimit: 'Bez limitu',
  limit: (limit) => `Limit: ${packs(limit)} měsíčně`,
  usage: (used, limit) =>
    limit === null
      ? `Tento měsíc využito: ${packs(used)}`
      : `Tento měsíc využito ${n(used)} z ${packs(limit)}`,
  stopped: (until) => `Limit vyčerpán: zastaveno do ${until}.`,
  threshold: (threshold, exact) =>
    `Vyčerpáno ${exact ? '' : 'přes '}${formatPercent(threshold, 'cs')} limitu`,
  keepRunning: (limit, end, pace) =>
    pace
      ? `Odhad podle dosavadního tempa: až do konce měsíce (${end}) ji udrží v chodu limit ${packs(limit)}.`
      : `Limit ${packs(limit)} ji hned znovu spustí. Na odhad, co ji udrží v chodu až do konce měsíce, je ještě příliš brzy.`,
  raise: (service, limit, atMost) =>
    `Zvýšit limit služby ${service} na ${packs(limit)}${atMost ? ` (nejvýše ${formatMoney(atMost, 'cs')} měsíčně)` : ''}`,
  onSave: { stops: '– po uložení se hned zastaví', resumes: '– po uložení se znovu spustí' },
  maxSpend: (amount) =>
    amount === null ? 'Měsíční útrata bez stropu' : `Nejvýše ${formatMoney(amount, 'cs')} měsíčně`,
  maxSpendTooLarge: 'Příliš velká částka: snižte limit.',
  packPrice: (price) => `Jeden Power Pack stojí ${formatMoney(price, 'cs')}.`,
  descriptions: {
    'smart-routing': 'Směruje e-maily nejvhodnějšímu agentovi pomocí AI.',
    'ai-topics': 'Najde témata konverzací v jakémkoli typu fronty.',
    'ai-qa': 'Hodnotí konverzace podle formulářů QA povolených pro AI QA.',
  },
  met: 'Připraveno',
  missing: 'Chybí',
  emailQueues: (count) =>
    count > 0
      ? plural(count, 'cs', {
          one: `${n(count)} nastavená e-mailová fronta.`,
          few: `${n(count)} nastavené e-mailové fronty.`,
          other: `${n(count)} nastavených e-mailových front.`,
        })
      : 'E-mailová fronta: nastavte chytré směrování ve svých e-mailových frontách.',
  speechToText: (on, callQueues) =>
    callQueues === 0
      ? 'Převod řeči na text, pro AI Topics v hovorových frontách (teď je žádná hovorová fronta nepoužívá).'
      : on
        ? 'Převod řeči na text je zapnutý, jak AI Topics v hovorových frontách potřebuje.'
        : `Převod řeči na text je vypnutý: AI Topics nebude fungovat v hovorových frontách, které ho používají (${n(callQueues)}).`,
  aiQaForm: (count) =>
    count > 0
      ? plural(count, 'cs', {
          one: `${n(count)} formulář QA povolený pro AI QA.`,
          few: `${n(count)} formuláře QA povolené pro AI QA.`,
          other: `${n(count)} formulářů QA povolených pro AI QA.`,
        })
      : 'Formulář QA povolený pro AI QA: nastavte ho v Správa → Nastavení → Formuláře QA a vyberte ho ve frontě.',
  noPowerPack: 'Power Pack není součástí tohoto účtu.',
  noServices: 'Nejsou nabízeny žádné služby Power Packu.',
  meterValue: (used, limit) => `${packs(used)} z limitu ${n(limit)}`,
};
