// Two small outcomes the store's save (save.ts, loaded on first use) shares with what stays up front
// (commit.ts): the state a snapshot that just arrived leaves, and a save that failed.
import type { LicensingError } from '../adapters/errors.js';
import type { LicensingSnapshot } from '../core/index.js';
import type { CommitHost } from './commit.js';
import type { CommitResult } from './state.js';

/** What a snapshot that just arrived leaves: the data shown, fresh, from now. */
export const fresh = (snapshot: LicensingSnapshot) =>
  ({ status: 'ready', snapshot, error: undefined, loadedAt: Date.now() }) as const;

/** A save that failed (or whose code did not load): the cart says why, and keeps the draft. */
export function failed(host: CommitHost, error: LicensingError): CommitResult {
  host.set({ commit: { status: 'failed', error } });
  return { ok: false, reason: 'failed', error };
}
