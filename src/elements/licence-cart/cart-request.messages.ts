import { formatNumber, plural } from '../../i18n/format.js';

const n = (value: number) => formatNumber(value, 'en');

/** What `licence-cart` says in request mode (section `cart-request`), in English. */
export const messages = {
  title: 'Change request',
  changes: (count: number) =>
    plural(count, 'en', {
      one: `Request: ${n(count)} change`,
      other: `Request: ${n(count)} changes`,
    }),
  empty: 'No change to request. Change a licence above to prepare a request.',
  problems: (count: number) =>
    plural(count, 'en', {
      one: `${n(count)} problem to fix before sending`,
      other: `${n(count)} problems to fix before sending`,
    }),
  review: 'Review request',
  reviewTitle: 'Review your request',
  notAPurchase:
    'This is a request: nothing is bought or changed until an administrator approves it. The amounts and dates say what it would cost and when it would apply if it were saved now.',
  note: 'Note for the administrator (optional)',
  noteHint: 'Why you need it, from when. At most 1,000 characters.',
  send: 'Send request',
  sending: 'Sending…',
  sent: 'Your request was sent. An administrator will review it; you will see the outcome in Your requests.',
  failed: 'Your request was not sent. Your changes are kept: try again.',
  handedOver: 'Your request was passed on to be sent.',
  nowhere:
    'The request could not be sent anywhere: this page has no way to send requests. Your changes are kept; ask an administrator to make them.',
};

export type CartRequestMessages = typeof messages;
