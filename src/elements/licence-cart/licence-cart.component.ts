import { html, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import { canEdit, canView, type LicensingSnapshot, type ValidationIssue } from '../../core/index.js';
import { changeRecord } from '../../core/change-record.js';
import { PoliteAnnouncer } from '../../base/announcer.js';
import { RulesWidget } from '../../base/rules-widget.js';
import { emit } from '../../events.js';
import type { LicensingError } from '../../adapters/errors.js';
import { messages as issueMessages } from '../../i18n/issues.js';
import type { LicensingState } from '../../state/licensing-store.js';
import { Toast } from '../../ui/toast.js';
import { goTo, StickyPadding } from './cart-page.js';
import type { CartTimeline } from './cart-timeline.js';
import { loadTimeline } from './cart-timeline-load.js';
import { savedChunk, type SavedWords } from './cart-saved-load.js';
import type { CartRequest } from './cart-request.js';
import { barTotals, blockingIssues, cartRows, problemPlace } from './cart-rows.js';
import { conflictNotice, reviewDialog, type ReviewView } from './cart-review.js';
import { messages } from './licence-cart.messages.js';
import { styles } from './licence-cart.styles.js';

/**
 * @tagname licence-cart
 * @summary The pending changes as a cart (R9): a bar with the count and the effect this month and
 * next month; Save opens the review, Save again commits.
 *
 * The review lists every change with from → to, this month's effect under the high-water rule,
 * next month's recurring effect, Speech-to-Text and Power Pack as maximum spend, the totals, the
 * invoice warning, every warning, and every blocking error (Save disabled). Success closes the
 * review and announces it; failure keeps the draft and says what to do; after a conflict the
 * store has reloaded and the review shows what changed underneath. A double click commits once.
 *
 * Nothing blocking waits for the review: while the draft has errors the bar counts them, leaves
 * their lines out of its totals, offers a button to the first one instead of Save, and the review
 * does not open. What another admin changed under the draft shows in the bar too. Made sticky by
 * its page (`position: sticky; bottom: 0`, as `licence-manager` does), the bar pads the page's
 * scroll by its height (`--licence-cart-height`, see `StickyPadding`) so it never covers what has
 * focus, and takes no room while nothing is pending.
 *
 * @event licence-before-commit - About to commit; cancel it to stop the commit. `detail.draft`.
 * @event licence-commit - The changes were saved; `detail.snapshot`, and `detail.record` (before, after, quote per line, `user`, when) for finance and audits.
 * @event licence-summary-download - "Download summary" in the review: `detail.record` (as `licence-commit` carries it), `detail.format` (`json` or `csv`), `detail.blob`, `detail.filename`. Cancelable: cancel it to handle the file yourself instead of the download.
 * @event licence-commit-error - The commit failed or met a conflict; `detail.error`, `detail.reason`.
 * @event licence-change - The draft was discarded; `detail.draft` is empty.
 * @event licence-show-problem - The user asked to see the first problem; `detail.issue`. Cancelable: cancel it to show it yourself; by default the cart scrolls to and focuses the card (`licence-card[type-id=…]`, `retention-picker`, `power-pack-limits`) in its own root.
 * @event licence-change-request - A `view` user sent a change request and the adapter has no `requestChange`; `detail.changes`, `detail.quote`, `detail.note`. Cancelable: cancel it once you have routed the request (mail, ticket); not cancelled, the cart says it could not be sent anywhere and keeps the draft.
 * @event licence-leave - The page is about to be left with unsaved changes (`beforeunload`, or `canLeave()`); `detail.draft`. Cancelable: cancel it to leave without the browser asking.
 *
 * @csspart base - The cart bar.
 * @csspart summary - Count and effects in the bar; after saving a change request, what became of it.
 * @csspart count - The number of changes.
 * @csspart discard-button - Discard.
 * @csspart save-button - Save (opens the review).
 * @csspart dialog - The review dialog.
 * @csspart invoice-warning - "Any changes you make here will affect your monthly invoice."
 * @csspart lines - The table of changes.
 * @csspart rule - The high-water rule in words.
 * @csspart timeline - When each change applies: per change, usable from now, this month at the month's peak, next month from its first day.
 * @csspart summary-download - "Download summary" with its JSON and CSV buttons.
 * @csspart download-json-button - Downloads the reviewed change as JSON.
 * @csspart download-csv-button - Downloads the reviewed change as CSV.
 * @csspart warnings - The list of warnings.
 * @csspart errors - The list of blocking errors.
 * @csspart conflict - What changed underneath after a conflict.
 * @csspart failure - Why the last save failed.
 * @csspart notice - In the bar: a save that failed, or changes that can no longer be saved.
 * @csspart problems - In the bar: how many problems block the save.
 * @csspart problem-button - In the bar: goes to the first problem.
 * @csspart confirm-button - Save changes (commits).
 * @csspart back-button - Back (closes the review).
 * @csspart request-button - In request mode: Review request (opens the review of the request).
 * @csspart note - In request mode: the note for the administrator, in the review.
 * @csspart status - Loading, error, no-access and not-connected states.
 * @csspart retry-button - The retry button of the error state.
 *
 * @cssproperty --licence-cart-accent - Border colour while there are changes.
 * @cssproperty --licence-cart-background - Bar background.
 * @cssproperty --licence-cart-border-color - Bar border.
 *
 * In request mode (R1: a `view` user with requests on, `store.allowRequests()`) the bar counts a
 * request, the review says nothing is bought, takes a note and sends the draft as a request
 * through the adapter's `requestChange`, else as `licence-change-request` (cart-request.ts).
 *
 * Saving a change request an `update` user reviewed in the cart (`store.requests.review`) says
 * in the bar (and announces) whose request it was and what its status is in the store's request list
 * once loaded again: approved; pending still (edited first, asked 10 → 14, saved 12, core
 * `requestCarried`; or nothing approved it); or not checked, the list failing (cart-saved.ts).
 *
 * @cssstate pending - The draft holds changes to review and save.
 * @cssstate empty - Nothing is pending.
 */
export class LicenceCart extends RulesWidget {
  static override styles = [RulesWidget.styles, styles];
  static override dependencies = { 'lk-toast': Toast };

  @query('dialog') private dialog!: HTMLDialogElement;
  @query('lk-toast') private toast!: Toast;
  @query('[part~="save-button"]') private saveButton!: HTMLButtonElement;

  /** Who reviews and saves, as the summary and `licence-commit`'s record name them (e.g. the signed-in user's name). */
  @property() user = '';

  private confirming = false;
  /** Said in the bar after saving a change request, until the next change: approved, or still pending. */
  private outcome = '';
  /** What the cart says of a change request it saves (cart-saved.ts), loaded once one is reviewed. */
  private said: SavedWords | undefined;
  private saidLoading: Promise<SavedWords | undefined> | undefined;
  private timeline?: CartTimeline;
  protected readonly padding = new StickyPadding(this);
  /** Request mode (cart-request.ts, loaded once a `view` user drafts a request, R1). */
  private request: CartRequest | undefined;
  private requestLoading = false;
  /** The total this month, announced once per change rather than per keystroke (issue #23). */
  private readonly totalAnnouncer = new PoliteAnnouncer(this);

  private loadRequestMode(): void {
    if (this.requestLoading) return;
    this.requestLoading = true;
    void import('./cart-request.js').then(({ CartRequest }) => {
      this.request = new CartRequest(this, {
        store: () => this.licensing.store,
        section: (name, english) => this.locale.section(name, english),
        t: () => this.t,
        cart: () => this.m,
        errorText: (error) => this.errorText(error),
        toast: () => this.toast,
        timeline: async () => (this.timeline ??= await loadTimeline(this, this.locale)),
        announce: (text) => this.totalAnnouncer.say(text),
      });
      this.requestUpdate();
    });
  }

  private get m() {
    return this.locale.section('licence-cart', messages);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeunload', this.onBeforeUnload);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this.onBeforeUnload);
  }

  /**
   * For a host's router, before it navigates away: true when nothing is pending, or a
   * `licence-leave` listener cancelled it; false when changes would be lost (ask the user first).
   */
  canLeave(): boolean {
    const state = this.state;
    if (!state?.dirty) return true;
    return !emit(this, 'licence-leave', { draft: state.draft }, { cancelable: true });
  }

  /** Leaving the page with unsaved changes: the browser asks first, unless the host said not to. */
  private readonly onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (!this.canLeave()) event.preventDefault();
  };

  /** Opens the review of the pending changes. */
  async review(): Promise<void> {
    await this.updateComplete;
    const state = this.state;
    // Never on an invalid draft: the bar says what to fix and where.
    if (!this.dialog || this.dialog.open || !state?.dirty || blockingIssues(state.issues).length) return;
    this.dialog.showModal();
    this.requestUpdate();
    // A change request under review: what the cart says of it after the save (or a refusal).
    if (state.requests.reviewing) void this.loadSaid();
    // The timeline comes with its chunk; the review does not wait for it (Save is there at once).
    this.timeline ??= await loadTimeline(this, this.locale);
    this.requestUpdate();
  }

  /** Scrolls to and focuses where `issue` is fixed, unless a `licence-show-problem` listener cancels. */
  private showProblem(issue: ValidationIssue, snapshot: LicensingSnapshot): void {
    if (!emit(this, 'licence-show-problem', { issue }, { cancelable: true })) return;
    const place = problemPlace(issue, snapshot, this.m, this.t);
    if (place) goTo(this, place);
  }

  /** Closes the review without saving; not while it is saving (the outcome is shown in it). */
  closeReview(): void {
    if (!this.saving) this.dialog?.close();
  }

  /**
   * Until the save has an outcome. A conflict shows before the commit's promise settles (the reload
   * says so, then the draft is rebased), and its Back is enabled: it must close the review then.
   */
  private get saving(): boolean {
    const status = this.state?.commit.status;
    return status === 'saving' || (this.confirming && status !== 'conflict' && status !== 'failed');
  }

  private discard(): void {
    const store = this.licensing.store;
    if (!store) return;
    store.discard();
    emit(this, 'licence-change', { draft: store.state.draft });
  }

  private async confirm(): Promise<void> {
    const store = this.licensing.store;
    // A double click reaches here twice before the button is disabled: one commit, one outcome.
    if (!store || !store.state.canSave || this.confirming) return;
    if (!emit(this, 'licence-before-commit', { draft: store.state.draft }, { cancelable: true })) return;
    this.confirming = true;
    const { snapshot, draft, requests } = store.state;
    // The change request being reviewed, if any: whether this save approves it is said after it.
    const reviewing = requests.reviewing;
    const result = await store.commit().finally(() => (this.confirming = false));
    // The provider's adapter was swapped meanwhile: the save ran against the old backend.
    const elsewhere = this.licensing.store !== store;
    if (elsewhere) {
      this.closeReview();
      this.toast.show(result.ok ? this.m.savedElsewhere : this.m.failedElsewhere, 'error');
    }
    if (result.ok) {
      this.closeReview();
      // After a change request: approved, or pending still, in the bar and announced (cart-saved.ts);
      // not in a toast too, which would cover the bar that says it.
      // Said once the store's request list says what became of the request; a plain "saved" without
      // the words. A change made meanwhile says its own count instead (render() clears it).
      if (!elsewhere && reviewing)
        void this.loadSaid().then(async (said) => {
          const text = await said?.requestSavedText(this.locale, store, reviewing, result.snapshot);
          this.outcome = text ?? this.m.saved;
          this.requestUpdate();
        });
      else if (!elsewhere) this.toast.show(this.m.saved, 'success');
      const record = changeRecord(snapshot!, draft, { at: new Date().toISOString(), who: this.user || null });
      emit(this, 'licence-commit', { snapshot: result.snapshot, record });
    } else if ((result.reason === 'failed' || result.reason === 'conflict') && result.error) {
      emit(this, 'licence-commit-error', { error: result.error, reason: result.reason });
    }
  }

  /** cart-saved.ts, loaded once; undefined when it cannot be (a deploy replaced it): asked again next time. */
  private loadSaid(): Promise<SavedWords | undefined> {
    return (this.saidLoading ??= savedChunk.load().then(
      (said) => (this.said = said),
      () => (this.saidLoading = undefined),
    ));
  }

  private onDialogClose(): void {
    // Closed while saving (a second Escape the browser does not let us cancel): keep it open.
    // Not once the cart was taken off the page (the host navigated away): it cannot be shown
    // there, and the save's outcome is still taken by confirm().
    if (this.saving && this.licensing.store?.state.commit.status === 'saving') {
      if (this.isConnected) this.dialog.showModal();
      return;
    }
    // The bar says what the review said (a failed save), now that the review is closed.
    this.requestUpdate();
    // Focus goes back to what opened the review, as with any dialog; after a save Save is
    // disabled (nothing pending), so the summary that announces the result takes it instead.
    if (this.saveButton && !this.saveButton.disabled) this.saveButton.focus();
    else this.renderRoot.querySelector<HTMLElement>('[part~="summary"]')?.focus();
  }

  /** What the review is given (cart-review.ts): words, the timeline once loaded, the handlers. */
  private reviewView(): ReviewView {
    return {
      m: this.m,
      t: this.t,
      issues: this.locale.section('issues', issueMessages),
      open: !!this.dialog?.open,
      timeline: this.timeline,
      errorText: (error) => this.errorText(error),
      onClose: () => this.onDialogClose(),
      onBack: () => this.closeReview(),
      onConfirm: () => void this.confirm(),
    };
  }

  /** A save refused because the change request it carried was decided meanwhile or is gone, in words. */
  protected override errorText(error: LicensingError): string {
    return this.said?.requestErrorText(this.locale, error) ?? super.errorText(error);
  }

  /**
   * In the bar, outside the review: a save that failed (the review may be closed by now), or a
   * draft left over after the permission dropped, which can only be discarded.
   */
  private renderNotice({ commit, dirty }: LicensingState, editable: boolean) {
    const m = this.m;
    if (dirty && !editable) return html`<p part="notice" data-kind="error" role="alert">${m.notSaveable}</p>`;
    if (commit.status !== 'failed' || this.dialog?.open) return nothing;
    return html`<p part="notice" data-kind="error" role="alert">
      ${m.failedBar} ${this.errorText(commit.error)} ${m.failed}
    </p>`;
  }

  override render() {
    const status = this.renderStatus();
    this.setState('pending', false);
    this.setState('empty', false);
    // Access dropped to none with changes left: the bar stays, to say so and to discard them.
    const leftover = this.state?.dirty && this.state.snapshot && !canView(this.state.snapshot.permission);
    if (status && !leftover) return html`${status}<lk-toast></lk-toast>`;
    const state = this.state!;
    const m = this.m;
    const snapshot = state.snapshot!;
    const rows = state.quote ? cartRows(snapshot, state.quote, this.m, this.t) : [];
    const count = Math.max(rows.length, state.dirty ? 1 : 0);
    const blocking = blockingIssues(state.issues);
    const totals = state.quote && barTotals(state.quote, blocking, snapshot.recording?.typeId);
    const first = blocking[0];
    const place = first && problemPlace(first, snapshot, m, this.t);
    this.setState('pending', state.dirty);
    this.setState('empty', !state.dirty);
    if (state.dirty) this.outcome = '';
    if (state.requests.drafting) {
      if (!this.request) this.loadRequestMode();
      return html`${this.request?.render(state, rows, count)}${this.totalAnnouncer.region()}<lk-toast
        ></lk-toast>`;
    }
    const editable = canEdit(snapshot.permission);
    this.totalAnnouncer.say(state.dirty && totals ? m.totalAnnounced(totals.thisMonth) : this.outcome);
    // Not a live region: it changes with each keystroke; the announcer says the total once.
    return html`<section part="base" aria-label=${m.title}>
        <p part="summary" tabindex="-1">
          ${
            state.dirty
              ? html`<span part="count">${m.changes(count)}</span> ${
                    totals
                      ? html`<span>${m.thisMonth(totals.thisMonth)}</span>
                          <span>${m.nextMonth(totals.nextMonth)}</span>`
                      : nothing
                  }`
              : this.outcome || (editable ? m.empty : `${m.empty} ${this.t.readOnly}`)
          }
        </p>
        ${
          state.dirty && first && editable
            ? html`<p part="problems">
                <strong>${m.problems(blocking.length)}</strong>
                ${
                  place
                    ? html`<button
                        class="link"
                        part="problem-button"
                        type="button"
                        @click=${() => this.showProblem(first, snapshot)}
                      >
                        ${m.goTo(place.name)}
                      </button>`
                    : nothing
                }
              </p>`
            : nothing
        }
        ${this.renderNotice(state, editable)}
        ${this.dialog?.open ? nothing : conflictNotice(state, m, this.t)}
        ${
          editable || state.dirty
            ? html`<div class="actions">
                <button
                  class="button"
                  part="discard-button"
                  type="button"
                  ?disabled=${!state.dirty || state.commit.status === 'saving'}
                  @click=${this.discard}
                >
                  ${m.discard}
                </button>
                ${
                  editable
                    ? html`<button
                        class="button primary"
                        part="save-button"
                        type="button"
                        aria-haspopup="dialog"
                        ?disabled=${!state.dirty || !!first}
                        @click=${() => this.review()}
                      >
                        ${m.save}
                      </button>`
                    : nothing
                }
              </div>`
            : nothing
        }
      </section>
      ${editable ? reviewDialog(this.reviewView(), state, rows) : nothing} ${this.totalAnnouncer.region()}
      <lk-toast></lk-toast>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'licence-cart': LicenceCart;
  }
}
