// The cart in request mode (R1): a `view` user's draft is a request, never a purchase. The bar and
// the review say "request", show the quote, take a note, and "Send request" instead of Save: through
// the adapter's `requestChange`, else as the cancelable `licence-change-request` event for the host
// to route. Apart from the cart's component, which delegates here while `requests.drafting`.
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { MAX_REQUEST_NOTE, type LicensingSnapshot, type ValidationIssue } from '../../core/index.js';
import type { LicensingError } from '../../adapters/errors.js';
import { emit } from '../../events.js';
import type { CommonMessages } from '../../i18n/common.js';
import { issueText, messages as issueMessages } from '../../i18n/issues.js';
import { namesFrom } from '../../i18n/names.js';
import type { LicensingState, LicensingStore } from '../../state/licensing-store.js';
import type { Toast } from '../../ui/toast.js';
import type { CartTimeline } from './cart-timeline.js';
import { goTo } from './cart-page.js';
import { quoteTable } from './cart-review.js';
import { barTotals, problemPlace, type Row } from './cart-rows.js';
import { messages as requestMessages } from './cart-request.messages.js';
import type { LicenceCartMessages } from './licence-cart.messages.js';

/** What the cart lends its request mode. */
export interface CartRequestBridge {
  store(): LicensingStore | undefined;
  section<T extends object>(name: string, english: T): T;
  t(): CommonMessages;
  cart(): LicenceCartMessages;
  errorText(error: LicensingError): string;
  toast(): Toast | null;
  /** The review's "When each change applies" (cart-timeline.ts), loaded on first use. */
  timeline(): Promise<CartTimeline | undefined>;
  /** Says `text` once it has settled, in the cart's polite live region (issue #23). */
  announce(text: string): void;
}

/** What blocks a request: every error but the permission, which is what makes it a request. */
export const requestBlocking = (issues: readonly ValidationIssue[]) =>
  issues.filter(
    (i) => i.severity === 'error' && i.code !== 'nothing-to-commit' && i.code !== 'permission-denied',
  );

