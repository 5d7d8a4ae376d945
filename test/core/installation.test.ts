import { expect } from '@open-wc/testing';
import {
  EXPIRY_WARNING_DAYS,
  GRACE_PERIOD_DAYS,
  expiryStatus,
  graceDaysLeft,
  instant,
  licenceStanding,
} from '../../src/core/index.js';

const now = Date.parse('2026-11-23T10:00:00Z');
const day = 24 * 60 * 60 * 1000;

describe('R10 installation licence clock', () => {
  it('grace lasts 7 days and expiry warns in the last 30 (the installation licence page)', () => {
    expect(GRACE_PERIOD_DAYS).to.equal(7);
    expect(EXPIRY_WARNING_DAYS).to.equal(30);
  });

  it('counts grace days left: part of a day is a day, 0 once ended, never more than 7', () => {
    expect(graceDaysLeft(new Date(now + 4.5 * day).toISOString(), now)).to.equal(5);
    expect(graceDaysLeft(new Date(now + 1000).toISOString(), now)).to.equal(1);
    expect(graceDaysLeft(new Date(now - 1000).toISOString(), now)).to.equal(0);
    expect(graceDaysLeft(new Date(now + 30 * day).toISOString(), now)).to.equal(7);
    expect(graceDaysLeft(undefined, now)).to.equal(undefined);
    expect(graceDaysLeft('soon', now)).to.equal(undefined);
  });

  it('warns in the last 30 days, then says expired', () => {
    expect(expiryStatus(new Date(now + 31 * day).toISOString(), now)).to.deep.equal({
      state: 'active',
      daysLeft: 31,
    });
    expect(expiryStatus(new Date(now + 30 * day).toISOString(), now)).to.deep.equal({
      state: 'expiring',
      daysLeft: 30,
    });
    expect(expiryStatus(new Date(now + 1).toISOString(), now)).to.deep.equal({
      state: 'expiring',
      daysLeft: 1,
    });
    expect(expiryStatus(new Date(now).toISOString(), now)).to.deep.equal({ state: 'expired', daysAgo: 0 });
    expect(expiryStatus(new Date(now - 2.5 * day).toISOString(), now)).to.deep.equal({
      state: 'expired',
      daysAgo: 2,
    });
    expect(expiryStatus('not a date', now)).to.deep.equal({ state: 'unknown' });
  });

  it('reads ISO instants, and nothing else', () => {
    expect(instant('2026-11-23T10:00:00Z')).to.equal(now);
    expect(instant('')).to.equal(undefined);
    expect(instant(undefined)).to.equal(undefined);
    expect(instant('yesterday')).to.equal(undefined);
  });
});

describe('R10 licence standing: status and expiry read together', () => {
  const at = (days: number) => new Date(now + days * day).toISOString();
  const standing = (expiresIn: number, status: Parameters<typeof licenceStanding>[0]['status']) => {
    const { state, inForce } = licenceStanding({ expiresAt: at(expiresIn), status }, now);
    return { state, inForce };
  };

  it('an active status is active, expiring in the last 30 days, and expired (not in force) from the expiry on', () => {
    expect(standing(31, { state: 'active' })).to.deep.equal({ state: 'active', inForce: true });
    expect(standing(30, { state: 'active' })).to.deep.equal({ state: 'expiring', inForce: true });
    expect(standing(0, { state: 'active' })).to.deep.equal({ state: 'expired', inForce: false });
    expect(standing(-3, { state: 'active' })).to.deep.equal({ state: 'expired', inForce: false });
  });

  it('a grace period is in force until it ends, whatever the expiry date; deactivated never is', () => {
    const grace = (endsIn?: number) =>
      ({
        state: 'grace',
        reason: 'late-payment',
        ...(endsIn === undefined ? {} : { graceEndsAt: at(endsIn) }),
      }) as const;
    expect(standing(-2, grace(5))).to.deep.equal({ state: 'grace', inForce: true });
    expect(standing(200, grace())).to.deep.equal({ state: 'grace', inForce: true });
    expect(standing(200, grace(-0.1))).to.deep.equal({ state: 'grace', inForce: false });
    expect(standing(200, { state: 'deactivated' })).to.deep.equal({ state: 'deactivated', inForce: false });
  });
});
