// What the cart says once it saved a change request an admin reviewed in it (R1): whether this save
// approved it. Judged as the store and the backend judge it (core `requestCarried`): approved only
// when the save holds everything the request asked for; an admin who edited it first (asked
// 10 → 14, saved 12) saved their own change, and the request stays pending. And a save refused
// because the request was decided meanwhile or is gone. Loaded while a request is reviewed, apart
// from what every cart ships; its words are request mode's (`cart-request`).
import { requestCarried, type ChangeRequest, type LicensingSnapshot } from '../../core/index.js';
import type { LicensingError } from '../../adapters/errors.js';
import type { LocaleController } from '../../i18n/locale.js';
import { messages } from './cart-request.messages.js';

/** The words for a save of `request` that made `after`, in the cart's language. */
export function requestSavedText(
  locale: Pick<LocaleController, 'section'>,
  request: ChangeRequest,
  after: LicensingSnapshot,
): string {
  const m = locale.section('cart-request', messages);
  const who = request.requestedBy;
  return requestCarried(after, request) ? m.requestApproved(who) : m.requestPending(who);
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
