import type { LicenceStanding } from '../../core/index.js';
import { formatNumber, plural } from '../../i18n/format.js';

const n = (value: number) => formatNumber(value, 'en');
const days = (count: number) => plural(count, 'en', { one: `${n(count)} day`, other: `${n(count)} days` });

/** What `license-details` says (section `license-details`), in English. */
export const messages = {
  heading: 'Licence details',
  loadFailed: 'The installation licence could not be loaded.',
  notAvailable: 'The installation licence is not available here.',
  opensInNewTab: '(opens in a new tab)',

  // Summary.
  plan: 'Type of licence',
  plans: { monthly: 'Monthly', annual: 'Annual' } as Record<string, string>,
  status: 'Status',
  /** The status badge, by the licence's standing (status and expiry date read together). */
  states: {
    active: 'Active',
    expiring: 'Active, expires soon',
    expired: 'Expired',
    grace: 'Grace period',
    deactivated: 'Deactivated',
  } satisfies Record<LicenceStanding['state'], string>,
  expiry: 'Expiration date',
  daysLeft: (count: number) => `${days(count)} left`,
  expiredAgo: (count: number) => (count === 0 ? 'expired today' : `expired ${days(count)} ago`),
  expiringSoon: (count: number) =>
    count === 1
      ? 'The licence expires within a day. Ask the licensing team to renew it.'
      : `The licence expires in ${days(count)}. Ask the licensing team to renew it in time.`,
  expired: (date: string) =>
    `The licence expired on ${date}. Until the licensing team renews it, nothing below is in force.`,
  /** Also once a grace period has ended: the licence is then deactivated (R10). */
  deactivated:
    'The licence is deactivated: nothing below is in force until the licensing team reactivates it.',
  graceUntil: (date: string) => `Grace period: everything below works until ${date}.`,

  // Groups.
  staff: 'Staff',
  channels: 'Channels',
  modules: 'Modules',
  sessions: 'Sessions',
  addOns: 'Add-ons',
  ai: 'AI solutions',
  others: 'Others',
  staffItems: { users: 'Users', agents: 'Agents', telephones: 'Telephones', mobileAgents: 'Mobile agents' },
  sessionItems: { ivrChannels: 'IVR channels', channelSessions: 'Channel sessions' },
  sessionsNote:
    'The number of IVR channels and channel sessions may be limited for technical reasons, to keep the instance performing well.',
  included: 'Included',
  notIncluded: 'Not included',
  updates: 'Software updates',
  updatesAllowed: 'Allowed',
  updatesForbidden: 'Not allowed',
  updatesAllowedText: 'You may update Motion and Phonebar to new versions.',
  updatesForbiddenText: {
    before:
      'Updating Motion and Phonebar to new versions is not allowed. To allow it, contact the licensing team on the ',
    link: 'support portal',
    after: '.',
  },
  appZone: 'App Zone',
  appZoneText: 'Plugins from the App Zone.',

  /** Names of the channels, modules, add-ons and AI solutions by id; unknown ids show as given. */
  names: {
    voice: 'Voice',
    chat: 'Chat',
    email: 'Email',
    sms: 'SMS',
    fax: 'Fax',
    'open-channel': 'Open Channel',
    whatsapp: 'WhatsApp',
    'contacts-manager': 'Contacts Manager',
    dialer: 'Dialer',
    jscripty: 'Jscripty',
    inspectors: 'Inspectors',
    multiprofile: 'Multiprofile',
    timings: 'Timings',
    webrtc: 'WebRTC',
    customization: 'Customization',
    'screen-recording': 'Screen Recording',
    'real-time-translator': 'Real-time Translator',
    'ai-bots': 'AI Bots',
    'ai-assistants': 'AI Assistants',
    'agent-assistants': 'Agent Assistants',
    'quality-analysis': 'Quality Analysis',
    'quality-analysis-voice': 'Quality Analysis on voice',
    'quality-analysis-digital': 'Quality Analysis on digital channels',
  } as Record<string, string>,
  /** What an item gives, where the product (R10, docs/rules.md) says more than its name. */
  descriptions: {
    'screen-recording': 'Available for Phonebar.',
    'ai-bots': 'Configure bots and use AI features in action plans and Cally Square.',
    'ai-assistants': 'Configure OpenAI assistants, with files from your knowledge base.',
    'agent-assistants': 'Agents get help from AI assistants while they handle conversations.',
    'quality-analysis':
      'On voice: recording transcription, sentiment analysis and post-call analytics. On digital channels: sentiment analysis.',
    'quality-analysis-voice': 'Recording transcription, sentiment analysis and post-call analytics.',
    'quality-analysis-digital': 'Sentiment analysis.',
  } as Record<string, string>,
};

export type LicenseDetailsMessages = typeof messages;
