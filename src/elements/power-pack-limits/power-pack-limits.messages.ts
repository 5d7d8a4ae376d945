import type { Money } from '../../core/index.js';
import { formatMoney, formatNumber, formatPercent, plural } from '../../i18n/format.js';

const n = (value: number) => formatNumber(value, 'en');
const packs = (count: number) => plural(count, 'en', { one: `${n(count)} pack`, other: `${n(count)} packs` });

/** What `power-pack-limits` says (section `power-pack-limits`), in English. */
export const messages = {
  title: 'Power Pack limits',
  switch: 'Power Pack',
  state: (on: boolean): string => (on ? 'On' : 'Off'),
  off: 'The Power Pack is off: its services do not run and the limits do not apply.',
  limitLabel: (service: string) => `${service}: most packs per month`,
  noLimit: 'No limit',
  limit: (limit: number) => `Limit: ${packs(limit)} a month`,
  usage: (used: number, limit: number | null) =>
    limit === null ? `${packs(used)} used this month` : `${n(used)} of ${packs(limit)} used this month`,
  stopped: (until: string) => `Limit reached: stopped until ${until}.`,
  /** R11: past a threshold of the (planned) limit; `exact` when usage is at it. */
  threshold: (threshold: number, exact: boolean) =>
    `${exact ? '' : 'Over '}${formatPercent(threshold, 'en')} of the limit used`,
  /**
   * R11: stopped: the limit offered; `pace`: the estimate that keeps it running to the month's end
   * (`end`), else (early in the month) the one that resumes it now.
   */
  keepRunning: (limit: number, end: string, pace: boolean) =>
    pace
      ? `Estimate at this month's pace: a limit of ${packs(limit)} keeps it running to the end of the month (${end}).`
      : `A limit of ${packs(limit)} resumes it now. It is too early in the month to tell what keeps it running to the end.`,
  /** R11: with the most the limit costs a month (`null`: too large to say). */
  raise: (service: string, limit: number, atMost: Money | null) =>
    `Raise the ${service} limit to ${packs(limit)}${atMost ? ` (at most ${formatMoney(atMost, 'en')} a month)` : ''}`,
  /** After the usage, when saving the draft stops or resumes the service. */
  onSave: { stops: '— stops as soon as you save', resumes: '— resumes when you save' },
  maxSpend: (amount: Money | null) =>
    amount === null ? 'No cap on monthly spend' : `At most ${formatMoney(amount, 'en')} a month`,
  maxSpendTooLarge: 'Too large to charge: lower the limit.',
  packPrice: (price: Money) => `One Power Pack costs ${formatMoney(price, 'en')}.`,
  descriptions: {
    'smart-routing': 'Routes emails to the best agent using AI.',
    'ai-topics': 'Finds the topics of conversations in any queue type.',
    'ai-qa': 'Scores conversations with the QA forms allowed for AI QA.',
  } as Record<string, string>,
  met: 'Ready',
  missing: 'Missing',
  emailQueues: (count: number) =>
    count > 0
      ? plural(count, 'en', {
          one: `${n(count)} email queue set up.`,
          other: `${n(count)} email queues set up.`,
        })
      : 'An email queue: set up Smart routing in your email queues.',
  speechToText: (on: boolean, callQueues: number) =>
    callQueues === 0
      ? 'Speech-to-Text, for AI Topics on call queues (no call queue uses AI Topics now).'
      : on
        ? 'Speech-to-Text is on, as AI Topics on call queues needs.'
        : `Speech-to-Text is off: AI Topics will not work on the ${n(callQueues)} call queues that use it.`,
  aiQaForm: (count: number) =>
    count > 0
      ? plural(count, 'en', {
          one: `${n(count)} QA form allowed for AI QA.`,
          other: `${n(count)} QA forms allowed for AI QA.`,
        })
      : 'A QA form allowed for AI QA: set one in Manage → Settings → QA Forms, then select it in the queue.',
  noPowerPack: 'The Power Pack is not part of this account.',
  noServices: 'No Power Pack services are offered.',
  /** A service's meter's value in words (issue #23). */
  meterValue: (used: number, limit: number) => `${n(used)} of ${packs(limit)}`,
};

export type PowerPackLimitsMessages = typeof messages;
