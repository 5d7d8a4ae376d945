import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import {
  billedUnits,
  lineFor,
  seatNextMonthCharge,
  thisMonthCharge,
  unitMultiplier,
  type LicensingSnapshot,
  type UnderneathChange,
  type ValidationIssue,
} from '../../core/index.js';
import { EditingWidget } from '../../base/editing-widget.js';
import { countCeiling } from '../../core/ceiling.js';
import { countFloor } from '../../core/floor.js';
import { emit } from '../../events.js';
import { formatNumber } from '../../i18n/format.js';
import { inLanguage, namesFrom, retentionLabel } from '../../i18n/names.js';
import { InfoPopover } from '../../ui/info-popover.js';
import { NumberStepper, type StepperValueDetail } from '../../ui/number-stepper.js';
import { Switch } from '../../ui/switch.js';
import type { LicensingState } from '../../state/licensing-store.js';
import { messages } from './licence-card.messages.js';
import { styles } from './licence-card.styles.js';
import { POWER_PACK, SPEECH_TO_TEXT, SwitchCards } from './switch-cards.js';

type CountChange = Extract<UnderneathChange, { kind: 'count' }>;
type RetentionChange = Extract<UnderneathChange, { kind: 'retention' }>;

export { POWER_PACK, SPEECH_TO_TEXT };

/**
 * @tagname licence-card
 * @summary One licence type: its count, what is in use, the price, the pending change and its cost.
 *
 * `type-id` names a catalog entry (a seat licence with a count stepper), or `speech-to-text` /
 * `power-pack` for the switch cards. Every change goes into the shared draft (and so into
 * `<licence-cart>`); nothing is saved until the cart is. With `view` permission everything is shown
 * as plain text and nothing can be changed; with `none` only the no-access notice is shown (R1).
 * With requests on (`store.allowRequests()`, `<licence-manager requests>`) a `view` user gets the
 * steppers and switches back, marked "Request": what they change is a request the cart sends for
 * an administrator to approve, never a purchase.
 *
 * @event licence-change - The user changed the draft through this card; `detail.draft`.
 * @event licence-show-usage - The user asked who uses this type (after a blocked reduction); `detail.typeId`. Cancelable.
 *
 * @csspart base - The card.
 * @csspart header - Name and info button.
 * @csspart name - The licence name.
 * @csspart description - The description.
 * @csspart count - The count as plain text, with `view` permission (instead of the stepper).
 * @csspart usage - "In use N of M", or Speech-to-Text minutes used.
 * @csspart price - The unit price.
 * @csspart pending - The pending change and its monthly cost.
 * @csspart message - A rule's message (error or warning), or another admin's change, for this card.
 * @csspart note - The month's peak, the read-only sentence and other notes.
 * @csspart footer - Price and subtotal row.
 * @csspart subtotal - The monthly subtotal.
 * @csspart request-badge - "Request", after the name, while a `view` user drafts a request.
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

  private renderSeat(state: LicensingState) {
    const { snapshot, planned, quote, issues } = state;
    const m = this.m;
    const snap = snapshot!;
    const type = inLanguage(
      snap.catalog.find((t) => t.id === this.typeId),
      this.locale.lang,
    );
    if (!type) return html`<div part="status" role="status">${m.unknownType(this.typeId)}</div>`;
    // What the fields show is the account once the draft is saved (the store's `planned`).
    const next = planned ?? snap;
    const count = lineFor(next, type.id).count;
    const quoted = quote?.lines.find((l) => l.typeId === type.id);
    const mine = issues.filter((i) => 'typeId' in i && i.typeId === type.id);
    const issue = mine.find((i) => i.severity === 'error') ?? mine[0];
    const isRecording = snap.recording?.typeId === type.id;
    const multiplier = unitMultiplier(next, type.id);
    const readonly = this.locked(state);
    const line = lineFor(snap, type.id);
    const floor = countFloor(snap, next, type.id);
    // R5: the month's peak (the quote's, or never below what is billed now) and this month's charge once saved.
    const units = billedUnits(count, multiplier);
    const peak = quoted?.peak ?? Math.max(line.peak, units);
    // Another admin's change of this count, whichever adapter brought it (store: changedElsewhere).
    const others = state.changedElsewhere?.byType[type.id] ?? [];
    const other = others.find((c): c is CountChange => c.kind === 'count');
    const otherRetention = others.find((c): c is RetentionChange => c.kind === 'retention');
    this.setState('pending', quoted !== undefined);
    return html`<article part="base" aria-labelledby="name">
      <header part="header">
        <h3 part="name" id="name">${type.name}</h3>
        ${this.requestBadge(state)}
        <lk-info-popover label=${type.name}>
          ${isRecording ? m.pricingRuleRecording(type.unitPrice) : m.pricingRule(type.unitPrice)}
        </lk-info-popover>
      </header>
      ${type.description ? html`<p part="description">${type.description}</p>` : nothing}
      ${
        this.changeable(state)
          ? html`<lk-number-stepper
              label=${state.requests.drafting ? m.requestLicences(type.name) : m.licences(type.name)}
              .value=${count}
              .min=${floor.min}
              .max=${countCeiling(type.max)}
              ?readonly=${readonly}
              message=${count === floor.min && count ? m.floor(count, floor.neededBy && namesFrom(snap, this.t).type(floor.neededBy)) : ''}
              description=${m.inUse(line.inUse, line.count)}
              @lk-value=${(e: CustomEvent<StepperValueDetail>) => this.edit({ counts: { [type.id]: e.detail.value ?? 0 } }, e.target)}
            ></lk-number-stepper>`
          : html`<p part="count">
              ${m.licences(type.name)}: <strong>${formatNumber(count, this.locale.lang)}</strong>
            </p>`
      }
      <p part="usage">${m.inUse(line.inUse, line.count)}</p>
      ${other ? html`<p part="message" data-kind="warning" role="status">${m.changedElsewhere(other.to)}</p>` : nothing}
      ${
        otherRetention
          ? html`<p part="message" data-kind="warning" role="status">
              ${m.retentionChangedElsewhere(retentionLabel(otherRetention.to, this.t))}
            </p>`
          : nothing
      }
      ${
        quoted
          ? html`<p part="pending">
              ${this.requestedPrefix(state)}${m.pending(quoted.count.from, quoted.count.to, quoted.nextMonth.delta, quoted.multiplier.from, quoted.multiplier.to)}
            </p>`
          : nothing
      }
      ${
        peak || units
          ? html`<p part="note">
              ${m.peak(peak, Math.max(peak, units), thisMonthCharge(type.unitPrice, peak, units), isRecording)}
            </p>`
          : nothing
      }
      ${this.issueLine(issue, snap)} ${this.readOnlyNote(snap)}
      <div part="footer">
        <span part="price"
          >${isRecording ? m.unitPriceRecording(type.unitPrice, multiplier) : m.unitPrice(type.unitPrice)}</span
        >
        <span part="subtotal">${m.subtotal(seatNextMonthCharge(next, type))}</span>
      </div>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'licence-card': LicenceCard;
  }
}
