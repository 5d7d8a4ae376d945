import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { toLicensingError, type ValidationError } from '../../adapters/errors.js';
import type { InstallationLicense } from '../../core/index.js';
import { Toast } from '../../ui/toast.js';
import { downloadIcon, pencilIcon, stopIcon, warningIcon } from '../../ui/icons.js';
import { InstallationWidget } from '../../base/installation-widget.js';
import { canEdit, graceDaysLeft } from '../../core/index.js';
import { messages, type LicenseTokenMessages } from './license-token.messages.js';
import { styles } from './license-token.styles.js';
import { emit } from '../../events.js';
import { downloadBlob } from '../../ui/download.js';
import { TokenCopyController } from './token-copy.controller.js';
import { entryFor } from '../../i18n/names.js';

/**
 * @tagname license-token
 * @summary The installation token with copy, the manual licence update, the licence log file, and
 * the grace-period / deactivation banner (R10 in docs/rules.md).
 *
 * The token is shown whole and selectable. Clicking it (or Enter / Space on it, or the Copy
 * button) puts it on the clipboard and announces it; when the browser refuses or has no clipboard
 * (a page on plain http), the token is selected and the user is told to press Ctrl+C (Cmd+C), so
 * copying never fails silently. With `update` permission, the pencil opens a form to paste a
 * licence from the licensing team (a refused licence keeps the text and shows the server's reason)
 * and the download button saves the licence log file. With `view` the token and banners are shown
 * and nothing can be changed; with `none` only the no-access notice (R1). When the adapter lacks
 * one of these capabilities, the widget says so instead of offering it.
 *
 * @event licence-token-copy - The user copied a token; `detail.token`, and `detail.copied` false when it was only selected for a manual copy.
 * @event licence-key-apply - A pasted licence was applied; `detail.licence` is the new installation licence.
 * @event licence-log-download - The licence log file was saved; `detail.filename`.
 *
 * @csspart base - The whole widget.
 * @csspart header - Heading and action buttons.
 * @csspart heading - The heading.
 * @csspart actions - The pencil and download buttons.
 * @csspart edit-button - The pencil button that opens the manual update.
 * @csspart download-button - The licence log file button.
 * @csspart description - What the token is for.
 * @csspart token-row - A token with its label, copy button and copy feedback.
 * @csspart token-label - The label of a token.
 * @csspart token - The token text (click to copy).
 * @csspart copy-button - The Copy button of a token.
 * @csspart copy-status - "Copied", or the manual-copy instruction (a live region).
 * @csspart hint - "Click the token to copy it."
 * @csspart update-form - The manual update form.
 * @csspart update-heading - The heading of the form.
 * @csspart key-label - The label of the licence field.
 * @csspart key-hint - The hint under the label.
 * @csspart key-input - The licence text area.
 * @csspart key-error - Why the licence was refused (a live region).
 * @csspart form-actions - Apply and Cancel.
 * @csspart apply-button - Apply.
 * @csspart cancel-button - Cancel.
 * @csspart banner - The grace-period or deactivated banner (`data-state="grace" | "deactivated"`).
 * @csspart banner-heading - The banner's heading.
 * @csspart banner-text - A paragraph of the banner.
 * @csspart move - After a hardware change, how to move the licence to this server's token (just above it), with the old token.
 * @csspart move-heading - Its heading.
 * @csspart portal-link - The link to the licensing team's portal.
 * @csspart note - Read-only and not-available notes.
 * @csspart status - Loading, error, no-access, not-connected and not-available states.
 * @csspart retry-button - The retry button of an error state.
 * @csspart toast - The confirmation toast.
 *
 * @cssproperty --license-token-background - Background of the widget.
 * @cssproperty --license-token-border-color - Border of the widget.
 * @cssproperty --license-token-padding - Padding of the widget.
 * @cssproperty --license-token-icon-color - Colour of the pencil and download icons.
 * @cssproperty --license-token-token-font - Font of the token text.
 * @cssproperty --license-token-warning-color - Accent of the grace-period banner.
 * @cssproperty --license-token-danger-color - Accent of the deactivated banner.
 *
 * @cssstate grace - The licence is in its 7-day grace period (hardware change or late payment).
 * @cssstate deactivated - The licence is deactivated.
 * @cssstate editing - The manual licence update field is open.
 */
export class LicenseToken extends InstallationWidget {
  static override styles = [InstallationWidget.styles, styles];
  static override dependencies = { 'lk-toast': Toast };

  @state() private editing = false;
  @state() private keyText = '';
  @state() private keyError: string | undefined;
  @state() private applying = false;
  @state() private downloading = false;
  @query('lk-toast') private toast!: Toast;
  @query('#edit-button') private editButton!: HTMLButtonElement | null;
  @query('#key') private keyInput!: HTMLTextAreaElement | null;
  /**
   * Leaves out the sentence "You can view licences but not change them." with `view` permission
   * (R1): for a host that says so once for the whole page (as `<licence-manager>` does).
   */
  @property({ type: Boolean, attribute: 'no-read-only-note' }) noReadOnlyNote = false;

