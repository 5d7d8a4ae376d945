// The state machine (loads, edits, saves); the rule book is given (`useRules`). Refusals are in
// guards.ts, the loads in refresh.ts, rebasing in reconcile.ts, conflicts, what others changed and
// the kept cart in carry-over.ts (lazy), the installation licence in installation.ts (lazy), the
// state's shape in state.ts.
import {
  mergeDraft,
  normaliseDraft,
  type ChangeSet,
  type InstallationLicense,
  type LicensingSnapshot,
  type Retention,
  type UsagePage,
  type UsageQuery,
  type RuleBook,
} from '../core/index.js';
import type { DownloadedFile, LicensingAdapter, RequestOptions } from '../adapters/adapter.js';
import {
  ConflictError,
  isAbortError,
  NotSupportedError,
  toLicensingError,
  type LicensingError,
} from '../adapters/errors.js';
import { derivedState } from './derive.js';
import type { InstallationCapabilities, InstallationPart } from './installation.js';
import * as guard from './guards.js';
import type { CartKeeper, CartStorage } from './carry-over.js';
import { rebaseOnto, type Rebased } from './reconcile.js';
import { Loads } from './refresh.js';
import { storeRequests, type RequestsPart, type StoreRequests } from './requests.js';
import {
  initialState,
  type CommitResult,
  type EditResult,
  type LicensingState,
  type StoreListener,
} from './state.js';

export type { InstallationCapabilities, InstallationState } from './installation.js';
export type { CartStorage } from './carry-over.js';
export type {
  RequestList,
  RequestResult,
  RequestSendState,
  RequestsState,
  StoreRequests,
} from './requests.js';

/** Conflicts and the kept cart (carry-over.ts), loaded when first needed. */
const carryOver = () => import('./carry-over.js');
/** What a snapshot that just arrived leaves: the data shown, fresh, from now. */
const fresh = (snapshot: LicensingSnapshot) =>
  ({ status: 'ready', snapshot, error: undefined, loadedAt: Date.now() }) as const;
const elsewhere = () => new ConflictError('The licences were changed elsewhere.');
export type {
  ChangedElsewhere,
  CommitResult,
  CommitState,
  EditRefusal,
  EditResult,
  LicensingState,
  StoreListener,
} from './state.js';

/**
 * The one store behind every widget under a `<licence-provider>` (or behind one stand-alone
 * widget): snapshot + draft, with the quote and issues derived from them by the rule book given
 * (`useRules`, or `{ rules }`), so widgets that only show data ship none of it. Until then `issues`
 * is empty, `quote` undefined, `planned` the snapshot and `canSave` false; `commit()` loads the rules
 * itself, so a draft with errors is never sent (R9). One `load()` however many widgets ask; edits
 * are refused without `update`, while saving, and for numbers no rule accepts; `commit()` sends the
 * draft with the snapshot's version and one idempotency key per cart, once however often called,
 * keeps the draft whole on any failure, and on a conflict rebases it and says what changed.
 */
export class LicensingStore {
  readonly adapter: LicensingAdapter;
  private current: LicensingState = initialState;
  private readonly listeners = new Set<StoreListener>();
  private readonly loads: Loads;
  private committing: Promise<CommitResult> | undefined;
  private installationPart: Promise<InstallationPart> | undefined;
  /** Kept while the same cart is retried; a new one when the cart changes or was saved. */
  private cartKey: string | undefined;
  private unsubscribeAdapter: (() => void) | undefined;
  private rules: RuleBook | undefined;
  /** Another admin's snapshot that arrived while a save was running, taken once it ends. */
  private heldExternal: LicensingSnapshot | undefined;
  /** The snapshot shown before the first change `changedElsewhere` lists; none once forgotten. */
  private elsewhereBase: LicensingSnapshot | undefined;
  /** Where the pending cart is kept across reloads (`keepCart`). */
  private keeper: CartKeeper | undefined;
  private keeping: { name: string; ready: Promise<void> } | undefined;
  /** Change requests (R1, requests.ts): send the draft as a request, list, review in the cart, decline. */
  readonly requests: StoreRequests;
  private requestsPart: RequestsPart | undefined;

  /** `rules`: the rule book to derive the state with from the start (see `useRules`). */
  constructor(adapter: LicensingAdapter, { rules }: { rules?: RuleBook } = {}) {
    this.adapter = adapter;
    this.rules = rules;
    this.loads = new Loads(adapter);
    this.requests = storeRequests(
      {
        adapter,
        state: () => this.current,
        patch: (requests, rest) =>
          this.set(this.derive({ ...rest, requests: { ...this.current.requests, ...requests } })),
        discard: () => this.discard(),
        edit: (changes) => this.edit(changes),
      },
      (part) => (this.requestsPart = part),
    );
  }

