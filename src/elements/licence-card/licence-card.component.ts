import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import {
  canEdit,
  lineFor,
  seatNextMonthCharge,
  unitMultiplier,
  type LicensingSnapshot,
  type ValidationIssue,
} from '../../core/index.js';
import { EditingWidget } from '../../base/editing-widget.js';
import { countCeiling } from '../../core/ceiling.js';
import { emit } from '../../events.js';
import { namesFrom } from '../../i18n/names.js';
import { InfoPopover } from '../../ui/info-popover.js';
import { NumberStepper, type StepperValueDetail } from '../../ui/number-stepper.js';
import { Switch } from '../../ui/switch.js';
import type { LicensingState } from '../../state/licensing-store.js';
import { messages } from './licence-card.messages.js';
import { styles } from './licence-card.styles.js';
import { POWER_PACK, SPEECH_TO_TEXT, SwitchCards } from './switch-cards.js';

export { POWER_PACK, SPEECH_TO_TEXT };

/**
 * @tagname licence-card
 * @summary One licence type: its count, what is in use, the price, the pending change and its cost.
 *
 * `type-id` names a catalog entry (a seat licence with a count stepper), or `speech-to-text` /
 * `power-pack` for the switch cards. Every change goes into the shared draft (and so into
 * `<licence-cart>`); nothing is saved until the cart is. With `view` permission everything is shown
 * and nothing can be changed; with `none` only the no-access notice is shown (R1).
 *
 * @event licence-change - The user changed the draft through this card; `detail.draft`.
 * @event licence-show-usage - The user asked who uses this type (after a blocked reduction); `detail.typeId`. Cancelable.
 *
 * @csspart base - The card.
 * @csspart header - Name and info button.
 * @csspart name - The licence name.
 * @csspart description - The description.
 * @csspart usage - "In use N of M", or Speech-to-Text minutes used.
 * @csspart price - The unit price.
 * @csspart pending - The pending change and its monthly cost.
 * @csspart message - A rule's message (error or warning) for this card.
 * @csspart note - Read-only and other notes.
 * @csspart footer - Price and subtotal row.
 * @csspart subtotal - The monthly subtotal.
 * @csspart status - Loading, error, no-access and not-connected states.
 * @csspart retry-button - The retry button of the error state.
 *
 * @cssproperty --licence-card-accent - Colour of the pending change and the pending border.
 * @cssproperty --licence-card-background - Card background.
 * @cssproperty --licence-card-border-color - Card border.
 * @cssproperty --licence-card-padding - Card padding.
 *
 * @cssstate pending - The draft changes this licence (the cart holds it until saved).
 */
export class LicenceCard extends SwitchCards {
  static override styles = [EditingWidget.styles, styles];
  static override dependencies = {
    'lk-number-stepper': NumberStepper,
    'lk-switch': Switch,
    'lk-info-popover': InfoPopover,
  };

  /** The catalog id of the licence type, or `speech-to-text` / `power-pack`. */
  @property({ attribute: 'type-id' }) typeId = '';

  protected get m() {
    return this.locale.section('licence-card', messages);
  }

  protected issueLine(issue: ValidationIssue | undefined, snapshot: LicensingSnapshot) {
    const showUsers =
      issue?.code === 'reduce-below-in-use'
        ? html` <button class="link" type="button" @click=${() => this.showUsage(issue.typeId)}>
            ${this.m.seeUsers(namesFrom(snapshot, this.t).type(issue.typeId))}
          </button>`
        : nothing;
    return this.renderIssue(issue, snapshot, showUsers);
  }

  private showUsage(typeId: string): void {
    emit(this, 'licence-show-usage', { typeId }, { cancelable: true });
  }

  override render() {
    const status = this.renderStatus();
    this.setState('pending', false);
    if (status) return status;
    const state = this.state!;
    if (this.typeId === SPEECH_TO_TEXT) return this.renderSpeechToText(state);
    if (this.typeId === POWER_PACK) return this.renderPowerPack(state);
    return this.renderSeat(state);
  }

  /** The read-only note (R1), and why the last switch was refused (EditingWidget). */
  protected readOnlyNote(snapshot: LicensingSnapshot) {
    return html`${this.renderRefusal()}${
      !canEdit(snapshot.permission) ? html`<p part="note">${this.t.readOnly}</p>` : nothing
    }`;
  }

  private renderSeat(state: LicensingState) {
    const { snapshot, planned, quote, issues } = state;
    const m = this.m;
    const snap = snapshot!;
    const type = snap.catalog.find((t) => t.id === this.typeId);
    if (!type) return html`<div part="status" role="status">${m.unknownType(this.typeId)}</div>`;
    const line = lineFor(snap, type.id);
    // What the fields show is the account once the draft is saved (the store's `planned`).
    const next = planned ?? snap;
    const count = lineFor(next, type.id).count;
    const quoted = quote?.lines.find((l) => l.typeId === type.id);
    const mine = issues.filter((i) => 'typeId' in i && i.typeId === type.id);
    const issue = mine.find((i) => i.severity === 'error') ?? mine[0];
    const isRecording = snap.recording?.typeId === type.id;
    const multiplier = unitMultiplier(next, type.id);
    const subtotal = seatNextMonthCharge(next, type);
    const readonly = this.locked(state);
    const changed = quoted !== undefined;
    this.setState('pending', changed);
    return html`<article part="base" aria-labelledby="name">
      <header part="header">
        <h3 part="name" id="name">${type.name}</h3>
        <lk-info-popover label=${type.name}>
          ${isRecording ? m.pricingRuleRecording(type.unitPrice) : m.pricingRule(type.unitPrice)}
        </lk-info-popover>
      </header>
      ${type.description ? html`<p part="description">${type.description}</p>` : nothing}
      <lk-number-stepper
        label=${m.licences(type.name)}
        .value=${count}
        min="0"
        .max=${countCeiling(type.max)}
        ?readonly=${readonly}
        @lk-value=${(e: CustomEvent<StepperValueDetail>) => this.edit({ counts: { [type.id]: e.detail.value ?? 0 } }, e.target)}
      ></lk-number-stepper>
      <p part="usage">${m.inUse(line.inUse, line.count)}</p>
      ${
        changed && quoted.count.from !== quoted.count.to
          ? html`<p part="pending">
              ${m.pending(quoted.count.from, quoted.count.to, quoted.nextMonth.delta)}
            </p>`
          : nothing
      }
      ${
        changed && quoted.heldAtPeak
          ? html`<p part="note">${isRecording ? m.heldAtPeakUnits(line.peak) : m.heldAtPeak(line.peak)}</p>`
          : nothing
      }
      ${this.issueLine(issue, snap)} ${this.readOnlyNote(snap)}
      <div part="footer">
        <span part="price"
          >${isRecording ? m.unitPriceRecording(type.unitPrice, multiplier) : m.unitPrice(type.unitPrice)}</span
        >
        <span part="subtotal">${m.subtotal(subtotal)}</span>
      </div>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'licence-card': LicenceCard;
  }
}
