// R10's clock rules for the installation licence (docs/rules.md), as pure functions of the data and
// a moment: days left of the 7-day grace period, the expiry warning in the last 30 days, and the
// licence's standing (status and expiry read together).
import type { InstallationLicense } from './types.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** R10 (docs/rules.md): "XCALLY platform will automatically be deactivated for 7 days (grace period)". */
export const GRACE_PERIOD_DAYS = 7;

/** Days before the expiry date from which the licence is shown as expiring soon. */
export const EXPIRY_WARNING_DAYS = 30;

/** Milliseconds since the epoch of an ISO 8601 date, or undefined when it is not one. */
export function instant(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : time;
}

/** Where the licence stands against its expiry date at `now`. */
export type ExpiryStatus =
  /** `daysLeft` counts a part of a day as a day, so it is 1 on the last day. */
  | { readonly state: 'active' | 'expiring'; readonly daysLeft: number }
  /** `daysAgo` counts whole days since it expired: 0 on the day it expired. */
  | { readonly state: 'expired'; readonly daysAgo: number }
  /** The expiry date could not be read. */
  | { readonly state: 'unknown' };

/** R10: days left, a warning in the last `EXPIRY_WARNING_DAYS`, expired from the expiry instant on. */
export function expiryStatus(expiresAt: string, now: number): ExpiryStatus {
  const end = instant(expiresAt);
  if (end === undefined) return { state: 'unknown' };
  if (end <= now) return { state: 'expired', daysAgo: Math.floor((now - end) / DAY_MS) };
  const daysLeft = Math.ceil((end - now) / DAY_MS);
  return { state: daysLeft <= EXPIRY_WARNING_DAYS ? 'expiring' : 'active', daysLeft };
}

/**
 * R10: days left of the grace period at `now` — 1 on its last day, 0 once it has ended, never more
 * than the 7 the period lasts; undefined when the end is not known.
 */
export function graceDaysLeft(graceEndsAt: string | undefined, now: number): number | undefined {
  const end = instant(graceEndsAt);
  if (end === undefined) return undefined;
  if (end <= now) return 0;
  return Math.min(GRACE_PERIOD_DAYS, Math.ceil((end - now) / DAY_MS));
}

/**
 * Why `PUT /license/key` refused a pasted key: the stable `reason` of its 422 (docs/openapi.yaml).
 * `malformed`: not a licence key (wrong prefix, damaged, no licence in it, an unknown plan);
 * `unsigned` / `bad-signature`: no signature, or one that does not match; `expired`: the key's
 * licence has ended; `wrong-token`: the key is for another installation. A server may send codes
 * newer than these; the widget then shows its `detail`.
 */
export type LicenseKeyRefusal = 'malformed' | 'unsigned' | 'bad-signature' | 'expired' | 'wrong-token';

/**
 * Where an installation licence stands at `now`, its status and its expiry date read together, so
 * no part of a page calls an expired licence active or counts days of a deactivated one (R10).
 * `deactivated` and `grace` come from the status; an active one is `expired` from its expiry
 * instant on and `expiring` in the last EXPIRY_WARNING_DAYS. `inForce`: whether what it includes
 * works now — not once expired, deactivated, or past the end of its grace period.
 */
export interface LicenceStanding {
  readonly state: 'active' | 'expiring' | 'expired' | 'grace' | 'deactivated';
  readonly inForce: boolean;
  readonly expiry: ExpiryStatus;
}

/** R10: the licence's standing at `now` (see `LicenceStanding`). */
export function licenceStanding(
  licence: { readonly expiresAt: string; readonly status: InstallationLicense['status'] },
  now: number,
): LicenceStanding {
  const expiry = expiryStatus(licence.expiresAt, now);
  const { state, graceEndsAt } = licence.status;
  if (state === 'grace') return { state, inForce: graceDaysLeft(graceEndsAt, now) !== 0, expiry };
  if (state !== 'active') return { state: 'deactivated', inForce: false, expiry };
  const expired = expiry.state === 'expired';
  return {
    state: expired ? 'expired' : expiry.state === 'expiring' ? 'expiring' : 'active',
    inForce: !expired,
    expiry,
  };
}