/** The cart's request mode. */
export class CartRequest {
  private note = '';
  /** Said in the review: the last send failed, or could not go anywhere. */
  private problem = '';
  /** Said in the bar once a request has gone, until the next change: where focus lands after sending. */
  private outcome = '';
  /** When each change applies, as in the normal review; loaded with the first review. */
  private timeline: CartTimeline | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly bridge: CartRequestBridge,
  ) {}

  private get m() {
    return this.bridge.section('cart-request', requestMessages);
  }

  private get dialog(): HTMLDialogElement | null {
    return this.host.shadowRoot!.querySelector('dialog');
  }

  /** Opens the review of the request, unless a problem blocks it (the bar says where). */
  review(): void {
    const state = this.bridge.store()?.state;
    if (!state?.dirty || requestBlocking(state.issues).length || this.dialog?.open) return;
    this.problem = '';
    this.dialog?.showModal();
    this.host.requestUpdate();
    // As in the normal review: Send is there at once, the timeline follows with its chunk.
    if (!this.timeline) {
      void this.bridge.timeline().then((timeline) => {
        this.timeline = timeline;
        this.host.requestUpdate();
      });
    }
  }

  /** "Send request": the adapter's `requestChange`, else the host's `licence-change-request`. */
  private async send(): Promise<void> {
    const store = this.bridge.store();
    if (!store) return;
    const { draft, quote } = store.state;
    const note = this.note.trim();
    // A backend found to have no requests (not-supported) is routed like an adapter without them.
    const result = store.adapter.requestChange ? await store.requests.send(note) : undefined;
    if (!result || (!result.ok && result.reason === 'not-supported')) {
      const routed = !emit(
        this.host,
        'licence-change-request',
        { changes: draft, quote, note },
        { cancelable: true },
      );
      if (!routed) {
        this.problem = this.m.nowhere;
        this.host.requestUpdate();
        return;
      }
      this.finish(store, this.m.handedOver);
      return;
    }
    if (result.ok) this.finish(store, this.m.sent);
    else {
      this.problem = result.error ? `${this.bridge.errorText(result.error)} ${this.m.failed}` : this.m.failed;
      this.host.requestUpdate();
    }
  }

  private finish(store: LicensingStore, words: string): void {
    if (store.state.dirty) store.discard();
    this.note = '';
    this.problem = '';
    this.outcome = words;
    this.host.requestUpdate();
    this.dialog?.close();
    this.bridge.toast()?.show(words, 'success', 8000);
    emit(this.host, 'licence-change', { draft: store.state.draft });
  }

  /**
   * The review closed (Back, Escape, or sent): focus goes back to "Review request", or, once the
   * request is sent and the bar has nothing to review, to the bar's summary that says so.
   */
  private async onClose(): Promise<void> {
    await this.host.updateComplete;
    const root = this.host.shadowRoot!;
    const button = root.querySelector<HTMLButtonElement>('[part~="request-button"]');
    if (button && !button.disabled) button.focus();
    else root.querySelector<HTMLElement>('[part~="summary"]')?.focus();
  }

  private showProblem(issue: ValidationIssue, snapshot: LicensingSnapshot): void {
    if (!emit(this.host, 'licence-show-problem', { issue }, { cancelable: true })) return;
    const place = problemPlace(issue, snapshot, this.bridge.cart(), this.bridge.t());
    if (place) goTo(this.host, place);
  }

  private discard(): void {
    const store = this.bridge.store();
    store?.discard();
    this.note = '';
    emit(this.host, 'licence-change', { draft: store?.state.draft ?? {} });
  }

  /** The bar and the review of a request. */
  render(state: LicensingState, rows: Row[], count: number): TemplateResult {
    const m = this.m;
    const cart = this.bridge.cart();
    const snapshot = state.snapshot!;
    const blocking = requestBlocking(state.issues);
    const totals = state.quote && barTotals(state.quote, blocking, snapshot.recording?.typeId);
    const first = blocking[0];
    const place = first && problemPlace(first, snapshot, cart, this.bridge.t());
    const sending = state.requests.send.status === 'sending';
    if (state.dirty) this.outcome = '';
    // Not a live region: it changes with each keystroke; the cart's announcer says the total once.
    this.bridge.announce(state.dirty ? (totals ? cart.totalAnnounced(totals.thisMonth) : '') : this.outcome);
    return html`<section part="base" aria-label=${m.title} data-mode="request">
        <p part="summary" tabindex="-1">
          ${
            state.dirty
              ? html`<span part="count">${m.changes(count)}</span>
                  ${totals ? html`<span>${cart.thisMonth(totals.thisMonth)}</span><span>${cart.nextMonth(totals.nextMonth)}</span>` : nothing}`
              : this.outcome || m.empty
          }
        </p>
        ${
          state.dirty && first
            ? html`<p part="problems">
                <strong>${m.problems(blocking.length)}</strong>
                ${place ? html`<button class="link" part="problem-button" type="button" @click=${() => this.showProblem(first, snapshot)}>${cart.goTo(place.name)}</button>` : nothing}
              </p>`
            : nothing
        }
        ${
          state.dirty
            ? html`<div class="actions">
                <button
                  class="button"
                  part="discard-button"
                  type="button"
                  ?disabled=${sending}
                  @click=${() => this.discard()}
                >
                  ${cart.discard}
                </button>
                <button
                  class="button primary"
                  part="request-button"
                  type="button"
                  aria-haspopup="dialog"
                  ?disabled=${!!first}
                  @click=${() => this.review()}
                >
                  ${m.review}
                </button>
              </div>`
            : nothing
        }
      </section>
      ${this.renderReview(state, rows, sending)}`;
  }

  private renderReview(state: LicensingState, rows: Row[], sending: boolean) {
    const m = this.m;
    const cart = this.bridge.cart();
    const { quote } = state;
    const snapshot = state.snapshot!;
    const names = namesFrom(snapshot, this.bridge.t());
    const words = this.bridge.section('issues', issueMessages);
    const warnings = state.issues.filter((i) => i.severity === 'warning');
    return html`<dialog
      part="dialog"
      aria-labelledby="request-title"
      @cancel=${(e: Event) => sending && e.preventDefault()}
      @close=${() => void this.onClose()}
    >
      <h2 id="request-title">${m.reviewTitle}</h2>
      <p part="invoice-warning">${m.notAPurchase}</p>
      ${this.problem ? html`<p part="failure" role="alert">${this.problem}</p>` : nothing}
      ${quoteTable(rows, quote, cart, m.reviewTitle)} ${this.timeline?.section(rows, snapshot.period)}
      <p part="rule">${cart.highWater}</p>
      ${
        warnings.length
          ? html`<section part="warnings" aria-label=${cart.warnings}>
              <h3>${cart.warnings}</h3>
              <ul>
                ${warnings.map((i) => html`<li>${issueText(i, names, words)}</li>`)}
              </ul>
            </section>`
          : nothing
      }
      <label class="note" part="note">
        <span>${m.note}</span>
        <textarea
          rows="3"
          maxlength=${MAX_REQUEST_NOTE}
          aria-describedby="note-hint"
          .value=${live(this.note)}
          ?disabled=${sending}
          @input=${(e: Event) => (this.note = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
        <span id="note-hint" class="hint">${m.noteHint}</span>
      </label>
      <footer>
        <button
          class="button"
          part="back-button"
          type="button"
          ?disabled=${sending}
          @click=${() => this.dialog?.close()}
        >
          ${cart.back}
        </button>
        <button
          class="button primary"
          part="confirm-button"
          type="button"
          ?disabled=${!state.dirty}
          aria-busy=${sending ? 'true' : 'false'}
          @click=${() => void this.send()}
        >
          ${sending ? m.sending : m.send}
        </button>
      </footer>
    </dialog>`;
  }
}

// What the cart says of a change request it saved, in this chunk (cart-saved-load.ts).
export { requestErrorText, requestSavedText } from './cart-saved.js';
