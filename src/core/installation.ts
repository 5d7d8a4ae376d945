// R10's clock rules for the installation licence (docs/rules.md), as pure functions of the data and
// a moment: days left of the 7-day grace period, and the expiry warning in the last 30 days.

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