  private readonly copying = new TokenCopyController(this, () => this.m);

  private get m(): LicenseTokenMessages {
    return this.locale.section('license-token', messages);
  }

  // ── Manual update ────────────────────────────────────────────────────────────────────────────

  private async toggleEditing(): Promise<void> {
    if (this.editing) return this.cancel();
    this.editing = true;
    await this.updateComplete;
    this.keyInput?.focus();
  }

  private async cancel(): Promise<void> {
    if (this.applying) return;
    this.editing = false;
    this.keyText = '';
    this.keyError = undefined;
    await this.updateComplete;
    this.editButton?.focus();
  }

  private async apply(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const store = this.licensing.store;
    if (this.applying || !store) return;
    const m = this.m;
    const key = this.keyText.trim();
    if (!key) {
      this.keyError = m.keyEmpty;
      this.keyInput?.focus();
      return;
    }
    this.applying = true;
    this.keyError = undefined;
    try {
      const licence = await store.applyLicenseKey(key);
      this.applying = false;
      this.editing = false;
      this.keyText = '';
      this.toast.show(
        m.applied(entryFor(m.plans, licence.plan) ?? licence.plan, this.dateText(licence.expiresAt)),
        'success',
      );
      emit(this, 'licence-key-apply', { licence });
      await this.updateComplete;
      this.editButton?.focus();
    } catch (thrown) {
      const error = toLicensingError(thrown);
      // A refused key: the words for its reason code in the page's language, else the server's own
      // words. Anything else: what happened and what to do.
      const { reason, detail } = error as ValidationError;
      this.keyError =
        error.kind === 'validation'
          ? m.keyRefused(entryFor(m.refusals, reason ?? '') ?? detail ?? this.t.errors.validation)
          : this.errorText(error);
      this.applying = false;
      await this.updateComplete;
      this.keyInput?.focus();
    }
  }

