// How the store takes a snapshot it did not ask for by saving (a reload, another tab or admin, the
// answer to a conflict) without losing the draft, and without mistaking the user's own applied
// change for someone else's. Pure functions of the state; the store applies what they return.
import { changedByOthers, normaliseDraft, type LicensingSnapshot } from '../core/index.js';
import { ConflictError, type LicensingError } from '../adapters/errors.js';
import type { CommitState, LicensingState } from './state.js';

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

/**
 * After a conflict (`error`) or another admin's change, `latest` taken over `base`: the draft
 * rebased, and the cart in conflict listing what others changed (never the user's own applied
 * change). `quiet`: nothing of the draft moved, so an external change keeps the cart as it was.
 */
export function conflictOnto(
  state: LicensingState,
  base: LicensingSnapshot,
  latest: LicensingSnapshot,
  error: LicensingError | undefined,
): Rebased {
  const rebased = rebaseOnto(state, latest);
  const empty = Object.keys(rebased.draft).length === 0;
  // A save met a conflict, but the backend already holds the whole draft: it was ours.
  if (error && empty) return { ...rebased, commit: { status: 'saved', snapshot: latest } };
  if (rebased.commit.status === 'saved' || empty) return rebased;
  const changes = changedByOthers(base, latest, state.draft);
  const touched = error !== undefined || changes.some((c) => c.kind === 'permission' || inDraft(c, state));
  if (!touched) return rebased;
  const commit: CommitState = {
    status: 'conflict',
    error: error ?? new ConflictError('The licences were changed elsewhere.'),
    changes,
  };
  return { ...rebased, commit };
}

function inDraft(change: ReturnType<typeof changedByOthers>[number], { draft }: LicensingState): boolean {
  switch (change.kind) {
    case 'count':
      return draft.counts?.[change.typeId] !== undefined;
    case 'retention':
      return draft.retention !== undefined;
    case 'speech-to-text-enabled':
    case 'speech-to-text-limit':
      return draft.speechToText !== undefined;
    default:
      return draft.powerPack !== undefined;
  }
}
