/** What the requests panel says (section `requests-panel`), in English. */
export const messages = {
  title: 'Change requests',
  mineTitle: 'Your requests',
  loading: 'Loading requests…',
  none: 'No change requests.',
  noneMine: 'You have sent no requests.',
  failed: 'The requests could not be loaded.',
  retry: 'Try again',
  by: (who: string, when: string) => `${who}, ${when}`,
  status: { pending: 'Waiting for approval', approved: 'Approved and saved', declined: 'Declined' } as Record<
    'pending' | 'approved' | 'declined',
    string
  >,
  decided: (who: string, when: string) => `by ${who}, ${when}`,
  reason: 'Reason',
  note: 'Note',
  /** A request's change priced now (R5). */
  quoteNow: (nextMonth: string) => `next month, if saved now: ${nextMonth}`,
  changes: 'Requested change',
  underneath: 'Changed since it was sent (the cart shows it against the current numbers):',
  applied: 'Already in effect: nothing left to save.',
  review: 'Review in cart',
  decline: 'Decline…',
  declineLabel: 'Why is it declined?',
  declineHint: 'The requester sees this reason.',
  confirmDecline: 'Decline request',
  cancel: 'Cancel',
  declined: 'The request was declined.',
  declineFailed: 'The request was not declined.',
  inCart: 'The request is in the cart: review it and save.',
  cartBusy: 'The cart has unsaved changes of yours. Save or discard them first, then review this request.',
};

export type RequestsPanelMessages = typeof messages;
