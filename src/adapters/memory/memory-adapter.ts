import {
  agentSearchText,
  applyDraft,
  searchKey,
  validate,
  type Agent,
  type ChangeSet,
  type InstallationLicense,
  type LicensingSnapshot,
  type UsagePage,
  type UsageQuery,
} from '../../core/index.js';
import type {
  AdapterMethod,
  CommitOptions,
  DownloadedFile,
  Failure,
  LicensingAdapter,
  RequestOptions,
} from '../adapter.js';
import {
  BadResponseError,
  ConflictError,
  type LicensingError,
  NetworkError,
  NotSupportedError,
  PermissionError,
  ServerError,
  TimeoutError,
  ValidationError,
} from '../errors.js';
import { createDemoSeed, type MemorySeed } from './demo-data.js';
import { readLicenseKey } from './license-key.js';

export interface MemoryAdapterOptions {
  /** Milliseconds every call waits before answering, to show loading states. Default 0. */
  latency?: number;
  /**
   * Keep committed changes in `localStorage` under this key, so they survive a reload. Agents are
   * not stored (they come from the seed).
   */
  storageKey?: string;
  /** Storage to use with `storageKey`; `localStorage` by default. */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** The clock, for the log file's name and contents. */
  now?: () => Date;
}

interface Persisted {
  snapshot: LicensingSnapshot;
  installationLicense: InstallationLicense | null;
}

/** The agents a search found, positions in name order. */
interface SearchHits {
  text: string;
  matches: Uint32Array;
  countsByType: Record<string, number>;
  /** Per type, the matches holding it: paging a search within a type reuses them. */
  byType: Map<string, Uint32Array>;
}

/** `v7` → `v8`; anything without a trailing number gets one. */
function nextVersion(version: string): string {
  const match = /^(.*?)(\d+)$/.exec(version);
  return match ? `${match[1]}${Number(match[2]) + 1}` : `${version}-1`;
}

const clone = <T>(value: T): T => structuredClone(value);

/**
 * A copy of an agent the caller may keep or change. Agents are flat apart from their licences;
 * structuredClone per agent cost more than the page's whole lookup.
 */
const copyAgent = (agent: Agent): Agent => ({ ...agent, licences: [...agent.licences] });

