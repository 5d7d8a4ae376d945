// Change requests in the store (R1): the state's shape, whether the user drafts a request, and the
// store's `requests` facade. The work (send, list, review, decline) is in requests-part.ts, loaded
// on first use, so widgets that never touch requests do not ship it.
import { canRequest } from '../core/permissions.js';
import type { ChangeRequest, LicensingSnapshot, RequestRefusal } from '../core/index.js';
import type { LicensingAdapter } from '../adapters/adapter.js';
import type { LicensingError } from '../adapters/errors.js';
import type { LicensingState } from './state.js';
/** Where the last "Send request" stands. */
export type RequestSendState =
  | { readonly status: 'idle' }
  | { readonly status: 'sending' }
  /** The adapter took it: `request` is the pending request. */
  | { readonly status: 'sent'; readonly request: ChangeRequest }
  | { readonly status: 'failed'; readonly error: LicensingError };

/** The requests the user may see (`listRequests`), newest first. */
export interface RequestList {
  readonly status: 'idle' | 'loading' | 'ready' | 'error';
  readonly requests: readonly ChangeRequest[];
  readonly error?: LicensingError | undefined;
}

/** `LicensingState.requests`. */
export interface RequestsState {
  /** The host turned requests on (`LicensingStore.allowRequests()`). */
  readonly enabled: boolean;
  /** R1 `canRequest`: requests on and `view` permission, so edits go into a draft of a request. */
  readonly drafting: boolean;
  readonly send: RequestSendState;
  readonly list: RequestList;
  /** The request an `update` user loaded into the cart; marked approved once the cart is saved. */
  readonly reviewing?: ChangeRequest | undefined;
}

/** How `sendRequest` ended. */
export type RequestResult =
  | { readonly ok: true; readonly request: ChangeRequest }
  | {
      readonly ok: false;
      /** `not-supported`: the adapter has no `requestChange` (the cart fires `licence-change-request`). */
      readonly reason: RequestRefusal | 'not-loaded' | 'not-supported' | 'failed';
      readonly error?: LicensingError;
    };

/** What the requests part needs of its store. */
export interface RequestsHost {
  readonly adapter: LicensingAdapter;
  state(): LicensingState;
  patch(requests: Partial<RequestsState>, rest?: Partial<LicensingState>): void;
  discard(): void;
  edit(changes: ChangeRequest['changes']): unknown;
}

/** The derived part: whether the user drafts a request now. */
export function drafting(enabled: boolean, snapshot: LicensingSnapshot | undefined): boolean {
  return enabled && !!snapshot && canRequest(snapshot.permission);
}

/** The store's change requests (`LicensingStore.requests`); each call loads requests-part.ts once. */
export interface StoreRequests {
  /** Whether the adapter can send and list requests. */
  readonly supported: boolean;
  /**
   * Sends the draft with `note` as a request (R1: only while `drafting`); once sent, the draft is
   * emptied and `state.requests.send` holds the pending request. Once however often called while it runs.
   */
  send(note: string): Promise<RequestResult>;
  /** Forgets the outcome of the last send (its notice was read). */
  forgetSent(): void;
  /** Loads the requests the user may see into `state.requests.list`. */
  load(): Promise<readonly ChangeRequest[]>;
  /**
   * "Review in cart" (`update`): the request's change, as it still applies, becomes the draft (the
   * cart's own draft is replaced); saving the cart marks the request approved. Resolves false, and
   * changes nothing, while the cart holds unsaved changes of its own.
   */
  review(request: ChangeRequest): Promise<boolean>;
  /** Declines a pending request with `reason` (`update`); rejects with the adapter's typed error. */
  decline(id: string, reason: string): Promise<ChangeRequest>;
  /**
   * Resolves once what follows the end of a review is done: after a save, the list loaded again
   * (or the request approved, by an adapter without `commitsRequests`), so `state.requests.list`
   * says what became of the request.
   */
  settled(): Promise<void>;
}

/** The facade over requests-part.ts, loaded on first use; `loaded` is told of it (for `observe`). */
export function storeRequests(host: RequestsHost, loaded: (part: RequestsPart) => void): StoreRequests {
  let loading: Promise<RequestsPart> | undefined;
  const part = () =>
    (loading ??= import('./requests-part.js').then(
      ({ Requests }) => {
        const made = new Requests(host);
        loaded(made);
        return made;
      },
      (error: unknown) => {
        loading = undefined; // a chunk that failed to load (a deploy replaced it) is asked again
        throw error;
      },
    ));
  return {
    get supported() {
      const { adapter } = host;
      return typeof adapter.requestChange === 'function' && typeof adapter.listRequests === 'function';
    },
    send: (note) => part().then((p) => p.send(note)),
    forgetSent: () => host.patch({ send: { status: 'idle' } }),
    load: () => part().then((p) => p.load()),
    review: (request) => part().then((p) => p.review(request)),
    decline: (id, reason) => part().then((p) => p.decline(id, reason)),
    settled: () => part().then((p) => p.settled()),
  };
}

/** What requests-part.ts exports: the work behind the facade. */
export interface RequestsPart {
  send(note: string): Promise<RequestResult>;
  load(): Promise<readonly ChangeRequest[]>;
  review(request: ChangeRequest): boolean;
  decline(id: string, reason: string): Promise<ChangeRequest>;
  observe(state: LicensingState, previous: LicensingState): void;
  settled(): Promise<void>;
}
