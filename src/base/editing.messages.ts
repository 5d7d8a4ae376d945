import type { EditRefusal } from '../state/state.js';

/** What an editing widget says when the store refuses an edit (section `editing`), in English. */
export const messages: {
  refused: Record<EditRefusal, string>;
  requestBadge: string;
  requested: string;
  requestNote: string;
} = {
  // Change requests (R1: a `view` user drafts, an administrator approves).
  /** After a widget's name while a `view` user drafts a request. */
  requestBadge: 'Request',
  /** Before a request's pending change. */
  requested: 'Requested: ',
  requestNote:
    'Changes you make here are sent as a request for an administrator to approve. Nothing is bought.',
  refused: {
    saving: 'Not changed: the cart is being saved. Change it again once the save has ended.',
    permission: 'Not changed: you may no longer change licences.',
    invalid: 'Not changed: this value is not allowed.',
    'not-loaded': 'Not changed: the licences are not loaded yet.',
  },
};

export type EditingMessages = typeof messages;
