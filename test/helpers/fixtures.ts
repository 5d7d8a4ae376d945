// Small, explicit data for tests: numbers a reader can check by hand.
import type { Agent, InstallationLicense, LicensingSnapshot } from '../../src/core/index.js';
import type { MemorySeed } from '../../src/adapters/memory/index.js';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

export function smallSnapshot(overrides: Partial<LicensingSnapshot> = {}): LicensingSnapshot {
  return {
    version: 'v1',
    permission: 'update',
    period: { start: '2026-11-01', end: '2026-11-30' },
    catalog: [
      { id: 'voice', name: 'Voice', unitPrice: eur(2400), max: 100 },
      { id: 'outbound', name: 'Outbound', unitPrice: eur(1200), requires: 'voice', max: 100 },
      { id: 'email', name: 'Email', unitPrice: eur(900) },
      { id: 'call-recording', name: 'Call recording', unitPrice: eur(300) },
    ],
    lines: [
      { typeId: 'voice', count: 10, inUse: 3, peak: 12 },
      { typeId: 'outbound', count: 4, inUse: 2, peak: 4 },
      { typeId: 'email', count: 2, inUse: 1, peak: 2 },
      { typeId: 'call-recording', count: 3, inUse: 2, peak: 9 },
    ],
    recording: { typeId: 'call-recording', retention: { months: 9 }, maxMonths: 24 },
    speechToText: {
      enabled: true,
      baseMinutes: 5000,
      limitOverBase: 2000,
      usedMinutes: 5500,
      minutePrice: eur(2),
    },
    powerPack: {
      enabled: true,
      packPrice: eur(4900),
      services: [
        { id: 'smart-routing', name: 'Smart routing', limit: 10, used: 4 },
        { id: 'ai-topics', name: 'AI Topics', limit: null, used: 1 },
      ],
    },
    prerequisites: { emailQueues: 1, callQueuesWithAiTopics: 1, aiQaForms: 0 },
    ...overrides,
  };
}

export const smallAgents: Agent[] = [
  {
    id: 'a1',
    name: 'Anna Nováková',
    email: 'anna@example.com',
    licences: ['voice', 'outbound', 'call-recording'],
  },
  { id: 'a2', name: 'Ben Smith', email: 'ben@example.com', licences: ['voice', 'email', 'call-recording'] },
  { id: 'a3', name: 'Carla Rossi', email: 'carla@example.com', licences: ['voice', 'outbound'] },
  { id: 'a4', name: 'David Dvořák', email: 'david@example.com', licences: [] },
];

export function smallSeed(overrides: Partial<LicensingSnapshot> = {}): MemorySeed {
  return { snapshot: smallSnapshot(overrides), agents: smallAgents, installationLicense: null };
}

/** The installation token of `installationLicence()`. */
export const INSTALLATION_TOKEN = '7f3c9a2e-51d8-4b6e-9c0a-e2d41f8b7a65';

/** An active annual installation licence, for the installation widgets and the adapters' tests. */
export function installationLicence(overrides: Partial<InstallationLicense> = {}): InstallationLicense {
  return {
    token: INSTALLATION_TOKEN,
    plan: 'annual',
    expiresAt: '2027-06-01T00:00:00Z',
    staff: { users: 300, agents: 250, telephones: 260, mobileAgents: 40 },
    channels: ['voice'],
    modules: [],
    addOns: [],
    ai: [],
    sessions: { ivrChannels: 60, channelSessions: 400 },
    updatesAllowed: true,
    appZone: true,
    status: { state: 'active' },
    ...overrides,
  };
}
