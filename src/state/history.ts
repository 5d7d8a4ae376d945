// The licence history's reads, apart from the store so the store stays the state machine: an
// element never calls an adapter itself (docs/architecture.md), it asks through here.
import type { HistoryPage, HistoryQuery } from '../core/index.js';
import type { RequestOptions } from '../adapters/adapter.js';
import { isAbortError, NotSupportedError, toLicensingError } from '../adapters/errors.js';
import type { LicensingStore } from './licensing-store.js';
import { requireView } from './guards.js';

/** Whether the store's adapter offers `listHistory`. */
export const hasHistory = (store: LicensingStore): boolean => typeof store.adapter.listHistory === 'function';

/**
 * One page of the history from the store's adapter; R1: needs at least `view`, once the
 * permission is known. Rejects with a typed `LicensingError` (`NotSupportedError` without the
 * method), or with the abort.
 */
export async function listHistory(
  store: LicensingStore,
  query: HistoryQuery,
  options?: RequestOptions,
): Promise<HistoryPage> {
  try {
    requireView(store.state.snapshot ?? (await store.load()));
    if (!store.adapter.listHistory) throw new NotSupportedError('This backend keeps no licence history.');
    return await store.adapter.listHistory(query, options);
  } catch (error) {
    throw isAbortError(error) ? error : toLicensingError(error);
  }
}
