import type { LicenseDetailsMessages } from '../../elements/license-details/license-details.messages.js';
import { formatNumber, plural } from '../../i18n/format.js';

const n = (value: number) => formatNumber(value, 'cs');
const days = (count: number) =>
  plural(count, 'cs', {
    one: `${n(count)} den`,
    few: `${n(count)} dny`,
    many: `${n(count)} dne`,
    other: `${n(count)} dní`,
  });
/** "zbývá 1 den", "zbývají 3 dny", "zbývá 5 dní": the verb agrees with the count. */
const remain = (count: number) =>
  plural(count, 'cs', { few: `zbývají ${days(count)}`, other: `zbývá ${days(count)}` });

/** Czech, section `license-details`. */
export const messages: LicenseDetailsMessages = {
  heading: 'Podrobnosti licence',
  loadFailed: 'Licenci instalace se nepodařilo načíst.',
  notAvailable: 'Licence instalace zde není k dispozici.',
  opensInNewTab: '(otevře se v nové kartě)',

  plan: 'Typ licence',
  plans: { monthly: 'Měsíční', annual: 'Roční' },
  status: 'Stav',
  states: {
    active: 'Aktivní',
    expiring: 'Aktivní, brzy vyprší',
    expired: 'Vypršela',
    grace: 'Ochranná lhůta',
    deactivated: 'Deaktivována',
  },
  expiry: 'Datum vypršení',
  daysLeft: (count) => remain(count),
  expiredAgo: (count) =>
    count === 0
      ? 'vypršela dnes'
      : `vypršela před ${plural(count, 'cs', { one: `${n(count)} dnem`, other: `${n(count)} dny` })}`,
  expiringSoon: (count) =>
    count === 1
      ? 'Licence vyprší do jednoho dne. Požádejte licenční tým o obnovení.'
      : `Licence vyprší za ${days(count)}. Požádejte licenční tým o obnovení včas.`,
  expired: (date) =>
    `Licence vypršela ${date}. Dokud ji licenční tým neobnoví, nic z níže uvedeného neplatí.`,
  deactivated:
    'Licence je deaktivována: nic z níže uvedeného neplatí, dokud ji licenční tým znovu neaktivuje.',
  graceUntil: (date) => `Ochranná lhůta: vše níže uvedené funguje do ${date}.`,

  staff: 'Personál',
  channels: 'Kanály',
  modules: 'Moduly',
  sessions: 'Relace',
  addOns: 'Doplňky',
  ai: 'Řešení AI',
  others: 'Ostatní',
  staffItems: {
    users: 'Uživatelé',
    agents: 'Agenti',
    telephones: 'Telefony',
    mobileAgents: 'Mobilní agenti',
  },
  sessionItems: { ivrChannels: 'Kanály IVR', channelSessions: 'Relace kanálů' },
  sessionsNote:
    'Počet kanálů IVR a relací kanálů může být z technických důvodů omezen, aby instance fungovala optimálně.',
  included: 'Zahrnuto',
  notIncluded: 'Nezahrnuto',
  updates: 'Aktualizace softwaru',
  updatesAllowed: 'Povoleny',
  updatesForbidden: 'Nepovoleny',
  updatesAllowedText: 'Motion a Phonebar můžete aktualizovat na nové verze.',
  updatesForbiddenText: {
    before:
      'Aktualizace Motion a Phonebar na nové verze není povolena. Pro povolení kontaktujte licenční tým na ',
    link: 'portálu podpory',
    after: '.',
  },
  appZone: 'App Zone',
  appZoneText: 'Pluginy z App Zone.',

  names: {
    voice: 'Hlas',
    chat: 'Chat',
    email: 'E-mail',
    sms: 'SMS',
    fax: 'Fax',
    'open-channel': 'Otevřený kanál',
    whatsapp: 'WhatsApp',
    'contacts-manager': 'Contacts Manager',
    dialer: 'Dialer',
    jscripty: 'Jscripty',
    inspectors: 'Inspectors',
    multiprofile: 'Multiprofile',
    timings: 'Timings',
    webrtc: 'WebRTC',
    customization: 'Přizpůsobení',
    'screen-recording': 'Nahrávání obrazovky',
    'real-time-translator': 'Překladač v reálném čase',
    'ai-bots': 'AI boti',
    'ai-assistants': 'AI asistenti',
    'agent-assistants': 'Asistenti agentů',
    'quality-analysis': 'Analýza kvality',
    'quality-analysis-voice': 'Analýza kvality hlasu',
    'quality-analysis-digital': 'Analýza kvality digitálních kanálů',
  },
  descriptions: {
    'screen-recording': 'K dispozici pro Phonebar.',
    'ai-bots': 'Nastavení botů a funkcí AI v akčních plánech a v Cally Square.',
    'ai-assistants': 'Nastavení asistentů OpenAI se soubory z vaší znalostní báze.',
    'agent-assistants': 'Agenti dostávají pomoc od asistentů AI při vyřizování konverzací.',
    'quality-analysis':
      'U hlasu: přepis nahrávek, analýza sentimentu a analytika po hovoru. U digitálních kanálů: analýza sentimentu.',
    'quality-analysis-voice': 'Přepis nahrávek, analýza sentimentu a analytika po hovoru.',
    'quality-analysis-digital': 'Analýza sentimentu.',
  },
};
