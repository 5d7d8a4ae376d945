// The store's assignments (R12), loaded on first use: `assign` / `unassign` through the adapter,
// one at a time (each on the version the previous one left), and the snapshot answered taken as the
// store's new base with the draft kept and rebased. The admin's own assignment is not another
// admin's change: it is never listed in `changedElsewhere` and never makes the next save a
// conflict; the cart's rules see the new in-use at once (derive.ts).
import type { AssignmentProblem, AssignmentSelection, LicensingSnapshot } from '../core/index.js';
import type { AssignmentResult } from '../adapters/adapter.js';
import { toLicensingError, type LicensingError } from '../adapters/errors.js';
import type { CommitHost } from './commit.js';
import { newKey } from './guards.js';
import { rebaseOnto } from './reconcile.js';

/** What the store's `assign` / `unassign` take besides the type and the selection. */
export interface StoreAssignOptions {
  /**
   * "Both" (R12): assign the type it requires too (outbound → voice), or unassign the types that
   * require it too (voice → outbound). Without it such an assignment is refused.
   */
  readonly alsoLinked?: boolean;
  readonly signal?: AbortSignal;
}

/**
 * How an assignment ended (R12). Undo: `undoAssignment(outcome)` from `licence-kit/core` lists the
 * calls (`assign` / `unassign` of the store, in order) that give each agent back what it had.
 */
export type AssignmentOutcome =
  | {
      readonly ok: true;
      readonly snapshot: LicensingSnapshot;
      readonly agents: AssignmentResult['agents'];
      /** What each agent gained and lost, the linked types too (for `undoAssignment`). */
      readonly changes: AssignmentResult['changes'];
    }
  /**
   * Refused before asking the adapter (not loaded, no `update`, no such methods, a save running),
   * or the adapter turned out not to offer them (`not-supported`: `canAssign` is false now).
   */
  | { readonly ok: false; readonly reason: 'not-loaded' | 'permission' | 'not-supported' | 'saving' }
  /** The rules refused it (R12): why, with the numbers a message needs. */
  | {
      readonly ok: false;
      readonly reason: 'refused';
      readonly problems: readonly AssignmentProblem[];
      readonly error: LicensingError;
    }
  /** Another version was current (then loaded, as another admin's change), or it failed. */
  | { readonly ok: false; readonly reason: 'conflict' | 'failed'; readonly error: LicensingError };

/** The store's assignments behind `LicensingStore.assign` / `unassign`. */
export class StoreAssignments {
  private queue: Promise<unknown> = Promise.resolve();

  /** `host`: the store as its save sees it (commit.ts). */
  constructor(private readonly host: CommitHost) {}

  /** Runs one assignment after those already asked for. */
  run(
    action: 'assign' | 'unassign',
    typeId: string,
    selection: AssignmentSelection,
    options?: StoreAssignOptions,
  ): Promise<AssignmentOutcome> {
    const next = this.queue.then(() => this.once(action, typeId, selection, options));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async once(
    action: 'assign' | 'unassign',
    typeId: string,
    selection: AssignmentSelection,
    { alsoLinked = false, signal }: StoreAssignOptions = {},
  ): Promise<AssignmentOutcome> {
    const { host } = this;
    const { snapshot, commit } = host.state();
    if (!snapshot) return { ok: false, reason: 'not-loaded' };
    if (snapshot.permission !== 'update') return { ok: false, reason: 'permission' };
    const { adapter } = host;
    if (!adapter.assign || !adapter.unassign) return { ok: false, reason: 'not-supported' };
    // A save in flight was made on this version: moving it now would make the save a conflict.
    if (commit.status === 'saving') return { ok: false, reason: 'saving' };
    try {
      const answer = await adapter[action]!(typeId, selection, {
        expectedVersion: snapshot.version,
        idempotencyKey: newKey(),
        alsoLinked,
        ...(signal ? { signal } : {}),
      });
      const now = host.state().snapshot!;
      // A push of another version came meanwhile (the adapter tells subscribers before it
      // answers): which is newer only the backend knows, so ask it (as after a save). The
      // assignment's own push, or none, leaves the answer to be taken as the new base.
      if (now.version !== snapshot.version && now.version !== answer.snapshot.version) {
        await host.reload();
      } else {
        // No load left to bring the older state back; no cart key for the old version.
        host.memo.cartKey = undefined;
        host.loads.drop();
        host.set(
          host.derive({
            ...rebaseOnto(host.state(), answer.snapshot),
            error: undefined,
            loadedAt: Date.now(),
          }),
        );
      }
      return { ok: true, snapshot: answer.snapshot, agents: answer.agents, changes: answer.changes };
    } catch (thrown) {
      const error = toLicensingError(thrown);
      // Another admin's version (taken as theirs, what they changed listed), or the permission
      // changed: learn it now.
      if (error.kind === 'conflict' || error.kind === 'permission') await host.reload();
      if (error.kind === 'conflict') return { ok: false, reason: 'conflict', error };
      // The backend has no such methods after all (a server without the route): `canAssign` is
      // false now; listeners are told so the overview turns read-only.
      if (error.kind === 'not-supported') {
        host.set({});
        return { ok: false, reason: 'not-supported' };
      }
      if ('problems' in error) {
        return {
          ok: false,
          reason: 'refused',
          problems: error.problems as readonly AssignmentProblem[],
          error,
        };
      }
      return { ok: false, reason: 'failed', error };
    }
  }
}
