// A draft carried over onto a newer snapshot than the one it was made on: after a save refused for
// its version, under another admin's change, and after a page reload (the cart kept in
// `sessionStorage`, per account: the draft, the snapshot it was made on and its idempotency key).
// What a conflict lists never mistakes the user's own applied change for someone else's. Loaded on
// first use: a page that never meets a conflict and keeps no cart does not ship it.
import { cardOf, changedByOthers } from '../core/conflict-notice.js';
import type { ChangeSet, LicensingSnapshot, UnderneathChange } from '../core/index.js';
import type { LicensingError } from '../adapters/errors.js';
import type { CommitHost } from './commit.js';
import { rebaseOnto, type Rebased } from './reconcile.js';
import type { ChangedElsewhere, CommitState, LicensingState } from './state.js';

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
  elsewhere: () => LicensingError,
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
    error: error ?? elsewhere(),
    changes,
  };
  return { ...rebased, commit };
}

/**
 * What others changed between `base` (the snapshot shown before their first change) and `latest`,
 * every value and by card (`changedElsewhere`); undefined when nothing is left changed. `draft`: the
 * values that are the user's own (a save whose answer was lost), never listed as another's.
 */
export function changedElsewhere(
  base: LicensingSnapshot,
  latest: LicensingSnapshot,
  draft: ChangeSet,
): ChangedElsewhere | undefined {
  const changes = changedByOthers(base, latest, draft, true);
  const byType: Record<string, UnderneathChange[]> = {};
  for (const change of changes) {
    const card = cardOf(change, latest);
    if (card) (byType[card] ??= []).push(change);
  }
  return changes.length ? { changes, byType } : undefined;
}

/**
 * What taking `latest` over `shown` (with `draft`, the draft before) leaves once this code is here:
 * the cart in conflict when what others changed touches the draft (unless `now`, the state, moved
 * on from `taken` meanwhile), and `changedElsewhere` counted from `base`.
 */
export function elsewhereOnto(
  now: LicensingState,
  taken: LicensingState,
  draft: ChangeSet,
  base: LicensingSnapshot,
  shown: LicensingSnapshot,
  elsewhere: () => LicensingError,
): Partial<LicensingState> {
  const latest = now.snapshot!;
  const conflict =
    now === taken ? conflictOnto({ ...taken, draft }, shown, latest, undefined, elsewhere) : {};
  return { ...conflict, changedElsewhere: changedElsewhere(base, latest, draft) };
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

/** What is kept of a cart. */
export interface KeptCart {
  readonly draft: ChangeSet;
  /** The snapshot the draft was made on. */
  readonly base: LicensingSnapshot;
  /** The idempotency key of its last save attempt, if one was made. */
  readonly key?: string | undefined;
}

/** Where a cart is kept: `sessionStorage` by default. */
export type CartStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The cart kept under `key`, or undefined when there is none or it is not one (then it is dropped). */
export function readCart(storage: CartStorage, key: string): KeptCart | undefined {
  let kept: unknown;
  try {
    const text = storage.getItem(key);
    if (text === null) return undefined;
    kept = JSON.parse(text);
  } catch {
    kept = undefined;
  }
  const base = isObject(kept) ? kept.base : undefined;
  if (
    isObject(kept) &&
    isObject(kept.draft) &&
    isObject(base) &&
    typeof base.version === 'string' &&
    Array.isArray(base.lines) &&
    Array.isArray(base.catalog) &&
    (kept.key === undefined || typeof kept.key === 'string')
  ) {
    return kept as unknown as KeptCart;
  }
  forgetCart(storage, key);
  return undefined;
}

/** Keeps `cart` under `key`; an empty draft removes it. A storage that refuses is left alone. */
export function writeCart(storage: CartStorage, key: string, cart: KeptCart): void {
  try {
    if (Object.keys(cart.draft).length === 0) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(cart));
  } catch {
    // Full or forbidden (private mode): the cart lives as long as the page, as without storage.
  }
}

function forgetCart(storage: CartStorage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Nothing to forget.
  }
}

/** What keeping a cart takes of the store: its state and memo, and the way to change them. */
export type CartHost = Pick<CommitHost, 'state' | 'memo' | 'set' | 'derive'>;

/** One store's kept cart: read once on the first load, written on every change after that. */
export class CartKeeper {
  private restored = false;
  /** Where in the storage: the account's name, apart from other libraries' and accounts' carts. */
  readonly key: string;

  /** `account` names the account (`LicensingStore.keepCart`'s key): two accounts keep two carts. */
  constructor(
    readonly storage: CartStorage,
    account: string,
    private readonly host: CartHost,
    private readonly elsewhere: () => LicensingError,
  ) {
    this.key = `licence-kit:cart:${account}`;
  }

  /**
   * The kept cart over the host's snapshot, once it is loaded (and only when no draft was made
   * meanwhile): rebased, and in conflict when what it changes moved; its idempotency key kept when
   * the version is the same.
   */
  restore(): void {
    const { host } = this;
    const state = host.state();
    const latest = state.snapshot;
    if (this.restored || !latest) return;
    this.restored = true;
    const cart = readCart(this.storage, this.key);
    if (!cart || state.dirty) return;
    const kept = { ...state, draft: cart.draft };
    if (cart.base.version !== latest.version)
      return host.set(host.derive(conflictOnto(kept, cart.base, latest, undefined, this.elsewhere)));
    if (cart.key) host.memo.cartKey = cart.key;
    host.set(host.derive(rebaseOnto(kept, latest)));
  }

  /** Keeps the state's cart with the cart's key, once the kept one was read (before, it would erase it). */
  save(state: LicensingState, previous: LicensingState): void {
    if (!this.restored || !state.snapshot) return;
    if (state.draft === previous.draft && state.commit === previous.commit) return;
    const key = this.host.memo.cartKey;
    writeCart(this.storage, this.key, { draft: state.draft, base: state.snapshot, key });
  }
}
