// The store's save (R9), one long story, loaded on first use (licensing-store.ts prefetches it once
// a widget gives the store its rules, so a Save click finds it here). Refuse a draft with errors
// (loading the rule book to judge it if no widget gave it), send it with the snapshot's version and
// the cart's idempotency key, and then say what happened: saved (and fresh), failed (the draft and
// the key kept), or a conflict (reloaded, the draft rebased onto the latest version, what others
// changed listed). Another admin's snapshot that arrived during the save is held by the store and
// taken, or the backend asked, once the save ends. Both make a new cart key when the version moves.
import { toLicensingError } from '../adapters/errors.js';
import { canEdit, type LicensingSnapshot, type RuleBook } from '../core/index.js';
import { carryOver, elsewhere, type CommitHost } from './commit.js';
import { failed, fresh } from './outcome.js';
import { newKey } from './guards.js';
import type { CommitResult, LicensingState } from './state.js';

/** The rule book, loaded when a store must judge a draft and no widget gave it one. */
async function loadRules(): Promise<RuleBook> {
  return (await import('../core/rule-book.js')).ruleBook;
}

/** Why the draft cannot be committed now (`invalid` only once there are rules); undefined: it can. */
function commitRefusal(
  { snapshot, dirty, issues }: LicensingState,
  rules: RuleBook | undefined,
): Extract<CommitResult, { ok: false }>['reason'] | undefined {
  if (!snapshot) return 'not-loaded';
  if (!canEdit(snapshot.permission)) return 'permission';
  if (!dirty) return 'empty';
  if (rules && !rules.canCommit(issues)) return 'invalid';
  return undefined;
}

/** Another admin's snapshot held during the save, handed over once (none left held). */
function takeHeld({ memo }: CommitHost): LicensingSnapshot | undefined {
  const held = memo.heldExternal;
  memo.heldExternal = undefined;
  return held;
}

/** One save of the draft (`runCommit` in commit.ts, which loads this part). */
export async function save(host: CommitHost): Promise<CommitResult> {
  const { memo } = host;
  // R12: each assignment moves the version, so a save sent meanwhile would be a conflict caused by
  // the admin's own assignment: wait for those asked for (and any asked meanwhile), then judge.
  let seen: Promise<unknown> | undefined;
  while (seen !== memo.assigning) await (seen = memo.assigning);
  let reason = commitRefusal(host.state(), host.rules());
  if (reason) return { ok: false, reason };
  // R9: errors block the commit, even on a page whose widgets gave the store no rules (a host
  // calling commit() next to a usage overview only): judge with the rule book, loaded now if need
  // be, and keep it. With rules given (the cart always gives them) nothing is awaited here.
  if (!host.rules()) {
    try {
      host.useRules(await loadRules());
    } catch (thrown) {
      return failed(host, toLicensingError(thrown));
    }
    // An assignment asked for during the load: from the start, on the base it leaves.
    if (seen !== memo.assigning) return save(host);
    // Judged again after the wait: an edit made meanwhile is part of what is judged and sent.
    reason = commitRefusal(host.state(), host.rules());
    if (reason) return { ok: false, reason };
  }
  const { draft } = host.state();
  const snapshot = host.state().snapshot!; // refusal() found it loaded
  const idempotencyKey = (memo.cartKey ??= newKey());
  memo.heldExternal = undefined;
  host.set({ commit: { status: 'saving' } });
  try {
    // A reviewed change request is approved in the commit itself (both or neither), where the
    // adapter can (`commitsRequests`); otherwise requests-part.ts approves it after the save.
    const requestId = host.adapter.commitsRequests ? host.state().requests.reviewing?.id : undefined;
    const next = await host.adapter.commit(draft, {
      expectedVersion: snapshot.version,
      idempotencyKey,
      requestId,
    });
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
    // A conflict with a reason (a request decided meanwhile) is not a stale version: nothing to
    // rebase, the draft is kept.
    if (error.kind !== 'conflict' || error.reason) {
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
    try {
      // The conflict's code before the reload: without it the version shown stays, so the next save
      // meets the conflict again instead of sending the draft over changes nobody listed.
      const { conflictOnto } = await carryOver();
      const latest = await host.reload();
      if (!latest) return failed(host, host.state().error ?? error);
      const rebased = conflictOnto({ ...host.state(), draft }, snapshot, latest, error, elsewhere);
      host.set(host.derive(rebased));
      if (rebased.commit.status === 'saved') return { ok: true, snapshot: latest };
      return { ok: false, reason: 'conflict', error };
    } catch (thrown) {
      // A part that does not load (a deploy replaced it): a network error, the draft kept.
      return failed(host, toLicensingError(thrown));
    }
  }
}
