import type { LicenseTokenMessages } from '../../elements/license-token/license-token.messages.js';
import { formatNumber, plural } from '../../i18n/format.js';

const n = (value: number) => formatNumber(value, 'cs');

/** Czech, section `license-token`. */
export const messages: LicenseTokenMessages = {
  heading: 'Licenční token',
  description:
    'Jedinečné ID tohoto serveru. Uveďte ho licenčnímu týmu při každé žádosti o změnu licence; potřebují ho i žádosti o podporu.',
  tokenLabel: 'Token',
  tokenHint: 'Kliknutím na token ho zkopírujete.',
  copy: 'Kopírovat',
  copyToken: 'Kopírovat token',
  copied: 'Token je zkopírován do schránky.',
  copyManually: (keys) => `Prohlížeč kopírování nepovolil. Token je označen: zkopírujte ho stiskem ${keys}.`,
  loadFailed: 'Licenci instalace se nepodařilo načíst.',
  notAvailable: 'Licence instalace zde není k dispozici.',
  opensInNewTab: '(otevře se v nové kartě)',

  updateManually: 'Aktualizovat licenci ručně',
  updateHeading: 'Ruční aktualizace licence',
  keyLabel: 'Licence od licenčního týmu',
  keyHint:
    'Vložte licenci přesně tak, jak ji licenční tým poslal. Použijte to, když automatická aktualizace selže.',
  keyEmpty: 'Nejdřív vložte licenci.',
  keyRefused: (reason) => `Licence nebyla použita: ${reason}`,
  refusals: {
    malformed: 'Toto není licenční klíč. Vložte ho přesně tak, jak ho licenční tým poslal.',
    unsigned: 'Licenční klíč není podepsaný. Vložte ho celý, přesně tak, jak přišel.',
    'bad-signature': 'Licenční klíč byl po podepsání změněn. Zkopírujte ho znovu ze zprávy.',
    expired: 'Platnost licenčního klíče vypršela. Požádejte licenční tým o nový.',
    'wrong-token': 'Licenční klíč patří k jinému serveru. Požádejte o klíč pro token tohoto serveru.',
  },
  apply: 'Použít',
  applying: 'Používám…',
  cancel: 'Zrušit',
  applied: (plan, date) => `Licence aktualizována: ${plan} plán, platí do ${date}.`,
  plans: { monthly: 'měsíční', annual: 'roční' },
  updateUnavailable: 'Ruční aktualizace licence zde není k dispozici.',

  downloadLog: 'Stáhnout soubor logu licence',
  logDownloaded: 'Soubor logu licence byl stažen!',
  logFailed: (why) => `Soubor logu licence se nepodařilo stáhnout. ${why}`,
  logUnavailable: 'Soubor logu licence zde není k dispozici.',

  graceHeading: (daysLeft) =>
    daysLeft === undefined
      ? 'Ochranná lhůta'
      : daysLeft === 0
        ? 'Ochranná lhůta skončila'
        : daysLeft === 1
          ? 'Ochranná lhůta: poslední den'
          : `Ochranná lhůta: ${plural(daysLeft, 'cs', {
              one: `zbývá ${n(daysLeft)} den`,
              few: `zbývají ${n(daysLeft)} dny`,
              other: `zbývá ${n(daysLeft)} dní`,
            })} ze 7`,
  graceUntil: (date) =>
    `Licence funguje do ${date}; potom bude deaktivována, pokud ji licenční tým znovu neaktivuje.`,
  graceEnded: (date) =>
    `Ochranná lhůta skončila ${date}: licence je deaktivována, pokud ji licenční tým znovu neaktivuje.`,
  graceLasts: 'Licence funguje ještě 7 dní; potom bude deaktivována, pokud ji licenční tým znovu neaktivuje.',
  why: 'Proč:',
  whatToDo: 'Co dělat:',
  reasons: {
    'hardware-change':
      'server se změnil (CPU, paměť, disk, IP adresa, název hostitele, MAC adresa nebo síť), jeho token už neodpovídá licenci a licenční tým o změně nevěděl.',
    'late-payment': 'platba je po splatnosti.',
  },
  graceTellTeam: {
    before: 'dejte vědět licenčnímu týmu na ',
    link: 'portálu podpory',
    after: ' ještě před koncem ochranné lhůty, aby mohl změny prověřit.',
  },
  gracePay: {
    before: 'zaplaťte, nebo dejte vědět licenčnímu týmu na ',
    link: 'portálu podpory',
    after: ', ještě před koncem ochranné lhůty.',
  },
  moveHeading: 'Převod licence na nový token',
  moveSteps:
    'Na portálu podpory zvolte „Move License to a New Token (Grace Period)“ a zadejte starý i nový token (token tohoto serveru, uvedený výše).',
  oldToken: 'Starý token',
  oldTokenUnknown: 'token, pro který byla licence vydána (najdete ho ve zprávách od licenčního týmu)',
  newToken: 'Nový token (tento server)',
  copyOldToken: 'Kopírovat starý token',
  copyNewToken: 'Kopírovat nový token',
  deactivatedHeading: 'Licence je deaktivována',
  reactivate: {
    before: 'Pro opětovnou aktivaci kontaktujte licenční tým na ',
    link: 'portálu podpory',
    after: ' a uveďte token tohoto serveru.',
  },
};
