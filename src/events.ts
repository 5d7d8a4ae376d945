import type {
  ChangeRecord,
  ChangeSet,
  InstallationLicense,
  LicensingSnapshot,
  Quote,
  ValidationIssue,
} from './core/index.js';
import type { LicensingError } from './adapters/errors.js';
import type { CommitResult } from './state/licensing-store.js';

/**
 * Every public event of licence-kit: prefixed `licence-`, bubbling and composed (they leave the
 * widgets' shadow roots), with a typed `detail`, declared in `HTMLElementEventMap` so
 * `addEventListener` is typed for hosts. "About to" events are cancelable.
 */
export interface LicenceChangeDetail {
  /** The whole draft after the change. */
  draft: ChangeSet;
}
export interface LicenceCommitDetail {
  /** The snapshot after the commit. */
  snapshot: LicensingSnapshot;
  /**
   * What was saved, for finance and audits: before, after, the quote per line, who (the cart's
   * `user`) and when (`at`, the moment the save succeeded). The review's "Download summary" saves
   * the same record.
   */
  record: ChangeRecord;
}
export interface LicenceCommitErrorDetail {
  error: LicensingError;
  /** `conflict`: the store reloaded and kept the draft; `failed`: nothing was saved. */
  reason: Extract<CommitResult, { ok: false }>['reason'];
}
export interface LicenceBeforeCommitDetail {
  /** What is about to be saved. */
  draft: ChangeSet;
}
export interface LicenceLeaveDetail {
  /** The changes that would be lost. */
  draft: ChangeSet;
}
export interface LicenceShowProblemDetail {
  /** The problem to show: its `typeId` or `field` says which card fixes it. */
  issue: ValidationIssue;
}
export interface LicenceShowUsageDetail {
  /** The licence type whose users to show. */
  typeId: string;
}
/** Detail of `licence-back-to-cart` (issue #22). */
export interface LicenceBackToCartDetail {
  /** The licence type whose blocked reduction is now valid. */
  typeId: string;
}

/** Detail of `licence-token-copy`. */
export interface LicenceTokenCopyDetail {
  /** The token the user asked to copy. */
  token: string;
  /**
   * Whether it is on the clipboard. `false`: the browser refused or has no clipboard, so the token
   * was selected and the user was told to press Ctrl+C (Cmd+C).
   */
  copied: boolean;
}

/** Detail of `licence-key-apply`. */
export interface LicenceKeyApplyDetail {
  /** The installation licence after the key was applied. */
  licence: InstallationLicense;
}

/** Detail of `licence-log-download`. */
export interface LicenceLogDownloadDetail {
  /** The name the file was saved under, as the adapter gave it. */
  filename: string;
}

/** `detail` of `licence-usage-filter-change`. */
export interface UsageOverviewFilterChangeDetail {
  /** The licence type shown; `''` for every type. */
  typeId: string;
  /** The search applied (trimmed); `''` for none. */
  search: string;
}

/** `detail` of `licence-usage-export`. */
export interface UsageOverviewExportDetail extends UsageOverviewFilterChangeDetail {
  /** The CSV file (UTF-8 with a byte order mark, so spreadsheets read accents). */
  blob: Blob;
  /** The suggested file name. */
  filename: string;
  /** Agents in the file. */
  rows: number;
}

/** `detail` of `licence-summary-download`. */
export interface LicenceSummaryDownloadDetail {
  /** The reviewed change, as `licence-commit` carries it once saved; `at` is when it was downloaded. */
  record: ChangeRecord;
  format: 'json' | 'csv';
  /** The file: the record as JSON, or one CSV row per change and a total (UTF-8 with a BOM). */
  blob: Blob;
  /** The suggested file name. */
  filename: string;
}

