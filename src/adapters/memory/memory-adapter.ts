import {
  applyDraft,
  validate,
  type ChangeRequest,
  type ChangeSet,
  type HistoryPage,
  type HistoryQuery,
  type InstallationLicense,
  type LicensingSnapshot,
  type RequestDecision,
  type UsagePage,
  type UsageQuery,
} from '../../core/index.js';
import type {
  AdapterMethod,
  AssignmentMethod,
  CommitOptions,
  DownloadedFile,
  Failure,
  LicensingAdapter,
  RequestChangeOptions,
  RequestMethod,
  RequestOptions,
} from '../adapter.js';
import {
  BadResponseError,
  ConflictError,
  NotSupportedError,
  PermissionError,
  ValidationError,
} from '../errors.js';
import { DecodeError } from '../decode/fields.js';
import { decodeLicensingSnapshot } from '../decode/snapshot.js';
import { createDemoSeed, type MemorySeed } from './demo-data.js';
import { licenceLogFile, licenceWithKey } from './installation.js';
import { RequestBook } from './requests.js';
import { SavedState, type Persisted, type StorageLike } from './storage.js';
import { UsageIndex } from './usage-index.js';
import { HistoryLog } from './history-log.js';
import { FaultQueue } from './faults.js';
import { MemoryAssignments } from './assignment.js';

export interface MemoryAdapterOptions {
  /** Milliseconds every call waits before answering, to show loading states. Default 0. */
  latency?: number;
  /**
   * Keep committed changes in `localStorage` under this key, so they survive a reload. Agents come
   * from the seed; the licences assignments changed are stored with the snapshot. Tabs on the same storage share it as one backend: each
   * commit re-reads storage first (a commit made against a version another tab replaced is a
   * `ConflictError`), and `subscribe` listeners get another tab's changes (`storage` events). A
   * commit or licence key that storage refuses (full, private mode) is not applied and rejects with
   * a `StorageError`, so nothing reports "saved" that a reload would lose. Stored data of another
   * or a broken shape is checked like a backend's answer and ignored, with a console warning, for
   * the seed.
   */
  storageKey?: string;
  /** Storage to use with `storageKey`; `localStorage` by default. */
  storage?: StorageLike;
  /** The clock, for the log file's name and contents, the time of each commit in the history and the requests' times. */
  now?: () => Date;
  /**
   * The signed-in user's name: who commits, as the history names them, and who sends and decides
   * requests. Default `Demo admin`.
   */
  user?: string;
  /** `false`: no `assign` / `unassign` (R12), as an adapter that does not offer them. Default `true`. */
  assignment?: boolean;
}

/** `v7` → `v8`; anything without a trailing number gets one. */
function nextVersion(version: string): string {
  const match = /^(.*?)(\d+)$/.exec(version);
  return match ? `${match[1]}${Number(match[2]) + 1}` : `${version}-1`;
}

const clone = <T>(value: T): T => structuredClone(value);

/**
 * The embedded adapter: keeps the whole backend in memory. The demo and Storybook run on it, tests
 * seed it with exactly the data they need, and the MSW handlers put it behind the REST contract.
 * It enforces the same rules as any backend must, by calling `licence-kit/core` (`validate`,
 * `applyDraft`), so the rules exist once. Its seed passes the same decoder as a REST answer: a seed
 * the rules cannot handle (two currencies, a duplicate id, an end before the start) makes `load`
 * and `commit` reject with a `BadResponseError` naming the field. See `storageKey` for what it
 * keeps across reloads and tabs.
 *
 * ```ts
 * const adapter = new MemoryAdapter();                       // the demo data set
 * const adapter = new MemoryAdapter({ snapshot, agents });   // your own data
 * ```
 */
export class MemoryAdapter implements LicensingAdapter {
  /** Milliseconds every call waits before answering. */
  latency: number;

