import type { CommonMessages } from '../../i18n/common.js';
import { formatNumber, plural } from '../../i18n/format.js';

const n = (value: number) => formatNumber(value, 'cs');

/** Czech, section `common`. */
export const common: CommonMessages = {
  lang: 'cs',
  loading: 'Načítám licence…',
  loadFailed: 'Licence se nepodařilo načíst.',
  retry: 'Zkusit znovu',
  noAccess:
    'Nemáte přístup k licencím. Požádejte správce, ať zkontroluje vaše přístupy (Správa → Uživatelé → Přístupy).',
  notConnected: 'Není připojena žádná licenční služba.',
  readOnly: 'Licence můžete prohlížet, ale ne měnit.',
  errorPrefix: 'Chyba:',
  warningPrefix: 'Upozornění:',
  errors: {
    permission: 'K této akci nemáte oprávnění. Požádejte správce o právo Úpravy ve vašem přístupu.',
    conflict: 'Licence mezitím změnil někdo jiný.',
    validation: 'Změny byly odmítnuty.',
    network: 'Licenční služba není dostupná. Zkontrolujte připojení a zkuste to znovu.',
    timeout: 'Licenční služba neodpověděla včas. Zkuste to znovu.',
    'not-found': 'Nenalezeno.',
    server: 'Licenční služba selhala. Zkuste to za chvíli znovu.',
    'bad-response': 'Licenční služba poslala odpověď, kterou nelze přečíst.',
    'not-supported': 'Zde není k dispozici.',
  },
  months: (count) =>
    plural(count, 'cs', { one: `${n(count)} měsíc`, few: `${n(count)} měsíce`, other: `${n(count)} měsíců` }),
  years: (count) =>
    plural(count, 'cs', { one: `${n(count)} rok`, few: `${n(count)} roky`, other: `${n(count)} let` }),
  days: (count) =>
    plural(count, 'cs', { one: `${n(count)} den`, few: `${n(count)} dny`, other: `${n(count)} dní` }),
  yearsAndMonths: (years, months) => `${years} a ${months}`,
};
