// The states the demo panel can put the account into, as plain data: the installation licence's
// (active, expiring soon, grace for a hardware change or a late payment, deactivated, expired) and
// the Power Pack services' prerequisites (met, missing). One definition for the three data
// sources: the page writes them into the memory adapter's storage (memory and MSW modes), and the
// reference backend's demo controls (server/src/dev/) store them for its demo account.

import { expiryStatus, type InstallationLicense, type LicensingSnapshot } from '../src/core/index.js';

export const LICENCE_STATES = [
  'active',
  'expiring',
  'grace-hardware-change',
  'grace-late-payment',
  'deactivated',
  'expired',
] as const;
export type LicenceState = (typeof LICENCE_STATES)[number];

export const PREREQUISITE_STATES = ['met', 'missing'] as const;
export type PrerequisiteState = (typeof PREREQUISITE_STATES)[number];

export const isLicenceState = (value: unknown): value is LicenceState =>
  (LICENCE_STATES as readonly unknown[]).includes(value);
export const isPrerequisiteState = (value: unknown): value is PrerequisiteState =>
  (PREREQUISITE_STATES as readonly unknown[]).includes(value);

const DAY = 24 * 60 * 60 * 1000;
/** The token the licence was issued for before the (simulated) hardware change. */
export const PREVIOUS_TOKEN = '2b8e4d10-7c3a-4f5e-a9d1-6e0b3c7f2a48';

/**
 * `base` (the demo's licence) in `state` at `now`, as a backend answers it: dates and status agree
 * (R10: past its expiry a licence is in its 7-day grace period for late payment, then deactivated;
 * a hardware change starts a grace period of its own). Half days keep "12 days left" stable while
 * the demo runs.
 */
export function licenceInState(
  base: InstallationLicense,
  state: LicenceState,
  now: Date,
): InstallationLicense {
  const at = (days: number) => new Date(now.getTime() + days * DAY).toISOString();
  const valid = at(200.5);
  switch (state) {
    case 'active':
      return { ...base, expiresAt: valid, status: { state: 'active' } };
    case 'expiring':
      return { ...base, expiresAt: at(11.5), status: { state: 'active' } };
    case 'grace-hardware-change':
      return {
        ...base,
        expiresAt: valid,
        status: {
          state: 'grace',
          reason: 'hardware-change',
          graceEndsAt: at(4.5),
          previousToken: PREVIOUS_TOKEN,
        },
      };
    case 'grace-late-payment':
      return {
        ...base,
        expiresAt: at(-2.5),
        status: { state: 'grace', reason: 'late-payment', graceEndsAt: at(4.5) },
      };
    case 'deactivated':
      return {
        ...base,
        expiresAt: valid,
        status: { state: 'deactivated', reason: 'hardware-change' },
      };
    case 'expired':
      return { ...base, expiresAt: at(-10.5), status: { state: 'deactivated', reason: 'late-payment' } };
  }
}

/** Which of the panel's states `licence` is in at `now` (R10's 30-day warning marks "expiring"). */
export function licenceStateOf(licence: InstallationLicense, now: Date): LicenceState {
  const { state, reason } = licence.status;
  if (state === 'grace') return reason === 'hardware-change' ? 'grace-hardware-change' : 'grace-late-payment';
  if (state === 'deactivated') return reason === 'hardware-change' ? 'deactivated' : 'expired';
  const expiry = expiryStatus(licence.expiresAt, now.getTime());
  if (expiry.state === 'expired') return 'expired';
  return expiry.state === 'expiring' ? 'expiring' : 'active';
}

/** What the account has set up for the Power Pack services (R8), and whether Speech-to-Text is on. */
export interface PrerequisiteSetup {
  readonly prerequisites: NonNullable<LicensingSnapshot['prerequisites']>;
  readonly speechToTextOn: boolean;
}

/**
 * Met: email queues set up (Smart routing), Speech-to-Text on for the call queues that use AI
 * Topics, a QA form allowed for AI QA. Missing: none of these, with call queues still using AI
 * Topics, so each service says what it needs.
 */
export function prerequisitesIn(state: PrerequisiteState): PrerequisiteSetup {
  return state === 'met'
    ? { prerequisites: { emailQueues: 6, callQueuesWithAiTopics: 2, aiQaForms: 1 }, speechToTextOn: true }
    : { prerequisites: { emailQueues: 0, callQueuesWithAiTopics: 2, aiQaForms: 0 }, speechToTextOn: false };
}

/** Which prerequisite state `snapshot` is in (the panel shows it), or undefined when neither. */
export function prerequisiteStateOf(snapshot: LicensingSnapshot): PrerequisiteState | undefined {
  return PREREQUISITE_STATES.find((state) => {
    const { prerequisites, speechToTextOn } = prerequisitesIn(state);
    return (
      JSON.stringify(snapshot.prerequisites) === JSON.stringify(prerequisites) &&
      (snapshot.speechToText?.enabled ?? false) === speechToTextOn
    );
  });
}