  private readonly seed: MemorySeed;
  private readonly options: MemoryAdapterOptions;
  private snapshot: LicensingSnapshot;
  private installation: InstallationLicense | null;
  private usage: UsageIndex;
  private readonly saved: SavedState | undefined;
  /** Why the seed cannot be served, when the decoder refused it. */
  private readonly seedError: BadResponseError | undefined;
  private readonly idempotency = new Map<string, LicensingSnapshot>();
  private readonly faults = new FaultQueue();
  private readonly listeners = new Set<(snapshot: LicensingSnapshot) => void>();
  private readonly history: HistoryLog;
  private readonly book = new RequestBook(() => this.options.now?.() ?? new Date());
  private readonly assignments = new MemoryAssignments({
    enter: (method, options) => this.enter(method, options),
    current: () => {
      this.servable();
      if (this.sync()) this.notify();
      return this.snapshot;
    },
    usage: () => this.usage,
    accept: (next) => {
      this.persist(next, this.installation);
      this.snapshot = next;
      this.mutations++;
      this.notify();
    },
    nextVersion,
  });
  /** R12 (assignment.ts): gives `typeId` to the selected agents. */
  assign?: LicensingAdapter['assign'] = (...call) => this.assignments.run('assign', ...call);
  /** R12 (assignment.ts): takes `typeId` away from the selected agents. */
  unassign?: LicensingAdapter['unassign'] = (...call) => this.assignments.run('unassign', ...call);
  /** Commits applied so far (not counting idempotent repeats); tests assert on it. */
  mutations = 0;

  constructor(seed: Partial<MemorySeed> = {}, options: MemoryAdapterOptions = {}) {
    const demo =
      seed.snapshot && seed.agents ? undefined : createDemoSeed(options.now ? { now: options.now() } : {});
    this.seed = {
      snapshot: seed.snapshot ?? demo!.snapshot,
      agents: seed.agents ?? (seed.snapshot ? [] : demo!.agents),
      installationLicense:
        'installationLicense' in seed ? seed.installationLicense : (demo?.installationLicense ?? null),
    };
    this.options = options;
    this.latency = options.latency ?? 0;
    try {
      decodeLicensingSnapshot(this.seed.snapshot);
    } catch (error) {
      if (!(error instanceof DecodeError)) throw error;
      this.seedError = new BadResponseError(`The memory adapter's seed cannot be used: ${error.message}.`, {
        detail: error.message,
        cause: error,
      });
    }
    const key = options.storageKey;
    const storage = options.storage ?? (typeof localStorage === 'undefined' ? undefined : localStorage);
    this.saved = key
      ? new SavedState(
          key,
          storage,
          this.seed.snapshot.catalog.map((type) => type.id),
        )
      : undefined;
    const stored = this.seedError ? undefined : this.saved?.read();
    this.snapshot = stored?.snapshot ?? this.seed.snapshot;
    this.installation = stored ? stored.installationLicense : (this.seed.installationLicense ?? null);
    this.usage = new UsageIndex(this.seed.agents);
    if (stored?.agents) this.usage.restore(stored.agents);
    this.history = new HistoryLog(seed.history);
    if (!this.installation) {
      // Without an installation licence the optional methods are absent, as for any adapter
      // that does not offer them, so the widgets take the "not available" path.
      this.getInstallationLicense = undefined;
      this.applyLicenseKey = undefined;
      this.downloadLicenseLog = undefined;
    }
    if (options.assignment === false) this.assign = this.unassign = undefined;
  }

  /** Makes the next `times` calls of `method` fail with `failure` (stories, tests, the demo). */
  failNext(method: AdapterMethod | RequestMethod | AssignmentMethod, failure: Failure, times = 1): void {
    this.faults.add(method, failure, times);
  }

