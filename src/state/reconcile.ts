// How the store takes a snapshot it did not ask for by saving (a reload, another tab or admin)
// without losing the draft. What a conflict lists is in conflict.ts, loaded when one happens.
import { normaliseDraft } from '../core/draft.js';
import type { LicensingSnapshot } from '../core/index.js';
import type { LicensingState } from './state.js';

/** What a newer snapshot leaves of the state: the snapshot, the rebased draft, the cart's status. */
export type Rebased = Pick<LicensingState, 'snapshot' | 'draft' | 'commit'>;

/**
 * `latest` taken with the draft kept, its no-op entries dropped. A draft that a failed or
 * conflicting save left and that `latest` already holds whole was saved after all (its answer was
 * lost): the cart ends as saved, not as failed.
 */
export function rebaseOnto({ snapshot, draft, commit }: LicensingState, latest: LicensingSnapshot): Rebased {
  const rebased = normaliseDraft(latest, draft);
  const wasPending =
    Object.keys(draft).length > 0 && (commit.status === 'failed' || commit.status === 'conflict');
  const nowSaved = wasPending && snapshot !== undefined && Object.keys(rebased).length === 0;
  return {
    snapshot: latest,
    draft: rebased,
    commit: nowSaved ? { status: 'saved', snapshot: latest } : commit,
  };
}
