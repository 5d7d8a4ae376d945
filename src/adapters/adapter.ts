import type {
  ChangeRequest,
  ChangeSet,
  HistoryPage,
  HistoryQuery,
  InstallationLicense,
  LicensingSnapshot,
  UsagePage,
  RequestDecision,
  UsageQuery,
  Agent,
  AgentAssignment,
  AssignmentOptions,
  AssignmentSelection,
} from '../core/index.js';

/** Options every adapter method accepts. */
export interface RequestOptions {
  /**
   * Aborts the request. The store aborts a load that a newer load replaced, and the usage overview
   * aborts the previous search; reject with the signal's reason (an `AbortError`) when it fires.
   */
  signal?: AbortSignal;
}

/** Options of `commit`. */
export interface CommitOptions extends RequestOptions {
  /**
   * The `version` of the snapshot the draft was made against (optimistic concurrency). When the
   * backend's current version differs, reject with `ConflictError` and change nothing.
   */
  expectedVersion: string;
  /**
   * One key per cart. A commit that arrives again with a key the backend has already applied must
   * return the first result and change nothing, so a retry after a lost answer never charges
   * twice. The store keeps the key while the user retries the same cart and makes a new one when
   * the cart changes or was saved.
   */
  idempotencyKey: string;
}

/** A file the user downloads. */
export interface DownloadedFile {
  /** Name to save under, e.g. `license-2026-11-23.log`. */
  filename: string;
  blob: Blob;
}

/**
 * How licence-kit talks to a backend. Implement it to wire the widgets to your own API, or serve
 * the REST contract (`openapi.yaml`) and use `RestAdapter`. `MemoryAdapter` is the built-in one
 * for demos, stories and tests.
 *
 * Every method returns plain data (see `licence-kit/core` for the types) and rejects with one of
 * the typed errors of `licence-kit` (`PermissionError`, `ConflictError`, `ValidationError`,
 * `NetworkError`, `TimeoutError`, `NotFoundError`, `ServerError`, `BadResponseError`), so the
 * widgets can say what happened and what to do. Any other rejection is shown as a generic failure.
 *
 * Run the conformance suite from `licence-kit/testing` against your adapter to check it.
 */
export interface LicensingAdapter {
  /**
   * The current licensing state of the account, with `version` identifying it and `permission`
   * saying what the signed-in user may do (`none` still resolves: the widgets show "no access").
   * Called once per store, however many widgets share it.
   */
  load(options?: RequestOptions): Promise<LicensingSnapshot>;

  /**
   * One page of agents and their licence types, filtered by `query.typeId` and `query.search`
   * (case-insensitive, name or email) on the backend, ordered stably (e.g. by name).
   * `total` counts every match; `countsByType` counts the agents per type with the search applied
   * and the type filter not (the filter shows them next to each type).
   */
  listUsage(query: UsageQuery, options?: RequestOptions): Promise<UsagePage>;

  /**
   * Applies the change set (the cart) and resolves with the new snapshot, whose `version` differs
   * from the old one. Validate it with the same rules (`validate` from `licence-kit/core`) and
   * reject with `ValidationError` when it breaks one; with `ConflictError` when `expectedVersion`
   * is stale; with `PermissionError` when the user may not update. A rejected commit changes
   * nothing.
   */
  commit(changes: ChangeSet, options: CommitOptions): Promise<LicensingSnapshot>;

  /**
   * Optional. The installation licence (token, plan, expiry, grace period). Without it,
   * `license-token`, `license-details` and that part of `licence-manager` say it is not available.
   */
  getInstallationLicense?(options?: RequestOptions): Promise<InstallationLicense>;

  /**
   * Optional. Applies a licence key pasted by the user and resolves with the updated licence;
   * rejects with `ValidationError` (whose `detail` says why) when the key is refused. Without it,
   * the manual update button is not offered.
   */
  applyLicenseKey?(key: string, options?: RequestOptions): Promise<InstallationLicense>;

  /** Optional. The licence log file. Without it, the download button is not offered. */
  downloadLicenseLog?(options?: RequestOptions): Promise<DownloadedFile>;

  /**
   * Optional. Calls `onChange` with a new snapshot whenever the backend's state changes for
   * another reason (another tab, another admin); returns the function that stops listening.
   * Without it, widgets see other people's changes on the next load or on a commit conflict.
   */
  subscribe?(onChange: (snapshot: LicensingSnapshot) => void): () => void;

  /**
   * Optional. One page of the account's accepted commits, newest first (`<licence-history>`):
   * who, when, each change from → to and the invoice effect as quoted then, filtered by
   * `query.type` (a licence type id, or `retention`, `speech-to-text`, `power-pack`) and the
   * period [`query.from`, `query.to`) on the backend; `total` counts every match. `view` and
   * `update` may read it; reject with `PermissionError` for `none`. Build entries with
   * `historyEntry` and pages with `historyPage` from `licence-kit/core`. Without it, the history
   * says it is not available.
   */
  listHistory?(query: HistoryQuery, options?: RequestOptions): Promise<HistoryPage>;

