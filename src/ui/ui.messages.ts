import { formatNumber } from '../i18n/format.js';

/** What the internal primitives say (section `ui`), in English. */
export const messages = {
  increase: (label: string) => `Increase ${label}`,
  decrease: (label: string) => `Decrease ${label}`,
  moreInfo: (label: string) => `About ${label}`,
  close: 'Close',
  dismiss: 'Dismiss',
  parse: {
    empty: 'Enter a number.',
    negative: 'Enter 0 or more.',
    decimal: 'Enter a whole number, without decimals.',
    'not-a-number': 'Enter a whole number in digits, e.g. 12.',
    'too-large': (max: number) => `Enter ${formatNumber(max, 'en')} or less.`,
  },
};
export type UiMessages = typeof messages;