  /**
   * Turns change requests on (R1): a `view` user's edits then go into a draft that the cart sends
   * as a request (`state.requests.drafting`), never as a save. Off by default. Returns the store.
   */
  allowRequests(on = true): this {
    if (this.current.requests.enabled !== on)
      this.set(this.derive({ requests: { ...this.current.requests, enabled: on } }));
    return this;
  }

  /** Whether the store has its rule book, so `issues`, `quote`, `planned` and `canSave` are real. */
  get hasRules(): boolean {
    return this.rules !== undefined;
  }

  /**
   * Gives the store the rule book (`ruleBook` from `licence-kit/core.js`) and derives `issues`,
   * `quote`, `planned` and `canSave` with it at once, so a widget that reads them sees them from its
   * first render. Giving the same rules again does nothing; other rules replace them. Returns the
   * store.
   */
  useRules(rules: RuleBook): this {
    if (rules === this.rules) return this;
    this.rules = rules;
    if (this.current.snapshot) this.set(this.derive({}));
    return this;
  }

  /**
   * Keeps the pending cart in `storage` (`sessionStorage` by default) under `key`, which names the
   * account (two accounts in one tab keep two carts): a page reload does not lose it. The kept
   * cart is restored on the first load (unless a draft was made meanwhile), re-validated against
   * the snapshot loaded then, and rebased like a conflict when what it changes moved meanwhile;
   * its idempotency key travels with it while the version is the same. Returns the store.
   */
  keepCart(key: string, storage: CartStorage = sessionStorage): this {
    const name = `licence-kit:cart:${key}`;
    if (this.keeping?.name === name) return this;
    const ready = carryOver().then(({ CartKeeper }) => {
      this.keeper = new CartKeeper(storage, name);
      this.restoreCart();
    });
    this.keeping = { name, ready };
    return this;
  }

  /** The current state. */
  get state(): LicensingState {
    return this.current;
  }

  /** What the adapter offers beyond the required methods. */
  get capabilities(): InstallationCapabilities {
    return guard.capabilitiesOf(this.adapter);
  }

