import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import {
  MAX_REQUEST_NOTE,
  canEdit,
  quote,
  requestDraft,
  requestUnderneath,
  type ChangeRequest,
  type LicensingSnapshot,
} from '../../core/index.js';
import { RulesWidget } from '../../base/rules-widget.js';
import { emit } from '../../events.js';
import { messages as cartMessages } from '../licence-cart/licence-cart.messages.js';
import { cartRows, underneathText } from '../licence-cart/cart-rows.js';
import { messages } from './requests-panel.messages.js';

/**
 * Internal to `<licence-manager requests>` (part `requests`, hidden with `hide="requests"`): the
 * change requests (R1). An `update` user sees every request — who, when, the change, the note, what
 * it would cost if saved now, what changed since it was sent — with "Review in cart" (the request
 * becomes the cart's draft; saving it marks it approved) and "Decline…" with a reason. A `view`
 * user sees their own requests and each outcome. Loaded on first use, like the seat table.
 */
export class RequestsPanel extends RulesWidget {
  static override styles = [
    RulesWidget.styles,
    css`
      ol {
        display: grid;
        gap: var(--_space-m);
        margin: 0;
        padding: 0;
        list-style: none;
      }
      ol > li {
        display: grid;
        gap: var(--_space-xs);
        padding: var(--_space-m);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
      }
      p,
      ul,
      h4 {
        margin: 0;
      }
      h4 {
        font-size: 1rem;
      }
      .meta,
      .hint {
        color: var(--_muted);
        font-size: 0.875rem;
      }
      .status {
        font-weight: 600;
      }
      .underneath {
        padding-inline-start: var(--_space-s);
        border-inline-start: 4px solid var(--_warning);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space-s);
      }
      label {
        display: grid;
        gap: var(--_space-xs);
        font-weight: 600;
      }
      textarea {
        font: inherit;
        padding: var(--_space-xs) var(--_space-s);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
        color: var(--_text);
      }
    `,
  ];

  /** The request whose decline form is open, and its reason. */
  @state() private declining: string | undefined;
  @state() private reason = '';
  @state() private said = '';
  private loadedFor: unknown;

  private get m() {
    return this.locale.section('requests-panel', messages);
  }

  protected override updated(): void {
    // Loads once per store (and again on Try again); the list lives in the store's state.
    const store = this.licensing.store;
    if (store?.state.snapshot && this.loadedFor !== store) {
      this.loadedFor = store;
      // After this update: the load's first change of state renders the panel again.
      void Promise.resolve().then(() => store.requests.load());
    }
  }

