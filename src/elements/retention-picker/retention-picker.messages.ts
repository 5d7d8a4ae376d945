import type { Money } from '../../core/index.js';
import { formatMoney, formatNumber } from '../../i18n/format.js';

const n = (value: number) => formatNumber(value, 'en');

/** What `retention-picker` says (section `retention-picker`), in English. */
export const messages = {
  label: 'Call recording retention',
  description: 'How long call recordings are kept. One setting for all users.',
  optionFree: (label: string) => `${label} – free`,
  multiplier: (units: number) =>
    units === 0 ? 'No charge: recordings are kept 14 days.' : `×${n(units)} licence units per recording user`,
  effect: (delta: Money) => `${formatMoney(delta, 'en', { signed: true })} per month`,
  noRecording: 'Call recording is not part of this account.',
  aboveMax: (current: string, max: string) =>
    `The retention set, ${current}, is longer than your plan allows (${max}). It is kept and charged until you choose a shorter one.`,
};

export type RetentionPickerMessages = typeof messages;