  /**
   * Changes what the signed-in user may do, as an administrator editing their Access would
   * (demo, stories, tests). Widgets on a subscribing store see it at once.
   */
  setPermission(permission: LicensingSnapshot['permission']): void {
    this.sync();
    this.snapshot = { ...this.snapshot, permission, version: nextVersion(this.snapshot.version) };
    try {
      this.persist(this.snapshot, this.installation);
    } catch (error) {
      console.warn('MemoryAdapter: the new permission holds until this page is reloaded.', error);
    }
    this.notify();
  }

  /** Forgets failures queued with `failNext` and not yet used. */
  clearFailures(): void {
    this.faults.clear();
  }

  /** Back to the seed: forgets commits, stored state, idempotency keys and pending failures. */
  reset(): void {
    this.snapshot = this.seed.snapshot;
    this.installation = this.seed.installationLicense ?? null;
    this.idempotency.clear();
    this.history.reset();
    this.faults.clear();
    this.mutations = 0;
    this.book.clear();
    this.assignments.clear();
    this.usage = new UsageIndex(this.seed.agents);
    this.saved?.remove();
    this.notify();
  }

  async load(options: RequestOptions = {}): Promise<LicensingSnapshot> {
    await this.enter('load', options);
    this.servable();
    this.sync();
    return clone(this.snapshot);
  }

  /**
   * The version and permission it holds now, without the latency or an injected failure (those are
   * meant for the page's own requests): what the MSW events route streams from.
   */
  peek(): Pick<LicensingSnapshot, 'version' | 'permission'> {
    this.servable();
    this.sync();
    return { version: this.snapshot.version, permission: this.snapshot.permission };
  }

  async listUsage(query: UsageQuery, options: RequestOptions = {}): Promise<UsagePage> {
    await this.enter('listUsage', options);
    return this.usage.page(query);
  }

  async commit(changes: ChangeSet, options: CommitOptions): Promise<LicensingSnapshot> {
    await this.enter('commit', options);
    this.servable();
    const repeat = this.idempotency.get(options.idempotencyKey);
    if (repeat) return clone(repeat);
    // Another tab may have committed since this one last looked: its version is the current one.
    if (this.sync()) this.notify();
    if (this.snapshot.permission !== 'update') throw new PermissionError();
    if (options.expectedVersion !== this.snapshot.version) {
      throw new ConflictError(undefined, { currentVersion: this.snapshot.version });
    }
    const issues = validate(this.snapshot, changes);
    const errors = issues.filter((issue) => issue.severity === 'error');
    if (errors.length) {
      const rules = errors.length === 1 ? 'a rule' : `${errors.length} rules`;
      throw new ValidationError(`The changes break ${rules}.`, { issues: errors });
    }
    const next = { ...applyDraft(this.snapshot, changes), version: nextVersion(this.snapshot.version) };
    // Stored first: a change storage refuses is not applied (StorageError), so none is lost on reload.
    this.persist(next, this.installation);
    const at = this.options.now?.() ?? new Date();
    this.history.record(this.snapshot, changes, next.version, this.user, at);
    this.snapshot = next;
    this.idempotency.set(options.idempotencyKey, next);
    this.mutations++;
    this.notify();
    return clone(next);
  }

  async getInstallationLicense?(options: RequestOptions = {}): Promise<InstallationLicense> {
    await this.enter('getInstallationLicense', options);
    return clone(this.requireInstallation());
  }

  async applyLicenseKey?(key: string, options: RequestOptions = {}): Promise<InstallationLicense> {
    await this.enter('applyLicenseKey', options);
    this.sync();
    const current = this.requireInstallation();
    if (this.snapshot.permission !== 'update') {
      throw new PermissionError('You do not have permission to update the licence.');
    }
    const next = licenceWithKey(current, key, (this.options.now?.() ?? new Date()).getTime());
    this.persist(this.snapshot, next);
    this.installation = next;
    return clone(next);
  }

  async downloadLicenseLog?(options: RequestOptions = {}): Promise<DownloadedFile> {
    await this.enter('downloadLicenseLog', options);
    return licenceLogFile(this.requireInstallation(), this.options.now?.() ?? new Date());
  }

