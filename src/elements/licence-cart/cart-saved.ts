// What the cart says once it saved a change request an admin reviewed in it (R1): what became of
// the request, as the store's request list says once it is loaded again after the save — approved
// only when it is approved there; pending still when the admin edited it first (asked 10 → 14,
// saved 12: core `requestCarried`) or nothing approved it (an approval that failed, a save rebased
// onto another admin's equal change, an adapter that cannot approve requests at all); not known
// when the list could not be loaded and something could have approved it. And a save refused
// because the request was decided meanwhile or is gone. Loaded while a request is reviewed, apart
// from what every cart ships; its words are request mode's (`cart-request`).
import { requestCarried, type ChangeRequest, type LicensingSnapshot } from '../../core/index.js';
import type { LicensingStore } from '../../state/licensing-store.js';
import type { LicensingError } from '../../adapters/errors.js';
import type { LocaleController } from '../../i18n/locale.js';
import { messages } from './cart-request.messages.js';

/**
 * The words for a save of `request` that made `after`, in the cart's language, once the store says
 * what became of the request (its list loaded again, or its approval done).
 */
export async function requestSavedText(
  locale: Pick<LocaleController, 'section'>,
  store: Pick<LicensingStore, 'adapter' | 'state' | 'requests'>,
  request: ChangeRequest,
  after: LicensingSnapshot,
): Promise<string> {
  const known = await store.requests.settled().then(
    () => true,
    () => false,
  );
  const { list } = store.state.requests;
  const now = known && list.status !== 'error' ? list.requests.find((r) => r.id === request.id) : undefined;
  const m = locale.section('cart-request', messages);
  const who = request.requestedBy;
  if (now?.status === 'approved') return m.requestApproved(who);
  // An adapter that neither approves with the commit nor decides requests left it as it was: pending,
  // whether or not a list says so (none may ever have been loaded).
  const { commitsRequests, decideRequest } = store.adapter;
  const pending = now ? now.status === 'pending' : !commitsRequests && !decideRequest;
  if (!pending) return m.requestUnknown(who);
  return requestCarried(after, request) ? m.requestNotApproved(who) : m.requestPending(who);
}

/** A save refused because the change request it carried was decided meanwhile or is gone, in words. */
export function requestErrorText(
  locale: Pick<LocaleController, 'section'>,
  { reason }: LicensingError,
): string | undefined {
  const m = locale.section('cart-request', messages);
  return reason === 'request-decided'
    ? m.requestDecided
    : reason === 'request-not-found'
      ? m.requestGone
      : undefined;
}
