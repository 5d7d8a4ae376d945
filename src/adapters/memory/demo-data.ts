import {
  foldForSearch,
  type Agent,
  type HistoryEntry,
  type InstallationLicense,
  type LicenceType,
  type LicensingSnapshot,
} from '../../core/index.js';

/** The plain data a `MemoryAdapter` is seeded from. */
export interface MemorySeed {
  snapshot: LicensingSnapshot;
  agents: readonly Agent[];
  /** `null` or absent: the adapter offers no installation-licence methods. */
  installationLicense?: InstallationLicense | null;
  /** Commits accepted before this one started, for `listHistory` (any order). */
  history?: readonly HistoryEntry[];
}

const eur = (amount: number) => ({ amount, currency: 'EUR' });

/** The demo catalog: about ten seat licence types as per-seat licensing describes them (docs/rules.md). */
export const demoCatalog: readonly LicenceType[] = [
  {
    id: 'voice',
    name: 'Voice',
    names: { cs: 'Hlas' },
    description: 'Inbound and internal calls in voice queues.',
    descriptions: { cs: 'Příchozí a interní hovory ve hlasových frontách.' },
    unitPrice: eur(2400),
    max: 2000,
  },
  {
    id: 'outbound',
    name: 'Outbound',
    names: { cs: 'Odchozí' },
    description: 'Outbound calls and campaigns. Every outbound user also needs a voice licence.',
    descriptions: { cs: 'Odchozí hovory a kampaně. Každý uživatel s odchozí licencí potřebuje i hlasovou.' },
    unitPrice: eur(1200),
    requires: 'voice',
    max: 2000,
  },
  {
    id: 'email',
    name: 'Email',
    names: { cs: 'E-mail' },
    description: 'Email queues.',
    descriptions: { cs: 'E-mailové fronty.' },
    unitPrice: eur(900),
    max: 2000,
  },
  {
    id: 'chat',
    name: 'Chat',
    description: 'Web chat queues.',
    descriptions: { cs: 'Fronty webového chatu.' },
    unitPrice: eur(900),
    max: 2000,
  },
  {
    id: 'sms',
    name: 'SMS',
    description: 'SMS queues.',
    descriptions: { cs: 'Fronty SMS.' },
    unitPrice: eur(600),
    max: 2000,
  },
  {
    id: 'whatsapp',
    name: 'WhatsApp',
    description: 'WhatsApp Business queues.',
    descriptions: { cs: 'Fronty WhatsApp Business.' },
    unitPrice: eur(1000),
    max: 2000,
  },
  {
    id: 'open-channel',
    name: 'Open channel',
    names: { cs: 'Otevřený kanál' },
    description: 'Custom channels connected through the open channel API.',
    descriptions: { cs: 'Vlastní kanály připojené přes API otevřeného kanálu.' },
    unitPrice: eur(800),
    max: 2000,
  },
  {
    id: 'call-recording',
    name: 'Call recording',
    names: { cs: 'Nahrávání hovorů' },
    description:
      "Records a user's calls and keeps them for the retention period. Each 3 months of retention is one more billed unit per user.",
    descriptions: {
      cs: 'Nahrává hovory uživatele a uchovává je po zvolenou dobu. Každé 3 měsíce uchovávání znamenají jednu účtovanou jednotku na uživatele navíc.',
    },
    unitPrice: eur(300),
    max: 2000,
  },
  {
    id: 'screen-recording',
    name: 'Screen recording',
    names: { cs: 'Nahrávání obrazovky' },
    description: "Records the agent's screen during conversations.",
    descriptions: { cs: 'Nahrává obrazovku agenta během konverzací.' },
    unitPrice: eur(500),
    max: 2000,
  },
  {
    id: 'supervisor',
    name: 'Supervisor',
    names: { cs: 'Supervizor' },
    description: 'Real-time monitoring, whisper and barge-in.',
    descriptions: { cs: 'Sledování v reálném čase, našeptávání a vstup do hovoru.' },
    unitPrice: eur(1500),
    max: 500,
  },
];

// Share of agents holding each type in the demo; outbound and recording only with voice.
const shares: Readonly<Record<string, number>> = {
  voice: 0.8,
  outbound: 0.4,
  email: 0.5,
  chat: 0.45,
  sms: 0.15,
  whatsapp: 0.2,
  'open-channel': 0.08,
  'call-recording': 0.7,
  'screen-recording': 0.12,
  supervisor: 0.05,
};
const needsVoice = new Set(['outbound', 'call-recording']);

const firstNames = [
  'Adéla',
  'Aleš',
  'Alice',
  'Amir',
  'Anna',
  'Barbora',
  'Ben',
  'Carla',
  'David',
  'Dominika',
  'Elena',
  'Emil',
  'Eva',
  'Filip',
  'Giulia',
  'Hana',
  'Ivan',
  'Jakub',
  'Jana',
  'Jiří',
  'Karolína',
  'Kateřina',
  'Lars',
  'Lucie',
  'Lukáš',
  'Marek',
  'Maria',
  'Martin',
  'Matteo',
  'Michaela',
  'Nikola',
  'Nora',
  'Ondřej',
  'Pavel',
  'Petra',
  'Radek',
  'Sara',
  'Simona',
  'Sofia',
  'Tereza',
  'Tomáš',
  'Veronika',
  'Vojtěch',
  'Yusuf',
  'Zuzana',
  'Zdeněk',
  'Lena',
  'Omar',
  'Priya',
  'Chen',
];
const lastNames = [
  'Novák',
  'Svoboda',
  'Novotná',
  'Dvořák',
  'Černá',
  'Procházka',
  'Kučerová',
  'Veselý',
  'Horák',
  'Němcová',
  'Marek',
  'Pokorná',
  'Pospíšil',
  'Hájek',
  'Jelínková',
  'Král',
  'Růžička',
  'Beneš',
  'Fiala',
  'Sedláček',
  'Rossi',
  'Bianchi',
  'Müller',
  'Schmidt',
  'García',
  'Martínez',
  'Kowalski',
  'Nowak',
  'Smith',
  'Jones',
  'Johansson',
  'Larsen',
  'Dubois',
  'Moreau',
  'Silva',
  'Santos',
  'Yilmaz',
  'Kaya',
  'Haddad',
  'Khan',
];