  /**
   * Optional. Sends `changes` as a request (R1: only a `view` user may; reject with
   * `PermissionError` otherwise, with `ValidationError` when it breaks a rule other than the
   * permission or the note is longer than `MAX_REQUEST_NOTE`) and resolves with the pending request.
   * `options.idempotencyKey` makes a retry return the first request. Without it, `<licence-cart>`
   * fires the cancelable `licence-change-request` event for the host to route the request.
   */
  requestChange?(changes: ChangeSet, note: string, options: RequestChangeOptions): Promise<ChangeRequest>;

  /**
   * Optional. The requests the user may see, newest first: every request for an `update` user, the
   * user's own for a `view` user. Without it the requests panel is not offered.
   */
  listRequests?(options?: RequestOptions): Promise<readonly ChangeRequest[]>;

  /**
   * Optional. Marks a pending request declined (with the reason) or approved (called by the store
   * after the request's change was saved through the cart). Needs `update` (`PermissionError`);
   * `NotFoundError` for an unknown id, `ConflictError` when it was already decided.
   */
  decideRequest?(id: string, decision: RequestDecision, options?: RequestOptions): Promise<ChangeRequest>;

  /**
   * Optional (R12, with `unassign`). Gives licence type `typeId` to the selected agents (by id, or
   * every agent a usage filter matches, resolved by the backend) and resolves with the new snapshot
   * (`inUse` moved, a new `version`) and the agents that changed (those already holding it are
   * left alone). Judge it with `planAssignment` from `licence-kit/core`; reject with
   * `AssignmentError` (a `ValidationError` whose `problems` carry the R12 codes) when it is
   * refused, `ConflictError` when `expectedVersion` is stale, `PermissionError` without `update`.
   * Notify subscribers as a commit does. Without both methods the usage overview stays read-only.
   */
  assign?(typeId: string, selection: AssignmentSelection, options: AssignOptions): Promise<AssignmentResult>;

  /** Optional (R12, with `assign`). Takes licence type `typeId` away from the selected agents; as `assign`. */
  unassign?(
    typeId: string,
    selection: AssignmentSelection,
    options: AssignOptions,
  ): Promise<AssignmentResult>;
}

/** Options of `requestChange`. */
export interface RequestChangeOptions extends RequestOptions {
  /** One key per request sent: a retry with the same key returns the first request. */
  idempotencyKey: string;
}

/** The names of the adapter's methods, for fault injection in tests and stories. */
export type AdapterMethod =
  | 'load'
  | 'listUsage'
  | 'commit'
  | 'getInstallationLicense'
  | 'applyLicenseKey'
  | 'downloadLicenseLog'
  | 'listHistory';

/**
 * Failures the memory adapter and the MSW handlers can be told to produce, so stories, the demo
 * and tests can show each one. `unavailable` is a 503 and `rate-limited` a 429, both with
 * `Retry-After: 1` over HTTP.
 */
export type Failure =
  | 'network'
  | 'server'
  | 'unavailable'
  | 'rate-limited'
  | 'timeout'
  | 'forbidden'
  | 'conflict'
  | 'validation'
  | 'malformed';

/** The optional request methods, for fault injection like `AdapterMethod` (`MemoryAdapter.failNext`). */
export type RequestMethod = 'requestChange' | 'listRequests' | 'decideRequest';

/** Options of `assign` and `unassign` (R12). */
export interface AssignOptions extends RequestOptions, AssignmentOptions {
  /**
   * The `version` of the snapshot the admin decided on (`If-Match` over HTTP). When the backend's
   * differs, reject with `ConflictError` and change nothing.
   */
  expectedVersion: string;
  /** One key per action: a retry with the same key returns the first answer and changes nothing. */
  idempotencyKey: string;
}

/** The answer of `assign` and `unassign` (R12). */
export interface AssignmentResult {
  /** The new snapshot: `inUse` moved, a new `version`; counts and peaks as they were. */
  readonly snapshot: LicensingSnapshot;
  /** The agents that changed, as they are now. */
  readonly agents: readonly Agent[];
  /**
   * What each of them gained and lost (R12's plan; with "both" the linked types too). Undo:
   * `undoAssignment(result)` from `licence-kit/core` lists the calls that give each agent back
   * exactly what it had (the opposite call with the ids alone would leave a linked type out).
   */
  readonly changes: readonly AgentAssignment[];
}

/** The optional assignment methods, for fault injection like `AdapterMethod` (`MemoryAdapter.failNext`). */
export type AssignmentMethod = 'assign' | 'unassign';
