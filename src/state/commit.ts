// A new version under the draft, apart from the state machine (licensing-store.ts): what the
// store and its save share, and a snapshot this page did not save (`take`): the draft kept and
// re-checked, the data fresh, what others changed listed. The save itself (R9) is save.ts, loaded
// on first use (prefetched once a widget gives the store its rules, as editing widgets do).
import type { LicensingAdapter } from '../adapters/adapter.js';
import { ConflictError, toLicensingError } from '../adapters/errors.js';
import type { LicensingSnapshot, RuleBook } from '../core/index.js';
import type { Loads } from './refresh.js';
import { failed, fresh } from './outcome.js';
import { parts, savePart } from './parts.js';
import { rebaseOnto } from './reconcile.js';
import type { CommitResult, LicensingState } from './state.js';

/** Conflicts and the kept cart (carry-over.ts, parts.ts), loaded when first needed. */
export const carryOver = () => parts.carryOver();
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

/**
 * One save of the draft (`LicensingStore.commit`, which runs one at a time): save.ts, run at once
 * when its code is here (a widget that gives rules loads it ahead), else once loaded. Code that does
 * not load ends the save as failed (a network error), and is asked for again by the next save.
 */
export function runCommit(host: CommitHost): Promise<CommitResult> {
  const fail = (error: unknown) => failed(host, toLicensingError(error));
  // Every path ends in an outcome: whatever rejects on the way (a part, a reload) ends it as failed.
  const run = (code: NonNullable<typeof savePart.code>) => code.save(host).catch(fail);
  return savePart.code ? run(savePart.code) : savePart.get().then(run, fail);
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
  // Code that did not load: the snapshot is taken all the same (the load does not fail), and what
  // others changed is listed from `base` once a later version arrives with the code here.
  const code = await carryOver().catch(() => undefined);
  if (!code) return;
  const { elsewhereOnto } = code;
  // Not once saved or forgotten meanwhile.
  if (memo.elsewhereBase === base)
    host.set(host.derive(elsewhereOnto(host.state(), taken, draft, base, snapshot, elsewhere)));
}
