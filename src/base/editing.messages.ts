import type { EditRefusal } from '../state/state.js';

/** What an editing widget says when the store refuses an edit (section `editing`), in English. */
export const messages: { refused: Record<EditRefusal, string> } = {
  refused: {
    saving: 'Not changed: the cart is being saved. Change it again once the save has ended.',
    permission: 'Not changed: you may no longer change licences.',
    invalid: 'Not changed: this value is not allowed.',
    'not-loaded': 'Not changed: the licences are not loaded yet.',
  },
};

export type EditingMessages = typeof messages;
