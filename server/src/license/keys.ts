// Manual licence keys, signed by the licensing team with Ed25519 (node:crypto):
//   LK1.<base64url of the payload JSON>.<base64url of the signature of the part before the dot>
// The payload names the installation token the key is for, and when the key itself expires.

import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import type { InstallationLicense, LicenseKeyRefusal } from '../../../src/core/index.js';

const PREFIX = 'LK1';

/** What a key carries: the installation it is for and the licence fields it sets. */
export interface LicenseKeyPayload {
  /** The installation token the key is made for. */
  readonly token: string;
  /** Until when the licence runs (ISO 8601); a key past it is refused. */
  readonly expiresAt: string;
  readonly plan?: InstallationLicense['plan'];
  readonly staff?: InstallationLicense['staff'];
  readonly sessions?: InstallationLicense['sessions'];
  readonly issuedAt?: string;
}

/** A new Ed25519 key pair as PEM text. */
export function generateLicenseKeyPair(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

export const readPrivateKey = (pem: string): KeyObject => createPrivateKey(pem);
export const readPublicKey = (pem: string): KeyObject => createPublicKey(pem);

/** Signs `payload` with the licensing team's private key. */
export function signLicenseKey(payload: LicenseKeyPayload, privateKey: KeyObject): string {
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  const signed = `${PREFIX}.${body}`;
  return `${signed}.${sign(null, Buffer.from(signed), privateKey).toString('base64url')}`;
}

/**
 * A refusal has the contract's stable `reason` (docs/openapi.yaml, the 422 of `/license/key`) and
 * `detail`, the words shown when a client has none for the code. A server without the public key
 * cannot check any key: that refusal has no code, as no client could do better than its words.
 */
export type KeyCheck =
  { ok: true; payload: LicenseKeyPayload } | { ok: false; reason?: LicenseKeyRefusal; detail: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Verifies a pasted key for the installation `token` at `now`. The reasons are shown to the user
 * next to the field, so they say what to do.
 */
export function checkLicenseKey(
  key: string,
  token: string,
  publicKey: KeyObject | undefined,
  now: Date,
): KeyCheck {
  const text = key.replace(/\s+/g, '');
  if (!text) return { ok: false, reason: 'malformed', detail: 'The licence key is empty.' };
  const parts = text.split('.');
  if (parts[0] !== PREFIX || parts.length < 2 || parts.length > 3) {
    return {
      ok: false,
      reason: 'malformed',
      detail: `This is not a licence key: a licence key starts with "${PREFIX}.".`,
    };
  }
  if (parts.length === 2 || parts[2] === '') {
    return {
      ok: false,
      reason: 'unsigned',
      detail: 'This licence key is not signed. Use the key exactly as the licensing team sent it.',
    };
  }
  // What is not a key at all is told as such first; only a key's signature needs the public key.
  if (!publicKey) {
    return {
      ok: false,
      detail: 'This server cannot check licence keys: it was started without --license-public-key.',
    };
  }
  const signed = `${parts[0]}.${parts[1]}`;
  let valid: boolean;
  try {
    valid = verify(null, Buffer.from(signed), publicKey, Buffer.from(parts[2]!, 'base64url'));
  } catch {
    valid = false;
  }
  if (!valid) {
    return {
      ok: false,
      reason: 'bad-signature',
      detail:
        'This licence key was changed after it was signed. Copy it again from the licensing team’s message.',
    };
  }
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
  } catch {
    payload = undefined;
  }
  if (!isRecord(payload) || typeof payload.token !== 'string' || typeof payload.expiresAt !== 'string') {
    return {
      ok: false,
      reason: 'malformed',
      detail: 'This licence key holds no licence. Ask the licensing team for a new one.',
    };
  }
  if (payload.token !== token) {
    return {
      ok: false,
      reason: 'wrong-token',
      detail: `This licence key is for another installation (${payload.token}), not this one (${token}).`,
    };
  }
  const expires = Date.parse(payload.expiresAt);
  if (Number.isNaN(expires) || expires <= now.getTime()) {
    return {
      ok: false,
      reason: 'expired',
      detail: `This licence key expired on ${payload.expiresAt.slice(0, 10)}. Ask the licensing team for a new one.`,
    };
  }
  if (payload.plan !== undefined && payload.plan !== 'monthly' && payload.plan !== 'annual') {
    return {
      ok: false,
      reason: 'malformed',
      detail: 'This licence key names an unknown plan. Ask the licensing team for a new one.',
    };
  }
  return { ok: true, payload: payload as unknown as LicenseKeyPayload };
}
