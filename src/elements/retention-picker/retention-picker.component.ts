import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { parseRetention, retentionMultiplier, retentionToString, type Retention } from '../../core/index.js';
import { EditingWidget } from '../../base/editing-widget.js';
import { retentionChoices } from '../../core/retention-choices.js';
import { retentionLabel } from '../../i18n/names.js';
import { messages } from './retention-picker.messages.js';
import { styles } from './retention-picker.styles.js';

/**
 * @tagname retention-picker
 * @summary The global call-recording retention (R6): 14 days (free) or 3-month steps.
 *
 * Shows the unit multiplier each choice puts on every recording licence (9 months → ×3) and the
 * monthly cost effect; shortening the period warns that older recordings will no longer be kept.
 * The choice goes into the shared draft. It is form-associated: with a `name` inside a `<form>`,
 * it submits its value as an ISO 8601 duration (`P14D`, `P9M`), resets with the form and is
 * restored by the browser; it re-dispatches `change` from the host.
 *
 * With requests on (`store.allowRequests()`, `<licence-manager requests>`) a `view` user gets the
 * list back, marked "Request" like the cards: the choice is a request the cart sends for an
 * administrator to approve, never a purchase (R1).
 *
 * @event change - The user chose another retention (native event, from the host).
 * @event licence-change - The draft changed; `detail.draft`.
 *
 * @csspart base - The wrapper.
 * @csspart label - The label.
 * @csspart select - The list of periods.
 * @csspart value - The retention as text, with `view` permission (in place of the list).
 * @csspart description - The explanation under the label.
 * @csspart multiplier - "×3 licence units per recording user".
 * @csspart effect - The monthly cost effect of a pending change.
 * @csspart message - The shortening warning, a rule's error, or why a choice was refused.
 * @csspart note - "You can view licences but not change them." (view permission; see `no-read-only-note`),
 * or, while a `view` user drafts a request, that changes are sent as a request.
 * @csspart request-badge - "Request", after the label, while a `view` user drafts a request.
 * @csspart status - Loading, error, no-access and not-connected states.
 * @csspart retry-button - The retry button of the error state.
 *
 * @cssproperty --retention-picker-accent - Colour of the cost effect.
 */
export class RetentionPicker extends EditingWidget {
  static override styles = [EditingWidget.styles, styles];
  static formAssociated = true;

  @state() private formDisabled = false;

  /** Name under which the value is submitted with a form. */
  @property({ reflect: true }) name = '';

  /** Not editable, also in `update` permission (e.g. while the host's form is busy). */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** The retention in effect: the draft's, else the account's. `P14D`, `P3M`, `P9M`, … */
  get value(): string {
    const retention = this.current();
    return retention ? retentionToString(retention) : '';
  }

  /**
   * The retention as an ISO 8601 duration (`P14D`, `P3M`, `P9M`, …): the draft's, else the
   * account's. Setting it puts that retention in the draft, without a `licence-change` event;
   * text that is not a retention R6 allows is ignored.
   */
  set value(text: string) {
    const retention = parseRetention(text);
    if (retention) this.choose(retention, false);
  }

  /** The form this element belongs to. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  private get m() {
    return this.locale.section('retention-picker', messages);
  }

  private current(): Retention | undefined {
    // The account's retention once the draft is saved (the store's `planned`, set with the snapshot).
    return this.state?.planned?.recording?.retention;
  }

  /** Puts `retention` in the draft; false when the store refused it (the select goes back). */
  private choose(retention: Retention, fromUser: boolean): boolean {
    if (!fromUser) return this.licensing.store?.setRetention(retention).ok ?? false;
    if (!this.edit({ retention })) return false;
    this.dispatchEvent(new Event('change', { bubbles: true }));
    return true;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.internals.setFormValue(this.value || null);
  }

  /** A disabled `<fieldset>` or form disables the picker too. */
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  /** Form reset: back to the account's retention (drops the draft's). */
  formResetCallback(): void {
    const saved = this.state?.snapshot?.recording?.retention;
    if (saved) this.choose(saved, false);
  }

  /** Back/forward cache and autofill restore the submitted value. */
  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string') this.value = state;
  }

  override render() {
    const status = this.renderStatus();
    if (status) return status;
    const state = this.state!;
    const { snapshot, quote, issues } = state;
    const recording = snapshot!.recording;
    if (!recording) return html`<div part="status" role="status">${this.m.noRecording}</div>`;
    const current = this.current()!;
    const readonly = this.locked(state) || this.disabled || this.formDisabled;
    const recordingLine = quote?.lines.find((l) => l.typeId === recording.typeId);
    const issue = issues.find((i) => 'field' in i && i.field === 'retention');
    const { options, aboveMax } = retentionChoices(current, recording.maxMonths);
    const value = retentionToString(current);
    return html`<div part="base">
      <label part="label" for="select">${this.m.label}</label>
      ${this.requestBadge(state)}
      <p part="description" id="description">${this.m.description}</p>
      ${
        this.changeable(state)
          ? html` <select
              id="select"
              part="select"
              aria-describedby="description multiplier"
              ?disabled=${readonly}
              @change=${(e: Event) => {
                const chosen = parseRetention((e.target as HTMLSelectElement).value);
                if (chosen && !this.choose(chosen, true)) (e.target as HTMLSelectElement).value = this.value;
              }}
            >
              ${options.map((option) => {
                const label = retentionLabel(option, this.t);
                const id = retentionToString(option);
                return html`<option value=${id} .selected=${id === value}>
                  ${retentionMultiplier(option) === 0 ? this.m.optionFree(label) : label}
                </option>`;
              })}
            </select>`
          : html`<p part="value"><strong>${retentionLabel(current, this.t)}</strong></p>`
      }
      <p part="multiplier" id="multiplier">${this.m.multiplier(retentionMultiplier(current))}</p>
      ${
        recordingLine && recordingLine.multiplier.from !== recordingLine.multiplier.to
          ? html`<p part="effect">
              ${this.requestedPrefix(state)}${this.m.effect(recordingLine.nextMonth.delta)}
            </p>`
          : nothing
      }
      ${
        aboveMax
          ? html`<p part="message" data-kind="warning" role="status">
              <strong>${this.t.warningPrefix}</strong>
              ${this.m.aboveMax(retentionLabel(current, this.t), this.t.months(recording.maxMonths ?? 0))}
            </p>`
          : nothing
      }
      ${this.renderIssue(issue, snapshot!)} ${this.readOnlyNote(snapshot!)}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'retention-picker': RetentionPicker;
  }
}