  private when(iso: string): string {
    return new Intl.DateTimeFormat(this.locale.lang, { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(iso),
    );
  }

  private async reviewInCart(request: ChangeRequest): Promise<void> {
    const store = this.licensing.store!;
    if (!(await store.requests.review(request))) {
      this.said = this.m.cartBusy;
      return;
    }
    emit(this, 'licence-change', { draft: store.state.draft });
    this.said = this.m.inCart;
  }

  private async decline(id: string): Promise<void> {
    const store = this.licensing.store!;
    try {
      await store.requests.decline(id, this.reason.trim());
      this.declining = undefined;
      this.reason = '';
      this.said = this.m.declined;
      void this.focusAfter(id, false);
    } catch (error) {
      this.said = `${this.m.declineFailed} ${this.errorText(error as Parameters<typeof this.errorText>[0])}`;
    }
  }

  /** Opens or closes a request's decline form; focus follows (never left on the page's body). */
  private setDeclining(id: string | undefined, from: string): void {
    this.declining = id;
    this.reason = '';
    void this.focusAfter(from, id !== undefined);
  }

  /**
   * Where focus goes once the form it was in is gone: into the reason when the form opens; after
   * Cancel, back to that request's "Decline…"; after a decline, the next request with buttons (or
   * the first one), else the list's heading.
   */
  private async focusAfter(id: string, opening: boolean): Promise<void> {
    await this.updateComplete;
    const root = this.renderRoot;
    const items = [...root.querySelectorAll<HTMLElement>('li[data-request]')];
    const at = items.findIndex((li) => li.dataset.request === id);
    const own = items[at];
    if (opening) return own?.querySelector('textarea')?.focus();
    if (this.declining === undefined && own?.querySelector('.actions')) {
      return own.querySelector<HTMLElement>('[data-decline]')?.focus();
    }
    const next = [...items.slice(at + 1), ...items.slice(0, Math.max(at, 0))]
      .map((li) => li.querySelector<HTMLElement>('.actions button'))
      .find((b) => b);
    (next ?? root.querySelector<HTMLElement>('#requests-title'))?.focus();
  }

  override render() {
    const status = this.renderStatus();
    if (status) return status;
    const m = this.m;
    const { snapshot, requests } = this.state!;
    const mine = !canEdit(snapshot!.permission);
    const { list } = requests;
    // "In the cart" only while it is: once saved or discarded, the cart says what became of it.
    const said = this.said === m.inCart && !requests.reviewing ? '' : this.said;
    return html`<h3 id="requests-title" tabindex="-1">${mine ? m.mineTitle : m.title}</h3>
      <p role="status" class="hint">${said}</p>
      ${list.status === 'loading' && !list.requests.length ? html`<p class="hint">${m.loading}</p>` : nothing}
      ${
        list.status === 'error'
          ? html`<p role="alert">
              ${m.failed} ${list.error ? this.errorText(list.error) : nothing}
              <button class="button" type="button" @click=${() => void this.licensing.store?.requests.load()}>
                ${m.retry}
              </button>
            </p>`
          : nothing
      }
      ${
        list.status === 'ready' && !list.requests.length
          ? html`<p class="hint">${mine ? m.noneMine : m.none}</p>`
          : nothing
      }
      <ol aria-labelledby="requests-title">
        ${list.requests.map((r) => this.renderRequest(r, snapshot!, mine))}
      </ol>`;
  }

  private renderRequest(request: ChangeRequest, snapshot: LicensingSnapshot, mine: boolean) {
    const m = this.m;
    const cart = this.locale.section('licence-cart', cartMessages);
    const pending = request.status === 'pending';
    const draft = requestDraft(snapshot, request);
    const applies = Object.keys(draft).length > 0;
    let rows: ReturnType<typeof cartRows>;
    try {
      rows = applies ? cartRows(snapshot, quote(snapshot, draft), cart, this.t) : [];
    } catch {
      // Amounts beyond safe integers: the change is listed without its price.
      rows = [];
    }
    const underneath = pending ? requestUnderneath(snapshot, request) : [];
    const titleId = `request-${request.id}`;
    return html`<li aria-labelledby=${titleId} data-request=${request.id}>
      <h4 id=${titleId}>${m.by(request.requestedBy, this.when(request.requestedAt))}</h4>
      <p class="status">
        ${m.status[request.status]}
        ${request.decidedBy && request.decidedAt ? html`<span class="meta">${m.decided(request.decidedBy, this.when(request.decidedAt))}</span>` : nothing}
      </p>
      ${request.reason ? html`<p><strong>${m.reason}:</strong> ${request.reason}</p>` : nothing}
      ${request.note ? html`<p><strong>${m.note}:</strong> ${request.note}</p>` : nothing}
      ${
        pending && applies
          ? html`<ul aria-label=${m.changes}>
              ${rows.map((row) => html`<li>${row.item}: ${row.change}${row.nextMonth ? ` · ${m.quoteNow(row.nextMonth)}` : ''}</li>`)}
            </ul>`
          : nothing
      }
      ${pending && !applies ? html`<p>${m.applied}</p>` : nothing}
      ${
        underneath.length
          ? html`<div class="underneath">
              <p>${m.underneath}</p>
              <ul>
                ${underneath.map((c) => html`<li>${underneathText(c, snapshot, cart, this.t)}</li>`)}
              </ul>
            </div>`
          : nothing
      }
      ${pending && !mine ? this.renderActions(request, applies) : nothing}
    </li>`;
  }

  private renderActions(request: ChangeRequest, applies: boolean) {
    const m = this.m;
    if (this.declining === request.id) {
      return html`<label>
          ${m.declineLabel}
          <textarea
            rows="2"
            maxlength=${MAX_REQUEST_NOTE}
            .value=${this.reason}
            @input=${(e: Event) => (this.reason = (e.target as HTMLTextAreaElement).value)}
          ></textarea>
          <span class="hint">${m.declineHint}</span>
        </label>
        <div class="actions">
          <button class="button" type="button" @click=${() => this.setDeclining(undefined, request.id)}>
            ${m.cancel}
          </button>
          <button
            class="button primary"
            type="button"
            ?disabled=${!this.reason.trim()}
            @click=${() => void this.decline(request.id)}
          >
            ${m.confirmDecline}
          </button>
        </div>`;
    }
    return html`<div class="actions">
      ${applies ? html`<button class="button primary" type="button" @click=${() => void this.reviewInCart(request)}>${m.review}</button>` : nothing}
      <button
        class="button"
        type="button"
        data-decline
        @click=${() => this.setDeclining(request.id, request.id)}
      >
        ${m.decline}
      </button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-requests-panel': RequestsPanel;
  }
}