/** A small seeded PRNG (mulberry32), so generated data is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Makes `count` agents with believable names and licences drawn from `typeIds` (deterministic for
 * a given `seed`). 100,000 agents take a few tens of milliseconds.
 */
export function generateAgents(
  count: number,
  {
    typeIds = demoCatalog.map((type) => type.id),
    seed = 1,
  }: { typeIds?: readonly string[]; seed?: number } = {},
): Agent[] {
  const next = random(seed);
  const agents: Agent[] = new Array(count);
  const width = String(count).length;
  for (let i = 0; i < count; i++) {
    const first = firstNames[Math.floor(next() * firstNames.length)]!;
    const last = lastNames[Math.floor(next() * lastNames.length)]!;
    const licences: string[] = [];
    const hasVoice = typeIds.includes('voice') && next() < (shares.voice ?? 0.5);
    for (const id of typeIds) {
      if (id === 'voice') {
        if (hasVoice) licences.push(id);
      } else if (next() < (shares[id] ?? 0.3) && (!needsVoice.has(id) || hasVoice)) {
        licences.push(id);
      }
    }
    const serial = String(i + 1).padStart(width, '0');
    agents[i] = {
      id: `agent-${serial}`,
      name: `${first} ${last}`,
      email: `${foldForSearch(first)}.${foldForSearch(last)}.${serial}@example.com`,
      licences,
    };
  }
  return agents;
}

/** Agents per licence type. */
export function countHolders(agents: readonly Agent[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const agent of agents) for (const id of agent.licences) counts[id] = (counts[id] ?? 0) + 1;
  return counts;
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The built-in demo data set: ten licence types, `agents` agents (250 by default), a billing
 * month around `now` with peaks above some counts, Speech-to-Text, Power Pack and an installation
 * licence.
 */
export function createDemoSeed({
  now = new Date(),
  agents: agentCount = 250,
}: { now?: Date; agents?: number } = {}): MemorySeed {
  const agents = generateAgents(agentCount);
  const holders = countHolders(agents);
  // Some headroom over what is in use, and a few lines whose count was higher earlier this month
  // (peak above count), as R5's high-water rule needs to be visible in the demo.
  const headroom: Readonly<Record<string, number>> = { voice: 10, outbound: 5, email: 4, chat: 0, sms: 2 };
  const peakAbove: Readonly<Record<string, number>> = { voice: 5, chat: 3, 'screen-recording': 2 };
  const retentionMonths = 9;
  const lines = demoCatalog.map((type) => {
    const inUse = holders[type.id] ?? 0;
    const count = inUse + (headroom[type.id] ?? 1);
    const multiplier = type.id === 'call-recording' ? retentionMonths / 3 : 1;
    return { typeId: type.id, count, inUse, peak: (count + (peakAbove[type.id] ?? 0)) * multiplier };
  });
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0));
  const day = 24 * 60 * 60 * 1000;
  return {
    snapshot: {
      version: 'v1',
      permission: 'update',
      period: { start: isoDate(start), end: isoDate(end) },
      catalog: demoCatalog,
      lines,
      recording: { typeId: 'call-recording', retention: { months: retentionMonths }, maxMonths: 60 },
      speechToText: {
        enabled: true,
        baseMinutes: 5000,
        limitOverBase: 2000,
        usedMinutes: 5830,
        minutePrice: eur(2),
      },
      powerPack: {
        enabled: true,
        packPrice: eur(4900),
        services: [
          {
            id: 'smart-routing',
            name: 'Smart routing',
            names: { cs: 'Chytré směrování' },
            limit: 10,
            used: 4,
          },
          { id: 'ai-topics', name: 'AI Topics', limit: 5, used: 5 },
          { id: 'ai-qa', name: 'AI QA', limit: null, used: 2 },
        ],
      },
      prerequisites: { emailQueues: 6, callQueuesWithAiTopics: 2, aiQaForms: 1 },
    },
    agents,
    installationLicense: {
      token: '7f3c9a2e-51d8-4b6e-9c0a-e2d41f8b7a65',
      plan: 'annual',
      expiresAt: new Date(start.getTime() + 200 * day).toISOString(),
      staff: { users: 300, agents: 250, telephones: 260, mobileAgents: 40 },
      channels: ['voice', 'chat', 'email', 'sms', 'open-channel', 'whatsapp'],
      modules: ['contacts-manager', 'dialer', 'jscripty', 'inspectors', 'timings'],
      addOns: ['webrtc', 'screen-recording'],
      ai: ['ai-bots', 'ai-assistants', 'agent-assistants', 'quality-analysis'],
      sessions: { ivrChannels: 60, channelSessions: 400 },
      updatesAllowed: true,
      appZone: true,
      status: { state: 'active' },
    },
  };
}
