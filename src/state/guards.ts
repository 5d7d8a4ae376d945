// The store's guards: what it refuses before anything reaches the draft or the adapter (R1, R2,
// R6), and the small helpers of the store (what a save refuses is in save.ts, loaded with it).
// Apart from the store so it reads as the state machine.
import {
  MAX_QUANTITY,
  canEdit,
  canView,
  isValidRetention,
  isWhole,
  type ChangeSet,
  type LicensingSnapshot,
} from '../core/index.js';
import { PermissionError } from '../adapters/errors.js';
import type { LicensingAdapter } from '../adapters/adapter.js';
import type { InstallationCapabilities } from './installation.js';
import type { CommitState, EditRefusal } from './state.js';

/** What `adapter` offers beyond the required methods. */
export function capabilitiesOf(adapter: LicensingAdapter): InstallationCapabilities {
  const has = (method: keyof LicensingAdapter) => typeof adapter[method] === 'function';
  return {
    installationLicense: has('getInstallationLicense'),
    applyLicenseKey: has('applyLicenseKey'),
    downloadLicenseLog: has('downloadLicenseLog'),
  };
}

/** A random idempotency key; `crypto.randomUUID` exists only in secure contexts. */
export function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function validNumber(n: number | null | undefined): boolean {
  return n === undefined || n === null || isWhole(n, MAX_QUANTITY);
}

/** Why `changes` cannot go into the draft now; undefined: they can. `drafting`: a request's draft (R1). */
export function editRefusal(
  snapshot: LicensingSnapshot | undefined,
  commit: CommitState,
  changes: ChangeSet,
  drafting = false,
): EditRefusal | undefined {
  if (!snapshot) return 'not-loaded';
  if (!canEdit(snapshot.permission) && !drafting) return 'permission';
  if (commit.status === 'saving') return 'saving';
  const numbers = [
    ...Object.values(changes.counts ?? {}),
    ...Object.values(changes.powerPack?.limits ?? {}),
    changes.speechToText?.limitOverBase,
  ];
  // R2: text that is not a whole number never reaches the draft (elements parse with parseCount).
  if (!numbers.every(validNumber)) return 'invalid';
  // R6: only 14 days or whole 3-month steps up to the account's maximum.
  if (changes.retention && !isValidRetention(changes.retention, snapshot.recording?.maxMonths)) {
    return 'invalid';
  }
  return undefined;
}

/** R1 for the installation licence: applying a key needs `update`. Throws a PermissionError otherwise. */
export function requireUpdate(snapshot: LicensingSnapshot | undefined): void {
  if (!snapshot || !canEdit(snapshot.permission)) {
    throw new PermissionError('You do not have permission to update the licence.');
  }
}

/** R1 for the usage overview and its export: listing agents needs at least `view`. */
export function requireView(snapshot: LicensingSnapshot | undefined): void {
  if (snapshot && !canView(snapshot.permission)) {
    throw new PermissionError('You do not have permission to see licence usage.');
  }
}

/** R12: whether `adapter` offers `assign` and `unassign` and the user has `update`. */
export function canAssign(adapter: LicensingAdapter, snapshot: LicensingSnapshot | undefined): boolean {
  const offered = typeof adapter.assign === 'function' && typeof adapter.unassign === 'function';
  return offered && canEdit(snapshot?.permission ?? 'none');
}