/**
 * The embedded adapter: keeps the whole backend in memory. The demo and Storybook run on it, tests
 * seed it with exactly the data they need, and the MSW handlers put it behind the REST contract.
 * It enforces the same rules as any backend must, by calling `licence-kit/core` (`validate`,
 * `applyDraft`), so the rules exist once.
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
  private readonly agents: readonly Agent[];
  /** Agents sorted by name, and per type the positions (in that order) of the agents holding it. */
  private readonly byName: readonly Agent[];
  private readonly byType = new Map<string, Uint32Array>();
  private readonly searchText: readonly string[];
  private lastSearch: SearchHits | undefined;
  private readonly idempotency = new Map<string, LicensingSnapshot>();
  private readonly pendingFailures = new Map<AdapterMethod, Failure[]>();
  private readonly listeners = new Set<(snapshot: LicensingSnapshot) => void>();
  private allCounts: Record<string, number> = {};
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
    const stored = this.readStorage();
    this.snapshot = stored?.snapshot ?? this.seed.snapshot;
    this.installation = stored ? stored.installationLicense : (this.seed.installationLicense ?? null);
    this.agents = this.seed.agents;
    this.byName = [...this.agents].sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1,
    );
    this.searchText = this.byName.map(agentSearchText);
    this.buildIndex();
    if (!this.installation) {
      // Without an installation licence the optional methods are absent, as for any adapter
      // that does not offer them, so the widgets take the "not available" path.
      this.getInstallationLicense = undefined;
      this.applyLicenseKey = undefined;
      this.downloadLicenseLog = undefined;
    }
  }

  /** Makes the next `times` calls of `method` fail with `failure` (stories, tests, the demo). */
  failNext(method: AdapterMethod, failure: Failure, times = 1): void {
    const queue = this.pendingFailures.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(failure);
    this.pendingFailures.set(method, queue);
  }

  /**
   * Changes what the signed-in user may do, as an administrator editing their Access would
   * (demo, stories, tests). Widgets on a subscribing store see it at once.
   */
  setPermission(permission: LicensingSnapshot['permission']): void {
    this.snapshot = { ...this.snapshot, permission, version: nextVersion(this.snapshot.version) };
    this.persist();
    this.notify();
  }

  /** Forgets failures queued with `failNext` and not yet used. */
  clearFailures(): void {
    this.pendingFailures.clear();
  }

  /** Back to the seed: forgets commits, stored state, idempotency keys and pending failures. */
  reset(): void {
    this.snapshot = this.seed.snapshot;
    this.installation = this.seed.installationLicense ?? null;
    this.idempotency.clear();
    this.pendingFailures.clear();
    this.mutations = 0;
    if (this.options.storageKey) this.storage?.removeItem(this.options.storageKey);
    this.notify();
  }

  async load(options: RequestOptions = {}): Promise<LicensingSnapshot> {
    await this.enter('load', options);
    return clone(this.snapshot);
  }

  async listUsage(query: UsageQuery, options: RequestOptions = {}): Promise<UsagePage> {
    await this.enter('listUsage', options);
    const offset = Math.max(0, Math.floor(query.offset));
    const limit = Math.max(0, Math.floor(query.limit));
    const search = searchKey(query.search ?? '');
    let total: number;
    let countsByType: Record<string, number>;
    let pick: (position: number) => number;
    if (!search) {
      countsByType = this.allCounts;
      if (query.typeId) {
        const positions = this.byType.get(query.typeId) ?? new Uint32Array(0);
        total = positions.length;
        pick = (i) => positions[i]!;
      } else {
        total = this.byName.length;
        pick = (i) => i;
      }
    } else {
      const found = this.search(search);
      countsByType = found.countsByType;
      const matches = query.typeId ? this.filterByType(found, query.typeId) : found.matches;
      total = matches.length;
      pick = (i) => matches[i]!;
    }
    const agents: Agent[] = [];
    // Only the page's agents are touched: the per-type index and the cached search give their
    // positions, so a page costs the same at 50 agents or 1,000,000.
    for (let i = offset; i < Math.min(total, offset + limit); i++)
      agents.push(copyAgent(this.byName[pick(i)]!));
    return { total, countsByType: { ...countsByType }, agents };
  }

  async commit(changes: ChangeSet, options: CommitOptions): Promise<LicensingSnapshot> {
    await this.enter('commit', options);
    const repeat = this.idempotency.get(options.idempotencyKey);
    if (repeat) return clone(repeat);
    if (this.snapshot.permission !== 'update') throw new PermissionError();
    if (options.expectedVersion !== this.snapshot.version) {
      throw new ConflictError(undefined, { currentVersion: this.snapshot.version });
    }
    const issues = validate(this.snapshot, changes);
    const errors = issues.filter((issue) => issue.severity === 'error');
    if (errors.length) {
      throw new ValidationError(
        `The changes break ${errors.length === 1 ? 'a rule' : `${errors.length} rules`}.`,
        {
          issues: errors,
        },
      );
    }
    this.snapshot = { ...applyDraft(this.snapshot, changes), version: nextVersion(this.snapshot.version) };
    this.idempotency.set(options.idempotencyKey, this.snapshot);
    this.mutations++;
    this.persist();
    this.notify();
    return clone(this.snapshot);
  }

  async getInstallationLicense?(options: RequestOptions = {}): Promise<InstallationLicense> {
    await this.enter('getInstallationLicense', options);
    return clone(this.requireInstallation());
  }

  async applyLicenseKey?(key: string, options: RequestOptions = {}): Promise<InstallationLicense> {
    await this.enter('applyLicenseKey', options);
    const current = this.requireInstallation();
    const read = readLicenseKey(key);
    if (!read.ok) throw new ValidationError('The licence key was refused.', { detail: read.reason });
    this.installation = { ...current, ...read.fields, status: { state: 'active' } };
    this.persist();
    return clone(this.installation);
  }

  async downloadLicenseLog?(options: RequestOptions = {}): Promise<DownloadedFile> {
    await this.enter('downloadLicenseLog', options);
    const licence = this.requireInstallation();
    const now = this.options.now?.() ?? new Date();
    const lines = [
      `${now.toISOString()} licence check: ${licence.status.state}`,
      `token ${licence.token}`,
      `plan ${licence.plan}, expires ${licence.expiresAt}`,
      `staff users=${licence.staff.users} agents=${licence.staff.agents} telephones=${licence.staff.telephones} mobile=${licence.staff.mobileAgents}`,
    ];
    return {
      filename: `license-${now.toISOString().slice(0, 10)}.log`,
      blob: new Blob([lines.join('\n') + '\n'], { type: 'text/plain' }),
    };
  }

  subscribe(onChange: (snapshot: LicensingSnapshot) => void): () => void {
    this.listeners.add(onChange);
    return () => this.listeners.delete(onChange);
  }

  private get storage() {
    return this.options.storage ?? (typeof localStorage === 'undefined' ? undefined : localStorage);
  }

  private readStorage(): Persisted | undefined {
    const key = this.options.storageKey;
    if (!key) return undefined;
    try {
      const raw = this.storage?.getItem(key);
      if (!raw) return undefined;
      const value = JSON.parse(raw) as Partial<Persisted>;
      // Data from an older seed (another catalog) would not fit the agents; start afresh then.
      const sameCatalog =
        value.snapshot &&
        JSON.stringify(value.snapshot.catalog.map((t) => t.id)) ===
          JSON.stringify(this.seed.snapshot.catalog.map((t) => t.id));
      return sameCatalog
        ? { snapshot: value.snapshot!, installationLicense: value.installationLicense ?? null }
        : undefined;
    } catch {
      return undefined;
    }
  }

  private persist(): void {
    const key = this.options.storageKey;
    if (!key) return;
    const value: Persisted = { snapshot: this.snapshot, installationLicense: this.installation };
    try {
      this.storage?.setItem(key, JSON.stringify(value));
    } catch {
      // Storage full or refused (private mode): the change still holds for this page's life.
    }
  }

  private notify(): void {
    for (const listener of this.listeners) listener(clone(this.snapshot));
  }

  private requireInstallation(): InstallationLicense {
    if (!this.installation) throw new NotSupportedError('This installation has no licence information.');
    return this.installation;
  }

  /** Waits the latency (abortable), then throws an injected failure if one is queued. */
  private async enter(method: AdapterMethod, { signal }: RequestOptions): Promise<void> {
    signal?.throwIfAborted();
    if (this.latency > 0) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        }, this.latency);
        const onAbort = () => {
          clearTimeout(timer);
          reject(signal!.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    }
    const failure = this.pendingFailures.get(method)?.shift();
    if (failure) throw this.simulated(failure);
  }

  /** An injected failure, shaped like a real one (a conflict names the current version). */
  private simulated(failure: Failure): LicensingError {
    switch (failure) {
      case 'network':
        return new NetworkError();
      case 'server':
        return new ServerError();
      case 'unavailable':
        return new ServerError('The licensing service is temporarily unavailable.', { status: 503 });
      case 'timeout':
        return new TimeoutError();
      case 'forbidden':
        return new PermissionError();
      case 'conflict':
        return new ConflictError(undefined, { currentVersion: this.snapshot.version });
      case 'validation':
        return new ValidationError(undefined, { detail: 'Refused by a simulated failure.' });
      case 'malformed':
        return new BadResponseError();
    }
  }

  private buildIndex(): void {
    const positions = new Map<string, number[]>();
    this.byName.forEach((agent, index) => {
      for (const id of agent.licences) {
        let list = positions.get(id);
        if (!list) positions.set(id, (list = []));
        list.push(index);
      }
    });
    this.allCounts = {};
    for (const [id, list] of positions) {
      this.byType.set(id, Uint32Array.from(list));
      this.allCounts[id] = list.length;
    }
  }

  /** Agents whose name or email contains `text`; the last search is cached for paging. */
  private search(text: string): SearchHits {
    if (this.lastSearch?.text === text) return this.lastSearch;
    const hits: number[] = [];
    // No prototype: a type id such as `constructor` must count from 0, not from Object's function.
    const countsByType: Record<string, number> = Object.create(null) as Record<string, number>;
    for (let i = 0; i < this.searchText.length; i++) {
      if (this.searchText[i]!.includes(text)) {
        hits.push(i);
        for (const id of this.byName[i]!.licences) countsByType[id] = (countsByType[id] ?? 0) + 1;
      }
    }
    this.lastSearch = { text, matches: Uint32Array.from(hits), countsByType, byType: new Map() };
    return this.lastSearch;
  }

  private filterByType(found: SearchHits, typeId: string): Uint32Array {
    let matches = found.byType.get(typeId);
    if (!matches) {
      matches = found.matches.filter((i) => this.byName[i]!.licences.includes(typeId));
      found.byType.set(typeId, matches);
    }
    return matches;
  }
}
