import type { InstallationLicense, LicenseKeyRefusal } from '../../core/index.js';

/**
 * The demo's licence-key format: `XCL1-` followed by base64 JSON of the licence fields the key
 * changes. A real backend has its own signed format; the memory adapter only needs one that can be
 * right or wrong in believable ways, so the manual-update flow can be shown and tested.
 */
const PREFIX = 'XCL1-';

export type LicenseKeyFields = Partial<
  Pick<InstallationLicense, 'plan' | 'expiresAt' | 'staff' | 'sessions'>
> & {
  /** The installation token the key is for; without it the key fits any installation. */
  token?: string;
};

/** Makes a key the memory adapter accepts. */
export function makeLicenseKey(fields: LicenseKeyFields): string {
  const json = JSON.stringify(fields);
  return PREFIX + btoa(String.fromCharCode(...new TextEncoder().encode(json)));
}

/** A refused key: the contract's stable code and, in plain words, why. */
export interface LicenseKeyRefused {
  ok: false;
  reason: LicenseKeyRefusal;
  detail: string;
}

const refused = (reason: LicenseKeyRefusal, detail: string): LicenseKeyRefused => ({
  ok: false,
  reason,
  detail,
});

/**
 * Reads a key, or says why it is not one (`reason` as the REST contract's 422 has it). With
 * `against`, a key for another token (`wrong-token`) or past its expiry (`expired`) is refused too.
 */
export function readLicenseKey(
  key: string,
  against?: { token: string; now: number },
): { ok: true; fields: LicenseKeyFields } | LicenseKeyRefused {
  const text = key.replace(/\s+/g, '');
  if (!text) return refused('malformed', 'The licence key is empty.');
  if (!text.startsWith(PREFIX)) return refused('malformed', `A licence key starts with "${PREFIX}".`);
  let value: unknown;
  try {
    const bytes = Uint8Array.from(atob(text.slice(PREFIX.length)), (c) => c.charCodeAt(0));
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return refused(
      'malformed',
      'The licence key is damaged: copy it again from the message of the licence team.',
    );
  }
  if (typeof value !== 'object' || value === null)
    return refused('malformed', 'The licence key holds no licence.');
  const fields = value as Record<string, unknown>;
  if (fields.plan !== undefined && fields.plan !== 'monthly' && fields.plan !== 'annual') {
    return refused('malformed', 'The licence key names an unknown plan.');
  }
  const expires = typeof fields.expiresAt === 'string' ? Date.parse(fields.expiresAt) : NaN;
  if (fields.expiresAt !== undefined && Number.isNaN(expires)) {
    return refused('malformed', 'The licence key has no valid expiry date.');
  }
  if (against && fields.token !== undefined && fields.token !== against.token) {
    return refused('wrong-token', 'This licence key is for another installation.');
  }
  if (against && expires <= against.now) {
    return refused('expired', `This licence key expired on ${String(fields.expiresAt).slice(0, 10)}.`);
  }
  return { ok: true, fields: fields as LicenseKeyFields };
}
