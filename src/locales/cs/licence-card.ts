import type { Money } from '../../core/index.js';
import type { LicenceCardMessages } from '../../elements/licence-card/licence-card.messages.js';
import { formatMoney, formatNumber, formatPercent, plural } from '../../i18n/format.js';

const n = (value: number) => formatNumber(value, 'cs');
const m = (money: Money) => formatMoney(money, 'cs');
const signed = (money: Money) => formatMoney(money, 'cs', { signed: true });

export const messages: LicenceCardMessages = {
  licences: (name) => `Licence ${name}`,
  inUse: (inUse, count) => `Používá se: ${n(inUse)} z ${n(count)}`,
  unitPrice: (price) => `${m(price)} za licenci měsíčně`,
  unitPriceRecording: (price, multiplier) =>
    multiplier === 0
      ? `${m(price)} za jednotku měsíčně · zdarma při uchování 14 dní`
      : `${m(price)} za jednotku měsíčně · ×${n(multiplier)} jednotky na uživatele`,
  subtotal: (amount) => `${m(amount)} měsíčně`,
  pending: (from, to, delta, unitsFrom, unitsTo) =>
    `${from === to ? '' : `${n(from)} → ${n(to)}, `}${unitsFrom === unitsTo ? '' : `×${n(unitsFrom)} → ×${n(unitsTo)} jednotky na uživatele, `}${signed(delta)} měsíčně`,
  peak: (peak, billed, charge, units) =>
    `Nejvyšší stav v tomto měsíci${units ? ' (účtované jednotky)' : ''}: ${n(peak)} — za tento měsíc se účtuje ${n(billed)} (${m(charge)}).`,
  floor: (min, neededBy) =>
    neededBy
      ? `${neededBy} potřebuje ${n(min)} — méně nastavit nelze`
      : `Používá se ${n(min)} — méně nastavit nelze`,
  changedElsewhere: (to) => `Mezitím změnil někdo jiný: nyní ${n(to)}`,
  retentionChangedElsewhere: (retention) => `Dobu uchovávání mezitím změnil někdo jiný: nyní ${retention}`,
  seeUsers: (name) => `Kdo používá ${name}`,
  pricingRule: (price) =>
    `Platíte ${m(price)} za licenci měsíčně. Každý měsíc se účtuje nejvyšší počet licencí nastavený během něj; snížení zlevní až další měsíc.`,
  pricingRuleRecording: (price) =>
    `Platíte ${m(price)} za jednotku měsíčně. Každé 3 měsíce uchování jsou jedna jednotka na nahrávaného uživatele (9 měsíců = ×3); uchování 14 dní je zdarma. Každý měsíc se účtuje nejvyšší počet jednotek.`,
  unknownType: (typeId) => `Typ licence „${typeId}“ v tomto účtu není.`,
  sttName: 'Převod řeči na text',
  sttDescription: 'Přepisuje hovory. Základní balíček 5\u00a0000 minut měsíčně je v ceně.',
  sttLimit: 'Limit nad základní balíček (minut měsíčně)',
  sttNoLimit: 'Bez limitu',
  sttTotal: (base, total) =>
    total === null
      ? `Bez limitu: ${n(base)} základních minut a jakékoli další využití.`
      : `Nejvýše ${n(total)} minut měsíčně (${n(base)} základních + ${n(total - base)}).`,
  sttUsage: (used, total) =>
    total === null
      ? `Tento měsíc využito ${n(used)} minut`
      : `Tento měsíc využito ${n(used)} z ${n(total)} minut`,
  sttOnSave: { stops: '– po uložení se hned zastaví', resumes: '– po uložení se znovu spustí' },
  sttStopped: (until) => `Limit vyčerpán: převod řeči na text je zastaven do ${until}.`,
  sttThreshold: (threshold, exact) =>
    `Vyčerpáno ${exact ? '' : 'přes '}${formatPercent(threshold, 'cs')} limitu`,
  sttKeepRunning: (overBase, total, end, pace) =>
    pace
      ? `Odhad podle dosavadního tempa: až do konce měsíce (${end}) ho udrží v chodu limit ${n(overBase)} minut nad základní balíček (celkem ${n(total)}).`
      : `Limit ${n(overBase)} minut nad základní balíček (celkem ${n(total)}) ho hned znovu spustí. Na odhad, co ho udrží v chodu až do konce měsíce, je ještě příliš brzy.`,
  sttRaise: (overBase, atMost) =>
    `Zvýšit limit na ${n(overBase)}${atMost ? ` (nejvýše ${m(atMost)} měsíčně)` : ''}`,
  sttMaxSpend: (amount) =>
    amount === null ? 'Měsíční útrata bez stropu' : `Nejvýše ${m(amount)} měsíčně nad základní balíček`,
  sttRule: (price) =>
    `5\u00a0000 minut měsíčně je v ceně. Minuty navíc stojí ${m(price)} za kus až do nastaveného limitu; bez limitu se účtuje každá využitá minuta. Po dosažení limitu se převod zastaví do dalšího měsíce.`,
  state: (on) => (on ? 'Zapnuto' : 'Vypnuto'),
  unavailable: (name) => `${name} není součástí tohoto účtu.`,
  ppName: 'Power Pack',
  ppDescription: 'Služby AI placené v balíčcích: chytré směrování, AI Topics a AI QA.',
  ppLimitsHint: 'Měsíční limit každé služby nastavíte v limitech Power Packu.',
  ppRule: (price) =>
    `Jeden Power Pack stojí ${m(price)}. Každá služba čerpá balíčky až do svého měsíčního limitu, pak se zastaví do dalšího měsíce.`,
  requestLicences: (name) => `Licence ${name} – žádost`,
  sttMeterValue: (used, total) =>
    `${plural(used, 'cs', { one: `${n(used)} minuta`, few: `${n(used)} minuty`, other: `${n(used)} minut` })} z limitu ${n(total)}`,
};
