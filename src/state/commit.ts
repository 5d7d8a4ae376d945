// A new version under the draft, apart from the state machine (licensing-store.ts): the store's
// save (R9), one long story, and a snapshot this page did not save (`take`). The save: refuse a draft with errors (loading the rule book to judge it if no widget gave it), send
// it with the snapshot's version and the cart's idempotency key, and then say what happened: saved
// (and fresh), failed (the draft and the key kept), or a conflict (reloaded, the draft rebased
// onto the latest version, what others changed listed). Another admin's snapshot that arrived
// during the save is held by the store and taken, or the backend asked, once the save ends.
// Both leave the data fresh, and both make a new cart key when the version moves.
import type { LicensingAdapter } from '../adapters/adapter.js';
import { ConflictError, toLicensingError, type LicensingError } from '../adapters/errors.js';
import type { LicensingSnapshot, RuleBook } from '../core/index.js';
import * as guard from './guards.js';
import type { Loads } from './refresh.js';
import { rebaseOnto } from './reconcile.js';
import type { CommitResult, LicensingState } from './state.js';

/** Conflicts and the kept cart (carry-over.ts), loaded when first needed. */
export const carryOver = () => import('./carry-over.js');
/** What a snapshot that just arrived leaves: the data shown, fresh, from now. */
const fresh = (snapshot: LicensingSnapshot) =>
  ({ status: 'ready', snapshot, error: undefined, loadedAt: Date.now() }) as const;
export const elsewhere = () => new ConflictError('The licences were changed elsewhere.');

/** What the store and its save share, and change on both sides. */
export interface CartMemo {
  /** Kept while the same cart is retried; a new one when the cart changes or was saved. */
  cartKey?: string | undefined;
  /** Another admin's snapshot that arrived while a save was running, taken once it ends. */
  heldExternal?: LicensingSnapshot | undefined;
  /** The snapshot shown before the first change `changedElsewhere` lists; none once forgotten. */
  elsewhereBase?: LicensingSnapshot | undefined;
  /**
   * The last assignment asked for (R12, `LicensingStore.assign` / `unassign`, one at a time), settled
   * once its answer is taken; never rejects. A save waits for it (`runCommit`).
   */
  assigning?: Promise<unknown> | undefined;
}

/** What the store lends its save. */
export interface CommitHost {
  readonly adapter: LicensingAdapter;
  readonly loads: Loads;
  readonly memo: CartMemo;
  state(): LicensingState;
  rules(): RuleBook | undefined;
  useRules(rules: RuleBook): void;
  set(patch: Partial<LicensingState>): void;
  /** `patch` with what the rule book derives from it (derive.ts). */
  derive(patch: Partial<LicensingState>): Partial<LicensingState>;
  /** A forced load (`load({ force: true })`). */
  reload(): Promise<LicensingSnapshot | undefined>;
  receiveExternal(latest: LicensingSnapshot): void;
}

/** A save that failed: the cart says why, and keeps the draft. */
function failed(host: CommitHost, error: LicensingError): CommitResult {
  host.set({ commit: { status: 'failed', error } });
  return { ok: false, reason: 'failed', error };
}

/** Another admin's snapshot held during the save, handed over once (none left held). */
function takeHeld({ memo }: CommitHost): LicensingSnapshot | undefined {
  const held = memo.heldExternal;
  memo.heldExternal = undefined;
  return held;
}