/** `detail` of `licence-usage-threshold` (R11). */
export interface LicenceUsageThresholdDetail {
  /** `speech-to-text`, or the id of a Power Pack service (`smart-routing`, `ai-topics`, `ai-qa`, …). */
  service: string;
  /** The threshold crossed, in percent of the limit (75, 90, 100 by default). */
  threshold: number;
  /**
   * The saved account's usage this month: `used` of `limit` (minutes, base pack included, for
   * Speech-to-Text; packs for a Power Pack service) and `percent` = used / limit × 100, unrounded.
   */
  usage: { used: number; limit: number; percent: number };
}

/** `detail` of `licence-change-request`. */
export interface LicenceChangeRequestDetail {
  /** The change a `view` user asks for (the cart's draft). */
  changes: ChangeSet;
  /** Its quote now (R5); undefined when its amounts cannot be priced. */
  quote: Quote | undefined;
  /** The requester's note, trimmed; may be empty. */
  note: string;
}

/** Dispatches a licence-kit event from `target`; returns false when a listener cancelled it. */
export function emit<K extends keyof LicenceEventMap>(
  target: EventTarget,
  type: K,
  detail: LicenceEventMap[K]['detail'],
  { cancelable = false }: { cancelable?: boolean } = {},
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}

export interface LicenceEventMap {
  /** The draft changed through this widget. */
  'licence-change': CustomEvent<LicenceChangeDetail>;
  /** About to commit the cart; cancel to stop it. */
  'licence-before-commit': CustomEvent<LicenceBeforeCommitDetail>;
  /** The cart was committed. */
  'licence-commit': CustomEvent<LicenceCommitDetail>;
  /** The commit failed; the draft is kept. */
  'licence-commit-error': CustomEvent<LicenceCommitErrorDetail>;
  /**
   * The page is about to be left with unsaved changes (`beforeunload`, or a router asking
   * `licence-cart`'s `canLeave()`). Cancel it to let the page go without asking.
   */
  'licence-leave': CustomEvent<LicenceLeaveDetail>;
  /** The cart's user asked to see the first problem that blocks the save. Cancel to show it yourself. */
  'licence-show-problem': CustomEvent<LicenceShowProblemDetail>;
  /** The user asked to see who uses a licence type (e.g. before a reduction). Cancel to handle it yourself. */
  'licence-show-usage': CustomEvent<LicenceShowUsageDetail>;
  /** The user copied an installation token (or it was selected for a manual copy). */
  'licence-token-copy': CustomEvent<LicenceTokenCopyDetail>;
  /** A pasted licence key was applied. */
  'licence-key-apply': CustomEvent<LicenceKeyApplyDetail>;
  /** The licence log file was saved. */
  'licence-log-download': CustomEvent<LicenceLogDownloadDetail>;
  /** The user changed the usage overview's licence type or search. */
  'licence-usage-filter-change': CustomEvent<UsageOverviewFilterChangeDetail>;
  /** The usage CSV is ready; cancel to handle the file yourself instead of the download. */
  'licence-usage-export': CustomEvent<UsageOverviewExportDetail>;
  /** The cart's review summary is ready; cancel to handle the file yourself instead of the download. */
  'licence-summary-download': CustomEvent<LicenceSummaryDownloadDetail>;
  /** A usage-based service's usage reached a threshold of its limit (R11); once per crossing. */
  'licence-usage-threshold': CustomEvent<LicenceUsageThresholdDetail>;
  /**
   * A `view` user sent a change request and the adapter has no `requestChange`: route it (mail, a
   * ticket) and cancel the event to say it was taken; not cancelled, the cart says it went nowhere.
   */
  'licence-change-request': CustomEvent<LicenceChangeRequestDetail>;
  /**
   * The usage overview's "Back to the cart": enough licences of `detail.typeId` were freed for the
   * pending reduction (`licence-manager` closes the overview's dialog and focuses the cart).
   */
  'licence-back-to-cart': CustomEvent<LicenceBackToCartDetail>;
}

// `GlobalEventHandlersEventMap` is what `HTMLElementEventMap`, `DocumentEventMap` and
// `WindowEventMap` all extend, so listeners on an element, `document` and `window` are typed (the
// events bubble and are composed, so they reach all three).
declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends LicenceEventMap {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends LicenceEventMap {}
}
