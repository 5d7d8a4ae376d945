import type { InstallationLicense } from '../../core/index.js';

/**
 * The demo's licence-key format: `XCL1-` followed by base64 JSON of the licence fields the key
 * changes. A real backend has its own signed format; the memory adapter only needs one that can be
 * right or wrong in believable ways, so the manual-update flow can be shown and tested.
 */
const PREFIX = 'XCL1-';

export type LicenseKeyFields = Partial<
  Pick<InstallationLicense, 'plan' | 'expiresAt' | 'staff' | 'sessions'>
>;

/** Makes a key the memory adapter accepts. */
export function makeLicenseKey(fields: LicenseKeyFields): string {
  const json = JSON.stringify(fields);
  return PREFIX + btoa(String.fromCharCode(...new TextEncoder().encode(json)));
}

/** Reads a key, or says in plain words why it is not one. */
export function readLicenseKey(
  key: string,
): { ok: true; fields: LicenseKeyFields } | { ok: false; reason: string } {
  const text = key.replace(/\s+/g, '');
  if (!text) return { ok: false, reason: 'The licence key is empty.' };
  if (!text.startsWith(PREFIX)) return { ok: false, reason: `A licence key starts with "${PREFIX}".` };
  let value: unknown;
  try {
    const bytes = Uint8Array.from(atob(text.slice(PREFIX.length)), (c) => c.charCodeAt(0));
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return {
      ok: false,
      reason: 'The licence key is damaged: copy it again from the message of the licence team.',
    };
  }
  if (typeof value !== 'object' || value === null)
    return { ok: false, reason: 'The licence key holds no licence.' };
  const fields = value as Record<string, unknown>;
  if (fields.plan !== undefined && fields.plan !== 'monthly' && fields.plan !== 'annual') {
    return { ok: false, reason: 'The licence key names an unknown plan.' };
  }
  if (
    fields.expiresAt !== undefined &&
    (typeof fields.expiresAt !== 'string' || Number.isNaN(Date.parse(fields.expiresAt)))
  ) {
    return { ok: false, reason: 'The licence key has no valid expiry date.' };
  }
  return { ok: true, fields: fields as LicenseKeyFields };
}