  private onFormKey(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.stopPropagation();
      void this.cancel();
    }
  }

  // ── Log file ─────────────────────────────────────────────────────────────────────────────────

  private async download(): Promise<void> {
    const store = this.licensing.store;
    if (this.downloading || !store) return;
    const m = this.m;
    this.downloading = true;
    try {
      const { filename, blob } = await store.downloadLicenseLog();
      downloadBlob(blob, filename, this.renderRoot);
      this.toast.show(m.logDownloaded, 'success');
      emit(this, 'licence-log-download', { filename });
    } catch (error) {
      this.toast.show(m.logFailed(this.errorText(toLicensingError(error))), 'error');
    } finally {
      this.downloading = false;
    }
  }

  // ── Rendering ────────────────────────────────────────────────────────────────────────────────

  override render() {
    const toast = html`<lk-toast exportparts="toast"></lk-toast>`;
    const status = this.renderStatus();
    this.setState('grace', false);
    this.setState('deactivated', false);
    this.setState('editing', false);
    if (status) return html`${status}${toast}`;
    const m = this.m;
    const result = this.installationOrStatus(m);
    if ('view' in result) return html`${result.view}${toast}`;
    const { licence } = result;
    const canUpdate = canEdit(this.state!.snapshot!.permission);
    const capabilities = this.licensing.store!.capabilities;
    const canApply = canUpdate && capabilities.applyLicenseKey;
    const editing = this.editing && canApply;
    this.setState('grace', licence.status.state === 'grace');
    this.setState('deactivated', licence.status.state === 'deactivated');
    this.setState('editing', editing);
    // After a hardware change this server's token is the new one of the move: shown once, so named.
    const moving = licence.status.state !== 'active' && licence.status.reason === 'hardware-change';
    return html`<section part="base" aria-labelledby="heading">
        <header part="header">
          <h3 part="heading" id="heading">${m.heading}</h3>
          ${canUpdate ? this.renderActions(m, canApply, capabilities.downloadLicenseLog) : nothing}
        </header>
        ${this.renderBanner(licence, m)}
        <p part="description">${m.description}</p>
        <p part="hint" id="token-hint">${m.tokenHint}</p>
        ${
          moving
            ? html`${this.copying.row('main', m.newToken, licence.token, m.copyNewToken)}
              ${this.renderMove(licence.status, m)}`
            : this.copying.row('main', m.tokenLabel, licence.token, m.copyToken)
        }
        ${editing ? this.renderForm(m) : nothing} ${this.renderNotes(m, canUpdate, capabilities)}
      </section>
      ${toast}`;
  }

  private renderActions(m: LicenseTokenMessages, canApply: boolean, canDownload: boolean) {
    if (!canApply && !canDownload) return nothing;
    return html`<div part="actions">
      ${
        canApply
          ? html`<button
              id="edit-button"
              part="edit-button"
              class="icon-button"
              type="button"
              aria-label=${m.updateManually}
              title=${m.updateManually}
              aria-expanded=${this.editing ? 'true' : 'false'}
              aria-controls=${this.editing ? 'update-form' : nothing}
              @click=${this.toggleEditing}
            >
              ${pencilIcon}
            </button>`
          : nothing
      }
      ${
        canDownload
          ? html`<button
              part="download-button"
              class="icon-button"
              type="button"
              aria-label=${m.downloadLog}
              title=${m.downloadLog}
              aria-disabled=${this.downloading ? 'true' : 'false'}
              @click=${this.download}
            >
              ${downloadIcon}
            </button>`
          : nothing
      }
    </div>`;
  }

  private renderNotes(
    m: LicenseTokenMessages,
    canUpdate: boolean,
    capabilities: { applyLicenseKey: boolean; downloadLicenseLog: boolean },
  ) {
    if (!canUpdate) return this.noReadOnlyNote ? nothing : html`<p part="note">${this.t.readOnly}</p>`;
    const notes = [
      capabilities.applyLicenseKey ? undefined : m.updateUnavailable,
      capabilities.downloadLicenseLog ? undefined : m.logUnavailable,
    ].filter((note): note is string => note !== undefined);
    return notes.map((note) => html`<p part="note">${note}</p>`);
  }

  private renderForm(m: LicenseTokenMessages) {
    const error = this.keyError;
    return html`<form
      part="update-form"
      id="update-form"
      aria-labelledby="update-heading"
      novalidate
      @submit=${this.apply}
      @keydown=${this.onFormKey}
    >
      <h4 part="update-heading" id="update-heading">${m.updateHeading}</h4>
      <label part="key-label" for="key">${m.keyLabel}</label>
      <p part="key-hint" id="key-hint">${m.keyHint}</p>
      <textarea
        part="key-input"
        id="key"
        rows="5"
        spellcheck="false"
        autocomplete="off"
        .value=${live(this.keyText)}
        ?readonly=${this.applying}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? 'key-hint key-error' : 'key-hint'}
        @input=${(event: InputEvent) => (this.keyText = (event.target as HTMLTextAreaElement).value)}
      ></textarea>
      <div part="key-error" id="key-error" role="alert">${error ?? nothing}</div>
      <div part="form-actions">
        <button
          part="apply-button"
          class="button primary"
          type="submit"
          aria-disabled=${this.applying ? 'true' : 'false'}
        >
          ${this.applying ? m.applying : m.apply}
        </button>
        <button
          part="cancel-button"
          class="button"
          type="button"
          aria-disabled=${this.applying ? 'true' : 'false'}
          @click=${this.cancel}
        >
          ${m.cancel}
        </button>
      </div>
    </form>`;
  }

  private renderBanner(licence: InstallationLicense, m: LicenseTokenMessages) {
    const status = licence.status as InstallationLicense['status'];
    if (status.state !== 'grace' && status.state !== 'deactivated') return nothing;
    const reason =
      status.reason && Object.hasOwn(m.reasons, status.reason) ? m.reasons[status.reason] : undefined;
    const why = reason ? html`<p part="banner-text"><strong>${m.why}</strong> ${reason}</p>` : nothing;
    if (status.state === 'deactivated') {
      return html`<section part="banner" data-state="deactivated" aria-labelledby="banner-heading">
        <h4 part="banner-heading" id="banner-heading">${stopIcon}<span>${m.deactivatedHeading}</span></h4>
        ${why}
        <p part="banner-text">${this.portalLink(m.reactivate, m.opensInNewTab)}</p>
      </section>`;
    }
    const daysLeft = graceDaysLeft(status.graceEndsAt, this.clock);
    const until =
      daysLeft === undefined
        ? m.graceLasts
        : daysLeft === 0
          ? m.graceEnded(this.dateText(status.graceEndsAt))
          : m.graceUntil(this.dateText(status.graceEndsAt));
    const todo = status.reason === 'late-payment' ? m.gracePay : m.graceTellTeam;
    return html`<section part="banner" data-state="grace" aria-labelledby="banner-heading">
      <h4 part="banner-heading" id="banner-heading">
        ${warningIcon}<span>${m.graceHeading(daysLeft)}</span>
      </h4>
      <p part="banner-text">${until}</p>
      ${why}
      <p part="banner-text"><strong>${m.whatToDo}</strong> ${this.portalLink(todo, m.opensInNewTab)}</p>
    </section>`;
  }

  /** How to move the licence to this server's token (shown just above it): the steps, the old token. */
  private renderMove(status: InstallationLicense['status'], m: LicenseTokenMessages) {
    const previous = status.previousToken;
    return html`<div part="move" role="group" aria-labelledby="move-heading">
      <h5 part="move-heading" id="move-heading">${m.moveHeading}</h5>
      <p part="banner-text">${m.moveSteps}</p>
      ${
        previous
          ? this.copying.row('old', m.oldToken, previous, m.copyOldToken)
          : html`<p part="banner-text"><strong>${m.oldToken}:</strong> ${m.oldTokenUnknown}</p>`
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'license-token': LicenseToken;
  }
}
