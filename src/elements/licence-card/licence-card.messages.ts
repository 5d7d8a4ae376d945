import type { Money } from '../../core/index.js';
import { formatMoney, formatNumber, formatPercent } from '../../i18n/format.js';

const n = (value: number) => formatNumber(value, 'en');
const m = (money: Money) => formatMoney(money, 'en');
const signed = (money: Money) => formatMoney(money, 'en', { signed: true });

/** What `licence-card` says (section `licence-card`), in English. */
export const messages = {
  licences: (name: string) => `${name} licences`,
  inUse: (inUse: number, count: number) => `In use: ${n(inUse)} of ${n(count)}`,
  unitPrice: (price: Money) => `${m(price)} per licence per month`,
  unitPriceRecording: (price: Money, multiplier: number) =>
    multiplier === 0
      ? `${m(price)} per unit per month · free with 14-day retention`
      : `${m(price)} per unit per month · ×${n(multiplier)} units per user`,
  subtotal: (amount: Money) => `${m(amount)} per month`,
  /** A pending change; `units` from → to only when the retention changes them (the recording line). */
  pending: (from: number, to: number, delta: Money, unitsFrom: number, unitsTo: number) =>
    `${from === to ? '' : `${n(from)} → ${n(to)}, `}${unitsFrom === unitsTo ? '' : `×${n(unitsFrom)} → ×${n(unitsTo)} units per user, `}${signed(delta)} per month`,
  /** R5: the month's peak and what this month is charged once saved; in billed units on the recording line. */
  peak: (peak: number, billed: number, charge: Money, units: boolean) =>
    `Highest this month${units ? ' (billed units)' : ''}: ${n(peak)} — this month is billed at ${n(billed)} (${m(charge)}).`,
  /** Why the stepper stops: what is in use, or the type that needs as many (R3, R4). */
  floor: (min: number, neededBy?: string) =>
    `${n(min)} ${neededBy ? `needed by ${neededBy}` : 'in use'} — can't go lower`,
  changedElsewhere: (to: number) => `Changed by someone else: now ${n(to)}`,
  retentionChangedElsewhere: (retention: string) => `Retention changed by someone else: now ${retention}`,
  seeUsers: (name: string) => `See who uses ${name}`,
  pricingRule: (price: Money) =>
    `You pay ${m(price)} per licence per month. Each month is charged for the highest number of licences set at any time during it; a reduction lowers next month's charge.`,
  pricingRuleRecording: (price: Money) =>
    `You pay ${m(price)} per unit per month. Each 3 months of retention is one unit per recording user (9 months = ×3); a 14-day retention is free. Each month is charged for its highest number of units.`,
  unknownType: (typeId: string) => `There is no licence type "${typeId}" in this account.`,
  // Speech-to-Text
  sttName: 'Speech-to-Text',
  sttDescription: 'Transcribes calls. A base pack of 5,000 minutes a month is included.',
  sttLimit: 'Limit over the base pack (minutes per month)',
  sttNoLimit: 'No limit',
  sttTotal: (base: number, total: number | null) =>
    total === null
      ? `No limit: ${n(base)} base minutes plus any use.`
      : `At most ${n(total)} minutes a month (${n(base)} base + ${n(total - base)}).`,
  sttUsage: (used: number, total: number | null) =>
    total === null
      ? `${n(used)} minutes used this month`
      : `${n(used)} of ${n(total)} minutes used this month`,
  /** After the usage, when saving the draft stops or resumes Speech-to-Text. */
  sttOnSave: { stops: '— stops as soon as you save', resumes: '— resumes when you save' },
  sttStopped: (until: string) => `Limit reached: Speech-to-Text is stopped until ${until}.`,
  /** R11: past a threshold of the (planned) limit; `exact` when usage is at it. */
  sttThreshold: (threshold: number, exact: boolean) =>
    `${exact ? '' : 'Over '}${formatPercent(threshold, 'en')} of the limit used`,
  /**
   * R11: stopped: the limit over the base pack offered; `pace`: the estimate that keeps it running
   * to the month's end (`end`), else (early in the month) the one that resumes it now.
   */
  sttKeepRunning: (overBase: number, total: number, end: string, pace: boolean) =>
    pace
      ? `Estimate at this month's pace: a limit of ${n(overBase)} minutes over the base pack (${n(total)} in all) keeps it running to the end of the month (${end}).`
      : `A limit of ${n(overBase)} minutes over the base pack (${n(total)} in all) resumes it now. It is too early in the month to tell what keeps it running to the end.`,
  /** R11: with the most the limit costs a month (`null`: too large to say). */
  sttRaise: (overBase: number, atMost: Money | null) =>
    `Raise the limit to ${n(overBase)}${atMost ? ` (at most ${m(atMost)} a month)` : ''}`,
  sttMaxSpend: (amount: Money | null) =>
    amount === null ? 'No cap on monthly spend' : `At most ${m(amount)} a month over the base pack`,
  sttRule: (price: Money) =>
    `5,000 minutes a month are included. Minutes over them cost ${m(price)} each, up to the limit you set; with no limit, every minute used is charged. When the limit is reached Speech-to-Text stops until next month.`,
  /** A switch's state, after it. */
  state: (on: boolean): string => (on ? 'On' : 'Off'),
  unavailable: (name: string) => `${name} is not part of this account.`,
  // Power Pack
  ppName: 'Power Pack',
  ppDescription: 'AI services paid in packs: Smart routing, AI Topics and AI QA.',
  ppLimitsHint: 'Set the monthly limit of each service in the Power Pack limits.',
  ppRule: (price: Money) =>
    `One Power Pack costs ${m(price)}. Each service uses packs up to the monthly limit you set for it, then stops until next month.`,
  // Change requests (R1: a `view` user drafts, an administrator approves)
  requestLicences: (name: string) => `${name} licences to request`,
  /** The Speech-to-Text meter's value in words (issue #23). */
  sttMeterValue: (used: number, total: number) => `${n(used)} of ${n(total)} minutes`,
};

export type LicenceCardMessages = typeof messages;
