// R9 for a change request (R1): what changed underneath it since it was sent. Apart from
// requests.ts because it needs applyDraft, which the store must not import statically (a widget
// that only shows data ships no rule book).
import { applyDraft } from './apply.js';
import { changedUnderneath, type UnderneathChange } from './draft.js';
import type { ChangeRequest } from './requests.js';
import type { LicensingSnapshot } from './types.js';

/**
 * R9 for a request: what changed underneath it since it was sent — the values it touches that
 * differ now from its `before` — exactly as a conflicting cart lists them (`changedUnderneath`).
 * Empty when nothing moved.
 */
export function requestUnderneath(snapshot: LicensingSnapshot, request: ChangeRequest): UnderneathChange[] {
  let base: LicensingSnapshot;
  try {
    base = applyDraft(snapshot, request.before);
  } catch {
    return [];
  }
  return changedUnderneath({ ...base, permission: snapshot.permission }, snapshot, request.changes);
}
