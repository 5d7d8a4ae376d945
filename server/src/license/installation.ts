// The installation licence routes: GET /license (its state worked out from its dates), PUT
// /license/key (a signed key, verified), GET /license/log (the licence's events as a file).

import type { KeyObject } from 'node:crypto';
import { GRACE_PERIOD_DAYS, instant, type InstallationLicense } from '../../../src/core/index.js';
import type { Sql } from '../db/database.js';
import { HttpProblem, problemTypes } from '../http/problem.js';
import { readInstallationLicense } from '../store/snapshot.js';
import { checkLicenseKey } from './keys.js';

const DAY_MS = 24 * 60 * 60 * 1000;

const notSupported = () => new HttpProblem(501, { detail: 'This installation has no licence information.' });

/**
 * The licence with its state at `now`, from its dates: past its expiry it is in the grace period
 * for GRACE_PERIOD_DAYS (late payment), then deactivated; a grace period stored for a hardware
 * change ends at its graceEndsAt.
 */
export function licenceAt(stored: InstallationLicense, now: Date): InstallationLicense {
  const time = now.getTime();
  const status = stored.status;
  if (status.state === 'grace' && status.reason === 'hardware-change') {
    const ends = instant(status.graceEndsAt);
    return ends !== undefined && ends <= time
      ? { ...stored, status: { state: 'deactivated', reason: 'hardware-change' } }
      : stored;
  }
  const expires = instant(stored.expiresAt);
  if (expires === undefined || expires > time) return { ...stored, status: { state: 'active' } };
  const graceEnds = expires + GRACE_PERIOD_DAYS * DAY_MS;
  if (time < graceEnds) {
    return {
      ...stored,
      status: { state: 'grace', reason: 'late-payment', graceEndsAt: new Date(graceEnds).toISOString() },
    };
  }
  return { ...stored, status: { state: 'deactivated', reason: 'late-payment' } };
}

async function logEvent(sql: Sql, accountId: string, at: Date, kind: string, message: string): Promise<void> {
  await sql.query('INSERT INTO license_events (account_id, at, kind, message) VALUES ($1, $2, $3, $4)', [
    accountId,
    at.toISOString(),
    kind,
    message,
  ]);
}

/**
 * The licence at `now`. The first time it is seen in a grace period or deactivated, that goes into
 * the log (once per period: the event's kind names the date it ends or began).
 */
export async function getLicense(sql: Sql, accountId: string, now: Date): Promise<InstallationLicense> {
  const stored = await readInstallationLicense(sql, accountId);
  if (!stored) throw notSupported();
  const licence = licenceAt(stored, now);
  const { state, reason, graceEndsAt } = licence.status;
  if (state !== 'active') {
    const kind = state === 'grace' ? `grace ${graceEndsAt ?? ''}` : `deactivated ${licence.expiresAt}`;
    const seen = await sql.query('SELECT 1 FROM license_events WHERE account_id = $1 AND kind = $2', [
      accountId,
      kind,
    ]);
    if (!seen.length) {
      const why = reason === 'hardware-change' ? 'hardware change' : 'late payment';
      const message =
        state === 'grace'
          ? `grace period (${why}): the installation runs until ${graceEndsAt ?? 'the end of the grace period'}`
          : `deactivated (${why}): the grace period has ended`;
      await logEvent(sql, accountId, now, kind, message);
    }
  }
  return licence;
}

/**
 * Verifies and applies a key; a refusal is logged and answered 422 with its stable `reason` code
 * and its words as `detail`.
 */
export async function applyKey(
  db: { transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> } & Sql,
  accountId: string,
  key: string,
  publicKey: KeyObject | undefined,
  now: Date,
): Promise<InstallationLicense> {
  const stored = await readInstallationLicense(db, accountId);
  if (!stored) throw notSupported();
  const check = checkLicenseKey(key, stored.token, publicKey, now);
  if (!check.ok) {
    await logEvent(db, accountId, now, 'refused', `key refused: ${check.detail}`);
    throw new HttpProblem(422, {
      type: problemTypes.validation,
      detail: check.detail,
      extensions: { issues: [], ...(check.reason ? { reason: check.reason } : {}) },
    });
  }
  const { payload } = check;
  const applied: InstallationLicense = {
    ...stored,
    expiresAt: payload.expiresAt,
    ...(payload.plan ? { plan: payload.plan } : {}),
    ...(payload.staff ? { staff: payload.staff } : {}),
    ...(payload.sessions ? { sessions: payload.sessions } : {}),
    status: { state: 'active' },
  };
  await db.transaction(async (tx) => {
    await tx.query('UPDATE installation_licenses SET licence = $2::text::jsonb WHERE account_id = $1', [
      accountId,
      JSON.stringify(applied),
    ]);
    await logEvent(
      tx,
      accountId,
      now,
      'applied',
      `key applied: plan ${applied.plan}, expires ${applied.expiresAt}, token ${applied.token}`,
    );
  });
  return licenceAt(applied, now);
}

/** The log file: a header with the licence as it stands, then every event, oldest first. */
export async function licenseLog(
  sql: Sql,
  accountId: string,
  now: Date,
): Promise<{ filename: string; text: string }> {
  const licence = await getLicense(sql, accountId, now);
  const events = await sql.query<{ at: Date | string; kind: string; message: string }>(
    'SELECT at, kind, message FROM license_events WHERE account_id = $1 ORDER BY id',
    [accountId],
  );
  const iso = (at: Date | string) => (at instanceof Date ? at : new Date(at)).toISOString();
  const status = licence.status;
  const lines = [
    `# licence log of installation ${licence.token}, written ${now.toISOString()}`,
    `${now.toISOString()} status: ${status.state}${status.reason ? ` (${status.reason})` : ''}${
      status.graceEndsAt ? `, grace period ends ${status.graceEndsAt}` : ''
    }`,
    `${now.toISOString()} plan ${licence.plan}, expires ${licence.expiresAt}`,
    ...events.map((event) => `${iso(event.at)} ${event.message}`),
  ];
  return { filename: `license-${now.toISOString().slice(0, 10)}.log`, text: `${lines.join('\n')}\n` };
}
