import { formatNumber, plural } from '../../i18n/format.js';
import type { IssueMessages } from '../../i18n/issues.js';

const n = (value: number) => formatNumber(value, 'cs');
const toAgents = (count: number) => plural(count, 'cs', { one: '1 agentovi', other: `${n(count)} agentům` });

export const messages: IssueMessages = {
  'permission-denied': () => 'Licence můžete prohlížet, ale ne měnit.',
  'nothing-to-commit': () => 'Nejsou žádné změny k uložení.',
  'amount-too-large': () => 'Částka je příliš velká.',
  'currency-mismatch': () => 'Ceny jsou v různých měnách.',
  'unknown-licence-type': (i) => `Typ licence „${i.typeId}“ neexistuje.`,
  'count-not-whole': () => 'Zadejte celé číslo.',
  'count-negative': () => 'Zadejte 0 nebo víc.',
  'count-above-max': (i, names) => `Licencí ${names.type(i.typeId)} můžete mít nejvýše ${n(i.max)}.`,
  'reduce-below-in-use': (i, names) =>
    `Licencí ${names.type(i.typeId)} se používá ${n(i.inUse)}. Nejdřív licenci odeberte ${toAgents(i.mustFree)}, pak snižte.`,
  'exceeds-required-licence': (i, names) =>
    `Každý uživatel licence ${names.type(i.typeId)} potřebuje i licenci ${names.type(i.requiredTypeId)}: máte jich ${n(i.requiredCount)}, takže ${names.type(i.typeId)} může být nejvýše ${n(i.requiredCount)}.`,
  'below-dependent-licence': (i, names) =>
    `${n(i.dependentCount)} licencí ${names.type(i.dependentTypeId)} potřebuje stejně licencí ${names.type(i.typeId)}: ponechte aspoň ${n(i.minimum)}.`,
  'feature-unavailable': () => 'Tato funkce není součástí vašeho účtu.',
  'retention-invalid': () => 'Zvolte 14 dní nebo dobu po 3 měsících.',
  'retention-above-max': (i, names) => `Nejdelší možná doba uchování je ${names.retention(i.maxMonths)}.`,
  'retention-shortened': () => 'Nahrávky starší než nová doba už nebudou uchovány.',
  'speech-to-text-limit-invalid': () => 'Zadejte celý počet minut, nebo pole nechte prázdné (bez limitu).',
  'speech-to-text-stops-now': (i) =>
    `Tento měsíc je už využito ${n(i.usedOverBase)} minut nad základní balíček: s tímto limitem se převod řeči na text hned zastaví až do dalšího měsíce.`,
  'unknown-power-pack-service': (i) => `Služba Power Packu „${i.serviceId}“ neexistuje.`,
  'power-pack-limit-invalid': () => 'Zadejte celý počet balíčků, nebo pole nechte prázdné (bez limitu).',
  'power-pack-service-stops-now': (i, names) =>
    `${names.service(i.serviceId)} tento měsíc už využila ${n(i.used)} balíčků: s tímto limitem se hned zastaví až do dalšího měsíce.`,
  'smart-routing-needs-email-queues': (i, names) =>
    `${names.service(i.serviceId)} funguje v e-mailových frontách: pro využití nastavte e-mailovou frontu.`,
  'ai-topics-needs-speech-to-text': (i, names) =>
    `${names.service(i.serviceId)} používá ${n(i.callQueuesWithAiTopics)} hovorových front a potřebuje zapnutý převod řeči na text.`,
  'ai-qa-needs-form': (i, names) =>
    `${names.service(i.serviceId)} potřebuje formulář QA povolený pro AI QA: nastavte ho v Správa → Nastavení → Formuláře QA.`,
};