/** One save of the draft (`LicensingStore.commit`, which runs one at a time). */
export async function runCommit(host: CommitHost): Promise<CommitResult> {
  const { memo } = host;
  // R12: each assignment moves the version, so a save sent meanwhile would be a conflict caused by
  // the admin's own assignment: wait for those asked for (and any asked meanwhile), then judge.
  let seen: Promise<unknown> | undefined;
  while (seen !== memo.assigning) await (seen = memo.assigning);
  let reason = guard.commitRefusal(host.state(), host.rules());
  if (reason) return { ok: false, reason };
  // R9: errors block the commit, even on a page whose widgets gave the store no rules (a host
  // calling commit() next to a usage overview only): judge with the rule book, loaded now if need
  // be, and keep it. With rules given (the cart always gives them) nothing is awaited here.
  if (!host.rules()) {
    try {
      host.useRules(await guard.loadRules());
    } catch (thrown) {
      return failed(host, toLicensingError(thrown));
    }
    // An assignment asked for during the load: from the start, on the base it leaves.
    if (seen !== memo.assigning) return runCommit(host);
    // Judged again after the wait: an edit made meanwhile is part of what is judged and sent.
    reason = guard.commitRefusal(host.state(), host.rules());
    if (reason) return { ok: false, reason };
  }
  const { draft } = host.state();
  const snapshot = host.state().snapshot!; // refusal() found it loaded
  const idempotencyKey = (memo.cartKey ??= guard.newKey());
  memo.heldExternal = undefined;
  host.set({ commit: { status: 'saving' } });
  try {
    const next = await host.adapter.commit(draft, { expectedVersion: snapshot.version, idempotencyKey });
    memo.cartKey = undefined;
    // A load started before the commit would bring the older state back: drop it.
    host.loads.drop();
    // Saved after reviewing the cart: what others changed before is seen, and the data fresh.
    memo.elsewhereBase = undefined;
    const saved = { status: 'saved', snapshot: next } as const;
    host.set(host.derive({ ...fresh(next), draft: {}, commit: saved, changedElsewhere: undefined }));
    // Another admin's change came during the save: which of the two is newer only the backend
    // knows, so ask it (the newer wins), and the next save is made on the latest version.
    const held = takeHeld(host);
    if (held && held.version !== next.version) await host.reload();
    return { ok: true, snapshot: next };
  } catch (thrown) {
    const error = toLicensingError(thrown);
    const held = takeHeld(host);
    if (error.kind !== 'conflict') {
      // Keep the draft and the key: a retry of the same cart must not apply it twice (a 401:
      // the host signs in again). Refused (403): the permission changed, so learn it now.
      const refused = error.kind === 'permission' && error.status !== 401;
      if (refused) await host.reload();
      const result = failed(host, error);
      // Taken once the cart no longer says "saving" (while it does, it would only be held again).
      if (!refused && held) host.receiveExternal(held);
      return result;
    }
    // R9: reload, re-apply the draft, re-validate, show what others changed underneath.
    memo.cartKey = undefined;
    const latest = await host.reload();
    if (!latest) return failed(host, host.state().error ?? error);
    const { conflictOnto } = await carryOver();
    const rebased = conflictOnto({ ...host.state(), draft }, snapshot, latest, error, elsewhere);
    host.set(host.derive(rebased));
    if (rebased.commit.status === 'saved') return { ok: true, snapshot: latest };
    return { ok: false, reason: 'conflict', error };
  }
}

/**
 * A snapshot this page did not save (a load, the adapter's push): taken with the draft kept and
 * re-checked (reconcile.ts; a new cart key: one key never travels with two versions), the data
 * fresh again. Over another version than the one shown, once the conflict code is here
 * (carry-over.ts): what others changed is noted (`changedElsewhere`, the same however it came),
 * and the cart is in conflict when it touches the draft (not if anything changed since).
 */
export async function take(host: CommitHost, latest: LicensingSnapshot): Promise<void> {
  const { memo } = host;
  const { snapshot, draft } = host.state();
  if (snapshot && snapshot.version !== latest.version) memo.cartKey = undefined;
  host.set(host.derive({ ...fresh(latest), ...rebaseOnto(host.state(), latest) }));
  if (!snapshot || snapshot.version === latest.version) return;
  const base = (memo.elsewhereBase ??= snapshot);
  const taken = host.state();
  const { elsewhereOnto } = await carryOver();
  // Not once saved or forgotten meanwhile.
  if (memo.elsewhereBase === base)
    host.set(host.derive(elsewhereOnto(host.state(), taken, draft, base, snapshot, elsewhere)));
}