  /** The accepted commits, newest first; `view` and `update` may read them (R1). */
  async listHistory(query: HistoryQuery, options: RequestOptions = {}): Promise<HistoryPage> {
    await this.enter('listHistory', options);
    this.servable();
    this.sync();
    if (this.snapshot.permission === 'none') throw new PermissionError();
    return this.history.page(query);
  }

  /** R1: a `view` user's change as a pending request (requests.ts). */
  async requestChange(
    changes: ChangeSet,
    note: string,
    options: RequestChangeOptions,
  ): Promise<ChangeRequest> {
    await this.enter('requestChange', options);
    this.servable();
    this.sync();
    return this.book.send(this.snapshot, this.user, changes, note, options.idempotencyKey);
  }

  /** Every request for `update`, the user's own for `view`, newest first. */
  async listRequests(options: RequestOptions = {}): Promise<readonly ChangeRequest[]> {
    await this.enter('listRequests', options);
    this.sync();
    return this.book.list(this.snapshot, this.user);
  }

  /** Declines a pending request, or marks it approved (needs `update`). */
  async decideRequest(
    id: string,
    decision: RequestDecision,
    options: RequestOptions = {},
  ): Promise<ChangeRequest> {
    await this.enter('decideRequest', options);
    this.sync();
    return this.book.decide(this.snapshot, this.user, id, decision);
  }

  private get user(): string {
    return this.options.user ?? 'Demo admin';
  }

  subscribe(onChange: (snapshot: LicensingSnapshot) => void): () => void {
    // Another tab's commits arrive as `storage` events; listened to only while someone subscribes.
    if (this.saved && this.listeners.size === 0 && typeof window !== 'undefined') {
      window.addEventListener('storage', this.onStorage);
    }
    this.listeners.add(onChange);
    return () => {
      this.listeners.delete(onChange);
      if (this.listeners.size === 0 && typeof window !== 'undefined') {
        window.removeEventListener('storage', this.onStorage);
      }
    };
  }

  private readonly onStorage = (event: StorageEvent): void => {
    // `key` is null when another tab cleared the whole storage.
    if (event.key !== null && event.key !== this.saved?.key) return;
    if (this.sync()) this.notify();
  };

  /** Rejects with the seed's decoding error, when it had one. */
  private servable(): void {
    if (this.seedError) throw this.seedError;
  }

  /**
   * Takes what another tab stored, if it differs from what this one holds; returns whether the
   * snapshot changed (listeners are then due a notification).
   */
  private sync(): boolean {
    const stored = this.saved?.read();
    if (!stored) return false;
    const changed = stored.snapshot.version !== this.snapshot.version;
    // The holders with the in-use figures they make (R12), never one without the other.
    if (changed) {
      this.snapshot = stored.snapshot;
      this.usage.restore(stored.agents ?? {});
    }
    // A licence key applied in another tab does not change the snapshot's version.
    if (stored.installationLicense && this.installation) this.installation = stored.installationLicense;
    return changed;
  }

  /** Stores the state; throws StorageError when storage refuses it. */
  private persist(snapshot: LicensingSnapshot, installationLicense: InstallationLicense | null): void {
    const value: Persisted = { snapshot, installationLicense, agents: this.usage.changes() };
    this.saved?.store(value);
  }

  private notify(): void {
    for (const listener of this.listeners) listener(clone(this.snapshot));
  }

  private requireInstallation(): InstallationLicense {
    if (!this.installation) throw new NotSupportedError('This installation has no licence information.');
    return this.installation;
  }

  /** Waits the latency (abortable), then throws an injected failure if one is queued (faults.ts). */
  private enter(
    method: AdapterMethod | RequestMethod | AssignmentMethod,
    { signal }: RequestOptions,
  ): Promise<void> {
    return this.faults.enter(method, signal, this.latency, () => this.snapshot.version);
  }
}