  /** Calls `listener` after every change of state; returns the function that stops it. */
  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1 && this.adapter.subscribe && !this.unsubscribeAdapter) {
      this.unsubscribeAdapter = this.adapter.subscribe((snapshot) => this.receiveExternal(snapshot));
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.unsubscribeAdapter?.();
        this.unsubscribeAdapter = undefined;
      }
    };
  }

  /**
   * Loads the snapshot unless it is loaded or loading (then shares that). `force` loads again and
   * aborts a load still running, whose answer is then ignored. A newer version than the one shown
   * is taken like another admin's change (`changedElsewhere`, the cart in conflict when it touches
   * the draft). A reload that fails keeps the data shown and says why (`error`, `loadedAt`); only a
   * first load that fails is the error state.
   */
  load({ force = false }: { force?: boolean } = {}): Promise<LicensingSnapshot | undefined> {
    const { loads } = this;
    if (!force && (loads.current || this.current.status === 'ready'))
      return loads.current ?? Promise.resolve(this.current.snapshot);
    // A retry after a failed refresh keeps its notice (and the focus on its button) until it ends.
    if (!this.current.snapshot) this.set({ status: 'loading', error: undefined });
    return loads.start(
      async (snapshot) => {
        await this.take(snapshot);
        this.restoreCart();
        // With a kept cart, the load ends once it is restored (its code may still be loading).
        await this.keeping?.ready;
        return snapshot;
      },
      (error) => {
        this.set({ status: this.current.snapshot ? 'ready' : 'error', error: toLicensingError(error) });
        return undefined;
      },
      () => this.current.snapshot,
    );
  }

  /** Loads again (the retry of an error state, or a refresh). */
  reload(): Promise<LicensingSnapshot | undefined> {
    return this.load({ force: true });
  }

  /** Lays `changes` over the draft (R9: every change goes into the one draft). */
  edit(changes: ChangeSet): EditResult {
    const { snapshot, commit } = this.current;
    const reason = guard.editRefusal(snapshot, commit, changes, this.current.requests.drafting);
    if (reason || !snapshot) return { ok: false, reason: reason ?? 'not-loaded' };
    const draft = normaliseDraft(snapshot, mergeDraft(this.current.draft, changes));
    if (JSON.stringify(draft) !== JSON.stringify(this.current.draft)) this.cartKey = undefined;
    this.set(this.derive({ draft, commit: commit.status === 'saved' ? { status: 'idle' } : commit }));
    return { ok: true };
  }

  /** Sets the count of one licence type. */
  setCount(typeId: string, count: number): EditResult {
    return this.edit({ counts: { [typeId]: count } });
  }

  /** Sets the global call-recording retention. */
  setRetention(retention: Retention): EditResult {
    return this.edit({ retention });
  }

  /** Turns Speech-to-Text on or off and/or sets its limit over the base pack (`null` = none). */
  setSpeechToText(patch: NonNullable<ChangeSet['speechToText']>): EditResult {
    return this.edit({ speechToText: patch });
  }

  /** Turns the Power Pack on or off. */
  setPowerPackEnabled(enabled: boolean): EditResult {
    return this.edit({ powerPack: { enabled } });
  }

  /** Sets one Power Pack service's monthly limit in packs (`null` = no limit). */
  setPowerPackLimit(serviceId: string, limit: number | null): EditResult {
    return this.edit({ powerPack: { limits: { [serviceId]: limit } } });
  }

  /** Forgets `changedElsewhere` (its notices were read); the next change of others starts it again. */
  forgetChangedElsewhere(): void {
    this.elsewhereBase = undefined;
    this.set({ changedElsewhere: undefined });
  }

  /** Drops every pending change. */
  discard(): void {
    if (this.current.commit.status === 'saving') return;
    this.cartKey = undefined;
    this.set(this.derive({ draft: {}, commit: { status: 'idle' } }));
  }

  /**
   * Saves the draft (R9). A second call while one is in flight returns the same promise, so a
   * double click commits once. A draft with errors is refused (`invalid`) and never sent; a store
   * no widget gave rules to loads the rule book first to judge it (and keeps it).
   */
  commit(): Promise<CommitResult> {
    this.committing ??= this.runCommit().finally(() => {
      this.committing = undefined;
    });
    return this.committing;
  }

  /** One page of the usage overview, straight from the adapter (filtered there). */
  listUsage(query: UsageQuery, options?: RequestOptions): Promise<UsagePage> {
    // R1: needs at least `view` (the export reads through here too), once the permission is known.
    return Promise.resolve(this.current.snapshot ?? this.load())
      .then((snapshot) => (guard.requireView(snapshot), this.adapter.listUsage(query, options)))
      .catch((error: unknown) => {
        throw isAbortError(error) ? error : toLicensingError(error);
      });
  }

  /** Loads the installation licence once (shared like `load`); `force` loads again. */
  loadInstallation(options: { force?: boolean } = {}): Promise<void> {
    return this.installation().then((part) => part.load(options));
  }

  /**
   * Applies a pasted licence key; on success the new licence is in `state.installation`. Rejects
   * with the adapter's typed error (a refused key: `ValidationError` with the server's reason).
   */
  applyLicenseKey(key: string): Promise<InstallationLicense> {
    // R1: changing the installation licence needs `update`, whatever the UI offers.
    return this.load()
      .then((snapshot) => guard.requireUpdate(snapshot))
      .then(() => this.installation())
      .then((part) => part.applyLicenseKey(key));
  }

  /** Fetches the licence log file. */
  downloadLicenseLog(): Promise<DownloadedFile> {
    return this.installation().then((part) => part.downloadLicenseLog());
  }

  /** The installation part (installation.ts), loaded on first use like the rule book. */
  private installation(): Promise<InstallationPart> {
    return (this.installationPart ??= import('./installation.js').then(({ installationPart }) =>
      installationPart(
        this.adapter,
        () => this.current.installation,
        (installation) => this.set({ installation }),
        { toLicensingError, notSupported: (message) => new NotSupportedError(message) },
      ),
    ));
  }

  private async runCommit(): Promise<CommitResult> {
    let reason = guard.commitRefusal(this.current, this.rules);
    if (reason) return { ok: false, reason };
    // R9: errors block the commit, even on a page whose widgets gave the store no rules (a host
    // calling commit() next to a usage overview only): judge with the rule book, loaded now if need
    // be, and keep it. With rules given (the cart always gives them) nothing is awaited here.
    if (!this.rules) {
      try {
        this.useRules(await guard.loadRules());
      } catch (thrown) {
        return this.failed(toLicensingError(thrown));
      }
      // Judged again after the wait: an edit made meanwhile is part of what is judged and sent.
      reason = guard.commitRefusal(this.current, this.rules);
      if (reason) return { ok: false, reason };
    }
    const { draft } = this.current;
    const snapshot = this.current.snapshot!; // refusal() found it loaded
    const idempotencyKey = (this.cartKey ??= guard.newKey());
    this.heldExternal = undefined;
    this.set({ commit: { status: 'saving' } });
    try {
      const next = await this.adapter.commit(draft, { expectedVersion: snapshot.version, idempotencyKey });
      this.cartKey = undefined;
      // A load started before the commit would bring the older state back: drop it.
      this.loads.drop();
      // Saved after reviewing the cart: what others changed before is seen, and the data fresh.
      this.elsewhereBase = undefined;
      const saved = { status: 'saved', snapshot: next } as const;
      this.set(this.derive({ ...fresh(next), draft: {}, commit: saved, changedElsewhere: undefined }));
      // Another admin's change came during the save: which of the two is newer only the backend
      // knows, so ask it (the newer wins), and the next save is made on the latest version.
      const held = this.heldExternal as LicensingSnapshot | undefined;
      this.heldExternal = undefined;
      if (held && held.version !== next.version) await this.load({ force: true });
      return { ok: true, snapshot: next };
    } catch (thrown) {
      const error = toLicensingError(thrown);
      const held = this.heldExternal as LicensingSnapshot | undefined;
      this.heldExternal = undefined;
      if (error.kind !== 'conflict') {
        // Keep the draft and the key: a retry of the same cart must not apply it twice (a 401:
        // the host signs in again). Refused (403): the permission changed, so learn it now.
        const refused = error.kind === 'permission' && error.status !== 401;
        if (refused) await this.load({ force: true });
        const failed = this.failed(error);
        // Taken once the cart no longer says "saving" (while it does, it would only be held again).
        if (!refused && held) this.receiveExternal(held);
        return failed;
      }
      // R9: reload, re-apply the draft, re-validate, show what others changed underneath.
      this.cartKey = undefined;
      const latest = await this.load({ force: true });
      if (!latest) return this.failed(this.current.error ?? error);
      const { conflictOnto } = await carryOver();
      const rebased = conflictOnto({ ...this.current, draft }, snapshot, latest, error, elsewhere);
      this.set(this.derive(rebased));
      if (rebased.commit.status === 'saved') return { ok: true, snapshot: latest };
      return { ok: false, reason: 'conflict', error };
    }
  }

  /** A save that failed: the cart says why, and keeps the draft. */
  private failed(error: LicensingError): CommitResult {
    this.set({ commit: { status: 'failed', error } });
    return { ok: false, reason: 'failed', error };
  }

  /** A newer snapshot (reconcile.ts); a new cart key: one key never travels with two versions. */
  private rebase(latest: LicensingSnapshot): Rebased {
    const { snapshot } = this.current;
    if (snapshot && snapshot.version !== latest.version) this.cartKey = undefined;
    return rebaseOnto(this.current, latest);
  }

  /**
   * Another tab or admin changed the backend (the adapter pushed it): taken like a reload's newer
   * version. During a save it is held, and taken (or the backend asked) once the save ends.
   */
  private receiveExternal(latest: LicensingSnapshot): void {
    const { snapshot, commit } = this.current;
    if (commit.status === 'saving') this.heldExternal = latest;
    else if (snapshot && latest.version !== snapshot.version) void this.take(latest);
  }

  /**
   * A snapshot this page did not save (a load, the adapter's push): taken with the draft kept and
   * re-checked, the data fresh again. Over another version than the one shown, once the conflict
   * code is here (carry-over.ts): what others changed is noted (`changedElsewhere`, the same however
   * it came), and the cart is in conflict when it touches the draft (not if anything changed since).
   */
  private async take(latest: LicensingSnapshot): Promise<void> {
    const { snapshot, draft } = this.current;
    this.set(this.derive({ ...fresh(latest), ...this.rebase(latest) }));
    if (!snapshot || snapshot.version === latest.version) return;
    const base = (this.elsewhereBase ??= snapshot);
    const taken = this.current;
    const { elsewhereOnto } = await carryOver();
    // Not once saved or forgotten meanwhile.
    if (this.elsewhereBase === base)
      this.set(this.derive(elsewhereOnto(this.current, taken, draft, base, snapshot, elsewhere)));
  }

  /** The kept cart, once, over the first snapshot loaded (carry-over.ts). */
  private restoreCart(): void {
    const latest = this.current.snapshot;
    const restored = latest && this.keeper?.restore(this.current, latest, elsewhere);
    if (!restored) return;
    const { key, ...rebased } = restored;
    if (key) this.cartKey = key;
    this.set(this.derive(rebased));
  }

  /** `patch` with what the rule book derives from the snapshot and draft it leaves (derive.ts). */
  private derive(patch: Partial<LicensingState>): Partial<LicensingState> {
    return { ...patch, ...derivedState(this.rules, { ...this.current, ...patch }) };
  }

  private set(patch: Partial<LicensingState>): void {
    const previous = this.current;
    this.current = Object.freeze({ ...previous, ...patch });
    this.keeper?.save(this.current, previous, this.cartKey);
    for (const listener of [...this.listeners]) listener(this.current, previous);
    this.requestsPart?.observe(this.current, previous);
  }
}
