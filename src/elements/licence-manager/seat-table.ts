import { html, nothing } from 'lit';
import {
  canEdit,
  lineFor,
  seatNextMonthCharge,
  unitMultiplier,
  type LicenceType,
  type LicensingSnapshot,
} from '../../core/index.js';
import { countCeiling } from '../../core/ceiling.js';
import { EditingWidget } from '../../base/editing-widget.js';
import { emit } from '../../events.js';
import { formatMoney, formatNumber } from '../../i18n/format.js';
import { namesFrom } from '../../i18n/names.js';
import type { LicensingState } from '../../state/state.js';
import { countFloor } from '../../core/floor.js';
import { NumberStepper, type StepperValueDetail } from '../../ui/number-stepper.js';
import { messages as cardMessages } from '../licence-card/licence-card.messages.js';
import { messages } from './seat-table.messages.js';
import { styles } from './seat-table.styles.js';

/**
 * Internal to `<licence-manager layout="table">`: every seat licence as one row of a table —
 * licence, count, in use, available, price, monthly cost — for accounts with many licence types.
 * It edits the shared draft as a `licence-card` does (through the store, the same R2 ceiling, the
 * rule book's issues at the field, a refused edit said at the field), and shows the account once
 * the draft is saved (`planned`), with the change to each monthly cost. With `view` permission the
 * counts are plain numbers; the manager says once that nothing can be changed. Loaded on first use,
 * so a page of cards does not download it.
 */
export class SeatTable extends EditingWidget {
  static override styles = [EditingWidget.styles, styles];
  static override dependencies = { 'lk-number-stepper': NumberStepper };

  override render() {
    const status = this.renderStatus();
    if (status) return status;
    const state = this.state!;
    const m = this.locale.section('seat-table', messages);
    return html`<div class="scroll" role="region" aria-label=${m.caption} tabindex="0">
      <table role="table">
        <caption class="visually-hidden">
          ${m.caption}
        </caption>
        <thead>
          <tr role="row">
            ${[m.licence, m.count, m.inUse, m.available, m.price, m.cost].map(
              (label) => html`<th scope="col" role="columnheader">${label}</th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${state.snapshot!.catalog.map((type) => this.row(type, state, m))}
        </tbody>
      </table>
    </div>`;
  }

  private row(type: LicenceType, state: LicensingState, m: typeof messages) {
    const { planned, quote, issues } = state;
    const snap: LicensingSnapshot = state.snapshot!;
    const lang = this.locale.lang;
    const card = this.locale.section('licence-card', cardMessages);
    const name = namesFrom(snap, this.t).type(type.id);
    const { inUse, count: saved } = lineFor(snap, type.id);
    // As on the card: the account once the draft is saved.
    const next = planned ?? snap;
    const count = lineFor(next, type.id).count;
    const quoted = quote?.lines.find((l) => l.typeId === type.id);
    const mine = issues.filter((i) => 'typeId' in i && i.typeId === type.id);
    const issue = mine.find((i) => i.severity === 'error') ?? mine[0];
    const multiplier = unitMultiplier(next, type.id);
    return html`<tr role="row" class=${quoted ? 'pending' : ''} data-type=${type.id}>
      <th scope="row" role="rowheader">${name}</th>
      <td role="cell">
        ${
          canEdit(snap.permission)
            ? html`<lk-number-stepper
                label=${card.licences(name)}
                .value=${count}
                .min=${countFloor(snap, next, type.id).min}
                .max=${countCeiling(type.max)}
                ?readonly=${this.locked(state)}
                message=${issue ? `${issue.severity === 'error' ? this.t.errorPrefix : this.t.warningPrefix} ${this.issueWords(issue, snap)}` : ''}
                message-kind=${issue?.severity ?? 'hint'}
                description=${card.inUse(inUse, saved)}
                @lk-value=${(e: CustomEvent<StepperValueDetail>) =>
                  this.edit({ counts: { [type.id]: e.detail.value ?? 0 } }, e.target)}
              ></lk-number-stepper>`
            : formatNumber(count, lang)
        }
      </td>
      <td role="cell" data-label=${m.inUse}>
        ${formatNumber(inUse, lang)}
        ${
          issue?.code === 'reduce-below-in-use'
            ? html`<button
                class="link"
                type="button"
                @click=${() => emit(this, 'licence-show-usage', { typeId: type.id }, { cancelable: true })}
              >
                ${card.seeUsers(name)}
              </button>`
            : nothing
        }
      </td>
      <td role="cell" data-label=${m.available}>${formatNumber(Math.max(0, count - inUse), lang)}</td>
      <td role="cell" data-label=${m.price}>
        ${
          snap.recording?.typeId === type.id
            ? m.recordingPrice(type.unitPrice, multiplier)
            : formatMoney(type.unitPrice, lang)
        }
      </td>
      <td role="cell" data-label=${m.cost}>
        ${formatMoney(seatNextMonthCharge(next, type), lang)}
        ${
          quoted?.nextMonth.delta.amount
            ? html`<span class="change">${m.costChange(quoted.nextMonth.delta)}</span>`
            : nothing
        }
      </td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-seat-table': SeatTable;
  }
}
