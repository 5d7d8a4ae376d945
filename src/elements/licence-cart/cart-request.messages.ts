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
  /** A save refused: the change request it carried was decided meanwhile, or is gone (cart-saved.ts). */
  requestDecided:
    'Someone else approved or declined this request meanwhile. Saving again saves these changes as your own, not as the request.',
  requestGone:
    'This request no longer exists (it was removed, or the data was reset). Saving again saves these changes as your own, not as the request.',
  /** An `update` user saved `who`'s change request, and the save held everything it asked for (cart-saved.ts). */
  requestApproved: (who: string) =>
    `Saved. ${who}'s request is approved: this save included everything it asked for.`,
  /** An `update` user saved `who`'s change request edited first: it stays pending (cart-saved.ts). */
  requestPending: (who: string) =>
    `Saved. ${who}'s request stays pending: this save did not include everything it asked for.`,
  /**
   * Saved with everything `who` asked for, yet nothing approved the request: the save was rebased
   * onto an equal change, or the adapter cannot approve requests at all (cart-saved.ts).
   */
  requestNotApproved: (who: string) =>
    `Saved. ${who}'s request stays pending: it was not approved with this save.`,
  /**
   * Saved, but what became of `who`'s request is not known: the requests could not be loaded, or
   * its approval failed, where something could have approved it (cart-saved.ts).
   */
  requestUnknown: (who: string) => `Saved. Whether ${who}'s request is approved could not be checked.`,
};

export type CartRequestMessages = typeof messages;
