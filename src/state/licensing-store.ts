// The state machine (loads, edits, saves); the rule book is given (`useRules`). Refusals: guards.ts;
// loads: refresh.ts; a snapshot taken under the draft: commit.ts; rebasing: reconcile.ts; the cart
// kept across reloads: cart-keeping.ts; lazy: the save (save.ts), assignments (assignment.ts, both via
// parts.ts), conflicts and the kept cart (carry-over.ts), the installation licence
// (installation.ts); the state's shape: state.ts.
import {
  mergeDraft,
  normaliseDraft,
  type AssignmentSelection,
  type ChangeSet,
  type InstallationLicense,
  type LicensingSnapshot,
  type Retention,
  type UsagePage,
  type UsageQuery,
  type RuleBook,
} from '../core/index.js';
import type { DownloadedFile, LicensingAdapter, RequestOptions } from '../adapters/adapter.js';
import { isAbortError, NotSupportedError, toLicensingError } from '../adapters/errors.js';
import { runCommit, take, type CartMemo, type CommitHost } from './commit.js';
import { derivedState } from './derive.js';
import type { InstallationCapabilities, InstallationPart } from './installation.js';
import * as guard from './guards.js';
import type { CartStorage } from './carry-over.js';
import { CartKeeping } from './cart-keeping.js';
import { Loads } from './refresh.js';
import { assignments, savePart } from './parts.js';
import { storeRequests, type RequestsPart, type StoreRequests } from './requests.js';
import type { AssignmentOutcome, StoreAssignOptions, StoreAssignments } from './assignment.js';
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

export type { AssignmentOutcome, StoreAssignOptions } from './assignment.js';
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
  private unsubscribeAdapter: (() => void) | undefined;
  private rules: RuleBook | undefined;
  /** The cart's key, a snapshot held during a save, what `changedElsewhere` lists from (commit.ts). */
  private readonly memo: CartMemo = {};
  /** Where the pending cart is kept across reloads (`keepCart`, cart-keeping.ts). */
  private readonly kept = new CartKeeping();
  /** Change requests (R1, requests.ts): send the draft as a request, list, review in the cart, decline. */
  readonly requests: StoreRequests;
  private requestsPart: RequestsPart | undefined;
  private assignmentPart = assignments(() => this.commitHost());

  /** `rules`: the rule book to derive the state with from the start (see `useRules`). */
  constructor(adapter: LicensingAdapter, { rules }: { rules?: RuleBook } = {}) {
    this.adapter = adapter;
    if (rules) this.useRules(rules);
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
    // A widget that needs rules offers Save: the save's code (save.ts) loads now, not on the click.
    savePart.get().catch(() => undefined);
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
    this.kept.keep(key, storage, this.commitHost());
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
        await take(this.commitHost(), snapshot);
        // With a kept cart, the load ends once it is restored (its code may still be loading).
        await this.kept.restore();
        await savePart.settled(); // the save's code asked ahead (useRules), bounded
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
    if (JSON.stringify(draft) !== JSON.stringify(this.current.draft)) this.memo.cartKey = undefined;
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
    this.memo.elsewhereBase = undefined;
    this.set({ changedElsewhere: undefined });
  }

  /** Drops every pending change. */
  discard(): void {
    if (this.current.commit.status === 'saving') return;
    this.memo.cartKey = undefined;
    this.set(this.derive({ draft: {}, commit: { status: 'idle' } }));
  }

  /**
   * Saves the draft (R9). A second call while one is in flight returns the same promise, so a
   * double click commits once. A draft with errors is refused (`invalid`) and never sent; a store
   * no widget gave rules to loads the rule book first to judge it (and keeps it). The save's code
   * loads with the first rules given, or on the first save (`failed` if it cannot be loaded).
   */
  commit(): Promise<CommitResult> {
    this.committing ??= runCommit(this.commitHost()).finally(() => {
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

  /**
   * Whether agents may be given or freed of licences here (R12): the adapter offers `assign` and
   * `unassign`, and the user has `update`. False until loaded.
   */
  get canAssign(): boolean {
    return guard.canAssign(this.adapter, this.current.snapshot);
  }

  /**
   * Gives `typeId` to the selected agents (R12; `canAssign`), one assignment at a time, and takes
   * the snapshot answered as the new base: the draft kept and re-judged with the new in-use, never
   * "changed by someone else". Resolves with how it ended (`AssignmentOutcome`), never rejects.
   */
  assign(
    typeId: string,
    selection: AssignmentSelection,
    options?: StoreAssignOptions,
  ): Promise<AssignmentOutcome> {
    return this.assignment('assign', typeId, selection, options);
  }

  /** Takes `typeId` away from the selected agents (R12), as `assign`; undo: `undoAssignment(outcome)` (core). */
  unassign(
    typeId: string,
    selection: AssignmentSelection,
    options?: StoreAssignOptions,
  ): Promise<AssignmentOutcome> {
    return this.assignment('unassign', typeId, selection, options);
  }

  /** The assignment part (parts.ts: assignment.ts, loaded on first use; `failed` if it cannot be). */
  private assignment(...call: Parameters<StoreAssignments['run']>): Promise<AssignmentOutcome> {
    const outcome = this.assignmentPart(...call);
    this.memo.assigning = outcome.catch(() => undefined); // a save asked for meanwhile waits (commit.ts)
    return outcome;
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
      .then(guard.requireUpdate)
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

  /** What the save and `take` (commit.ts) are lent: the store's state, rules, loads and memo. */
  private commitHost(): CommitHost {
    return {
      adapter: this.adapter,
      loads: this.loads,
      memo: this.memo,
      state: () => this.current,
      rules: () => this.rules,
      useRules: (rules) => this.useRules(rules),
      set: (patch) => this.set(patch),
      derive: (patch) => this.derive(patch),
      reload: () => this.load({ force: true }),
      receiveExternal: (latest) => this.receiveExternal(latest),
    };
  }

  /**
   * Another tab or admin changed the backend (the adapter pushed it): taken like a reload's newer
   * version. During a save it is held, and taken (or the backend asked) once the save ends.
   */
  private receiveExternal(latest: LicensingSnapshot): void {
    const { snapshot, commit } = this.current;
    if (commit.status === 'saving') this.memo.heldExternal = latest;
    else if (snapshot && latest.version !== snapshot.version) void take(this.commitHost(), latest);
  }

  /** `patch` with what the rule book derives from the snapshot and draft it leaves (derive.ts). */
  private derive(patch: Partial<LicensingState>): Partial<LicensingState> {
    return { ...patch, ...derivedState(this.rules, { ...this.current, ...patch }) };
  }

  private set(patch: Partial<LicensingState>): void {
    const previous = this.current;
    this.current = Object.freeze({ ...previous, ...patch });
    this.kept.save(this.current, previous);
    for (const listener of [...this.listeners]) listener(this.current, previous);
    this.requestsPart?.observe(this.current, previous);
  }
}
