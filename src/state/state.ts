// What the store hands out: the state every widget renders from, and the results of its methods.
import type {
  ChangeSet,
  LicensingSnapshot,
  Quote,
  UnderneathChange,
  ValidationIssue,
} from '../core/index.js';
import type { LicensingError } from '../adapters/errors.js';
import type { InstallationState } from './installation.js';

/** Where the cart's last save stands. */
export type CommitState =
  | { readonly status: 'idle' }
  | { readonly status: 'saving' }
  | { readonly status: 'saved'; readonly snapshot: LicensingSnapshot }
  | { readonly status: 'failed'; readonly error: LicensingError }
  /**
   * Someone else changed the licences meanwhile. The store reloaded, kept the draft, re-validated
   * it, and lists here what changed underneath; the user reviews and saves again.
   */
  | {
      readonly status: 'conflict';
      readonly error: LicensingError;
      readonly changes: readonly UnderneathChange[];
    };

/** Everything the widgets render from; replaced as a whole on every change, never mutated. */
export interface LicensingState {
  readonly status: 'idle' | 'loading' | 'ready' | 'error';
  readonly snapshot: LicensingSnapshot | undefined;
  /** Why the last load failed (status `error`), or why a reload failed while data is shown. */
  readonly error: LicensingError | undefined;
  /** The pending changes, without no-op entries. */
  readonly draft: ChangeSet;
  /**
   * `validate(snapshot, draft)` from the rule book. Empty while the store has no rules (see
   * `LicensingStore.useRules`): every widget that shows issues gives the store its rules.
   */
  readonly issues: readonly ValidationIssue[];
  /** `quote(snapshot, draft)` from the rule book; undefined until loaded, or without rules. */
  readonly quote: Quote | undefined;
  /**
   * The snapshot as it would be once the draft is saved (`applyDraft`): what the fields show,
   * so no element re-derives how a change applies. Undefined until loaded; the snapshot itself
   * while the store has no rules.
   */
  readonly planned: LicensingSnapshot | undefined;
  /**
   * The same object as `planned`.
   * @deprecated Renamed `planned`; `after` stays as an alias so existing hosts keep working.
   */
  readonly after: LicensingSnapshot | undefined;
  /** Whether the draft changes anything. */
  readonly dirty: boolean;
  /**
   * Whether the draft may be saved now: changes, no blocking issue, update permission, idle.
   * False while the store has no rules: without them no one can say that no error blocks it (R9).
   */
  readonly canSave: boolean;
  readonly commit: CommitState;
  readonly installation: InstallationState;
}

/** Why an edit was not taken into the draft. */
export type EditRefusal = 'not-loaded' | 'permission' | 'saving' | 'invalid';
export type EditResult = { readonly ok: true } | { readonly ok: false; readonly reason: EditRefusal };

/** How a save ended. */
export type CommitResult =
  | { readonly ok: true; readonly snapshot: LicensingSnapshot }
  | {
      readonly ok: false;
      readonly reason: 'not-loaded' | 'permission' | 'empty' | 'invalid' | 'failed' | 'conflict';
      readonly error?: LicensingError;
    };

export type StoreListener = (state: LicensingState, previous: LicensingState) => void;

/** The state of a store before its first load. */
export const initialState: LicensingState = Object.freeze<LicensingState>({
  status: 'idle',
  snapshot: undefined,
  error: undefined,
  draft: {},
  issues: [],
  quote: undefined,
  planned: undefined,
  after: undefined,
  dirty: false,
  canSave: false,
  commit: { status: 'idle' },
  installation: { status: 'idle' },
});
