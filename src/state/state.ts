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
import type { RequestsState } from './requests.js';

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

/**
 * What other admins changed since this page last saved (or since the notice was forgotten), however
 * it learnt of it: an adapter that pushes changes (`subscribe`: the memory adapter, another tab), a
 * reload that brought a newer version (REST), or the reload after a save's conflict. The same
 * changes as a conflict's, counted from the first snapshot they changed: a value changed back is
 * not listed. The user's own values are never listed as another's.
 */
export interface ChangedElsewhere {
  /** Every value someone else changed: `from` as this page showed it, `to` as it is now. */
  readonly changes: readonly UnderneathChange[];
  /**
   * The same changes by the card they show on, keyed by its `type-id`: a licence type's count under
   * its id, the retention under the call-recording type's, Speech-to-Text under `speech-to-text`,
   * the Power Pack's switch and limits under `power-pack` (`cardOf` in `core/conflict-notice.ts`).
   * A permission change is in `changes` only. For "Changed by someone else: now 222" on a card.
   */
  readonly byType: Readonly<Record<string, readonly UnderneathChange[]>>;
}

/** Everything the widgets render from; replaced as a whole on every change, never mutated. */
export interface LicensingState {
  readonly status: 'idle' | 'loading' | 'ready' | 'error';
  readonly snapshot: LicensingSnapshot | undefined;
  /**
   * Why the last load failed (status `error`), or why a reload failed while data is shown (status
   * `ready`: the snapshot is kept, and is as old as `loadedAt`; "Couldn't refresh — showing data
   * from 10:42 · Try again", where Try again is `reload()`). Kept while that reload is retried;
   * cleared once data arrives again (a load, a save, a change the adapter pushes).
   */
  readonly error: LicensingError | undefined;
  /**
   * When the snapshot shown arrived (milliseconds since the epoch, `Date.now()`): its load, the
   * save that answered it, or the adapter's push. Undefined before the first load.
   */
  readonly loadedAt?: number | undefined;
  /**
   * What other admins changed since this page last saved, with a lookup per card; undefined when
   * nothing. Forgotten on a successful save and by `LicensingStore.forgetChangedElsewhere()`.
   */
  readonly changedElsewhere?: ChangedElsewhere | undefined;
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
  /**
   * Change requests (R1): whether this user drafts a request (`drafting`: the host turned requests
   * on with `allowRequests()`, and the user has `view`), the last request sent, the requests listed
   * and the one an `update` user is reviewing in the cart. See `RequestsState`.
   */
  readonly requests: RequestsState;
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
  requests: {
    enabled: false,
    drafting: false,
    send: { status: 'idle' },
    list: { status: 'idle', requests: [] },
  },
});
