// The work of the store's change requests (R1), loaded on first use (requests.ts is the facade):
// a `view` user's draft sent as a request, the requests listed, an `update` user's review of one in
// the cart (approved once saved) or its decline. The rules are core's (`requestRefusal`).
import { requestCarried, requestDraft, requestRefusal } from '../core/requests.js';
import type { ChangeRequest } from '../core/index.js';
import { NotSupportedError, toLicensingError, type LicensingError } from '../adapters/errors.js';
import { newKey } from './guards.js';
import type { RequestList, RequestResult, RequestsHost, RequestsPart } from './requests.js';
import type { LicensingState } from './state.js';

/**
 * The commit's change request was approved or declined meanwhile (`ConflictError.reason`), or is
 * gone (`NotFoundError.reason`: a reset, a re-seed): either way the review is over.
 */
const requestEnded = (error: LicensingError | undefined): boolean => {
  const reason = error?.reason;
  return reason === 'request-decided' || reason === 'request-not-found';
};

/** The store's change requests behind the facade. */
export class Requests implements RequestsPart {
  /** Kept while the same draft is retried, so a retry never sends it twice. */
  private key: string | undefined;
  private keyFor = '';
  private sending: Promise<RequestResult> | undefined;
  /** What follows the end of a review (the list loaded again, or the approval), once started. */
  private ended: Promise<unknown> = Promise.resolve();

  constructor(private readonly host: RequestsHost) {}

  /**
   * Sends the draft with `note` as a request (R1: only while `drafting`); once sent, the draft is
   * emptied and `send` holds the pending request. Once however often called while it runs.
   */
  send(note: string): Promise<RequestResult> {
    return (this.sending ??= this.run(note).finally(() => (this.sending = undefined)));
  }

  private async run(note: string): Promise<RequestResult> {
    const { snapshot, draft, issues } = this.host.state();
    if (!snapshot) return { ok: false, reason: 'not-loaded' };
    const refusal = requestRefusal(snapshot.permission, issues, note);
    if (refusal) return { ok: false, reason: refusal };
    const { adapter } = this.host;
    if (!adapter.requestChange) return { ok: false, reason: 'not-supported' };
    const text = JSON.stringify([draft, note]);
    if (text !== this.keyFor) [this.key, this.keyFor] = [newKey(), text];
    this.host.patch({ send: { status: 'sending' } });
    try {
      const request = await adapter.requestChange(draft, note, { idempotencyKey: this.key! });
      this.key = undefined;
      this.keyFor = '';
      this.host.discard();
      this.host.patch({ send: { status: 'sent', request }, list: this.withRequest(request) });
      return { ok: true, request };
    } catch (thrown) {
      const error = toLicensingError(thrown);
      // The backend has no requests after all (a REST server without the routes): the cart routes
      // the request as for an adapter without `requestChange` (`licence-change-request`).
      if (error.kind === 'not-supported') {
        this.host.patch({ send: { status: 'idle' } });
        return { ok: false, reason: 'not-supported', error };
      }
      this.host.patch({ send: { status: 'failed', error } });
      return { ok: false, reason: 'failed', error };
    }
  }

  /** Loads the requests the user may see; the list keeps what it showed while it loads again. */
  async load(): Promise<readonly ChangeRequest[]> {
    const { adapter } = this.host;
    const { list } = this.host.state().requests;
    if (!adapter.listRequests) {
      const error = new NotSupportedError('Requests are not available here.');
      this.host.patch({ list: { ...list, status: 'error', error } });
      return [];
    }
    this.host.patch({ list: { ...list, status: 'loading', error: undefined } });
    try {
      const requests = await adapter.listRequests();
      this.host.patch({ list: { status: 'ready', requests } });
      return requests;
    } catch (thrown) {
      const error = toLicensingError(thrown);
      this.host.patch({ list: { ...this.host.state().requests.list, status: 'error', error } });
      return [];
    }
  }

  /**
   * "Review in cart" (`update`): the request's change, as it still applies, becomes the draft (the
   * cart's own draft is replaced); saving the cart marks the request approved.
   */
  review(request: ChangeRequest): boolean {
    const { snapshot, dirty, requests } = this.host.state();
    // Never over the admin's own unsaved changes: they are theirs to save or discard first.
    if (!snapshot || (dirty && requests.reviewing?.id !== request.id)) return false;
    this.host.discard();
    this.host.edit(requestDraft(snapshot, request));
    this.host.patch({ reviewing: request });
    return true;
  }

  /** Declines a pending request with `reason` (`update`); rejects with the adapter's typed error. */
  async decline(id: string, reason: string): Promise<ChangeRequest> {
    const { adapter } = this.host;
    if (!adapter.decideRequest) throw new NotSupportedError('Requests cannot be declined here.');
    try {
      const declined = await adapter.decideRequest(id, { outcome: 'declined', reason });
      this.host.patch({ list: this.withRequest(declined) });
      return declined;
    } catch (thrown) {
      throw toLicensingError(thrown);
    }
  }

  /**
   * Called on every change of state. A cart saved while reviewing a request: the adapter approved it
   * in the commit (`commitsRequests`), so the list is loaded again to show it; else it is approved
   * now. A save refused because the request was decided meanwhile (or is gone) ends the review (the draft
   * stays, the list shows the decision); a cart emptied without saving stops the review.
   */
  observe(state: LicensingState, previous: LicensingState): void {
    const { reviewing } = state.requests;
    if (!reviewing) return;
    const { commit } = state;
    if (commit.status === 'saved' && previous.commit.status !== 'saved') {
      this.host.patch({ reviewing: undefined });
      // Approved only when the save holds what was asked; an edited change leaves it pending.
      this.ended =
        this.host.adapter.commitsRequests || !requestCarried(commit.snapshot, reviewing)
          ? this.load()
          : this.approve(reviewing.id);
    } else if (
      commit.status === 'failed' &&
      previous.commit.status !== 'failed' &&
      requestEnded(commit.error)
    ) {
      this.host.patch({ reviewing: undefined });
      this.ended = this.load();
    } else if (!state.dirty && commit.status === 'idle') this.host.patch({ reviewing: undefined });
  }

  /**
   * Resolves once what followed the end of the last review is done (the list loaded again, or the
   * approval): the list then says what became of the request. Never rejects.
   */
  settled(): Promise<void> {
    return this.ended.then(() => undefined);
  }

  /**
   * The approval of an adapter without `commitsRequests`, after the save. Its failure is shown in
   * the requests list (the licences are saved by then), never swallowed.
   */
  private async approve(id: string): Promise<void> {
    try {
      const approved = await this.host.adapter.decideRequest?.(id, { outcome: 'approved' });
      if (approved) this.host.patch({ list: this.withRequest(approved) });
    } catch (thrown) {
      const error = toLicensingError(thrown);
      this.host.patch({ list: { ...this.host.state().requests.list, status: 'error', error } });
    }
  }

  /** The list with `request` replacing its older self (or first, when new). */
  private withRequest(request: ChangeRequest): RequestList {
    const { list } = this.host.state().requests;
    const others = list.requests.filter((r) => r.id !== request.id);
    const known = others.length !== list.requests.length;
    return {
      ...list,
      requests: known ? list.requests.map((r) => (r.id === request.id ? request : r)) : [request, ...others],
    };
  }
}
