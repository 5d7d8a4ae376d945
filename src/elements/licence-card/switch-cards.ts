import { html, nothing } from 'lit';
import {
  isSpeechToTextStopped,
  nextPeriodStart,
  speechToTextMaxSpend,
  speechToTextTotalMinutes,
  type LicensingSnapshot,
  type ValidationIssue,
} from '../../core/index.js';
import { EditingWidget } from '../../base/editing-widget.js';
import { formatDate } from '../../i18n/format.js';
import type { StepperValueDetail } from '../../ui/number-stepper.js';
import type { SwitchToggleDetail } from '../../ui/switch.js';
import type { LicensingState } from '../../state/licensing-store.js';
import type { LicenceCardMessages } from './licence-card.messages.js';

/** The reserved `type-id`s of the two switch cards. */
export const SPEECH_TO_TEXT = 'speech-to-text';
export const POWER_PACK = 'power-pack';

/**
 * The two switch cards of `licence-card` (`type-id="speech-to-text"` and `"power-pack"`), kept
 * apart from the seat card: a base class of `LicenceCard`, so they reach the card's words, notes
 * and the draft through the same protected members as the seat card.
 */
export abstract class SwitchCards extends EditingWidget {
  protected abstract get m(): LicenceCardMessages;

  /** A rule-book issue as a message line of this card. */
  protected abstract issueLine(issue: ValidationIssue | undefined, snapshot: LicensingSnapshot): unknown;

  /** The read-only note (R1), and why the last switch was refused. */
  protected abstract readOnlyNote(snapshot: LicensingSnapshot): unknown;

  protected renderSpeechToText(state: LicensingState) {
    const { snapshot, planned, draft, issues } = state;
    const m = this.m;
    const snap = snapshot!;
    const stt = snap.speechToText;
    if (!stt) return html`<div part="status" role="status">${m.unavailable(m.sttName)}</div>`;
    const next = planned?.speechToText ?? stt;
    const { enabled, limitOverBase: limit } = next;
    const total = speechToTextTotalMinutes(next);
    const savedTotal = speechToTextTotalMinutes(stt);
    const spend = speechToTextMaxSpend(next);
    const readonly = this.locked(state);
    const mine = issues.filter((i) => 'field' in i && i.field === SPEECH_TO_TEXT);
    const issue = mine.find((i) => i.severity === 'error') ?? mine[0];
    const limitIssue = mine.find(
      (i) => i.code === 'speech-to-text-limit-invalid' || i.code === 'speech-to-text-stops-now',
    );
    const stopped = isSpeechToTextStopped(stt);
    this.setState('pending', Boolean(draft.speechToText));
    return html`<article part="base" aria-labelledby="name">
      <header part="header">
        <h3 part="name" id="name">${m.sttName}</h3>
        <lk-info-popover label=${m.sttName}>${m.sttRule(stt.minutePrice)}</lk-info-popover>
      </header>
      <p part="description">${m.sttDescription}</p>
      <lk-switch
        label=${m.sttSwitch}
        ?checked=${enabled}
        ?disabled=${readonly}
        @lk-toggle=${(e: CustomEvent<SwitchToggleDetail>) => this.edit({ speechToText: { enabled: e.detail.checked } })}
      ></lk-switch>
      <lk-number-stepper
        label=${m.sttLimit}
        optional
        placeholder=${m.sttNoLimit}
        .value=${limit}
        min="0"
        ?readonly=${readonly}
        ?disabled=${!enabled}
        message=${this.issueWords(limitIssue, snap)}
        message-kind=${limitIssue?.severity ?? 'hint'}
        @lk-value=${(e: CustomEvent<StepperValueDetail>) => this.edit({ speechToText: { limitOverBase: e.detail.value } }, e.target)}
      ></lk-number-stepper>
      <p part="note">${m.sttTotal(stt.baseMinutes, total)}</p>
      <p part="usage">
        ${m.sttUsage(stt.usedMinutes, savedTotal)}
        ${
          savedTotal !== null
            ? html`<meter
                min="0"
                max=${savedTotal}
                value=${stt.usedMinutes}
                aria-label=${m.sttUsage(stt.usedMinutes, savedTotal)}
              ></meter>`
            : nothing
        }
      </p>
      ${stopped ? html`<p part="message" data-kind="warning" role="status">${m.sttStopped(formatDate(nextPeriodStart(snap.period), this.locale.lang))}</p>` : nothing}
      ${issue && issue !== limitIssue ? this.issueLine(issue, snap) : nothing} ${this.readOnlyNote(snap)}
      <div part="footer">
        <span part="subtotal">${m.sttMaxSpend(spend.kind === 'capped' ? spend.amount : null)}</span>
      </div>
    </article>`;
  }

  protected renderPowerPack(state: LicensingState) {
    const { snapshot, planned, draft, issues } = state;
    const m = this.m;
    const snap = snapshot!;
    const pp = snap.powerPack;
    if (!pp) return html`<div part="status" role="status">${m.unavailable(m.ppName)}</div>`;
    const enabled = planned?.powerPack?.enabled ?? pp.enabled;
    const readonly = this.locked(state);
    const switchIssue = issues.find(
      (i) => i.code === 'ai-topics-needs-speech-to-text' && draft.powerPack?.enabled,
    );
    this.setState('pending', draft.powerPack?.enabled !== undefined);
    return html`<article part="base" aria-labelledby="name">
      <header part="header">
        <h3 part="name" id="name">${m.ppName}</h3>
        <lk-info-popover label=${m.ppName}>${m.ppRule(pp.packPrice)}</lk-info-popover>
      </header>
      <p part="description">${m.ppDescription}</p>
      <lk-switch
        label=${m.ppSwitch}
        ?checked=${enabled}
        ?disabled=${readonly}
        @lk-toggle=${(e: CustomEvent<SwitchToggleDetail>) => this.edit({ powerPack: { enabled: e.detail.checked } })}
      ></lk-switch>
      <p part="note">${m.ppLimitsHint}</p>
      ${this.issueLine(switchIssue, snap)} ${this.readOnlyNote(snap)}
    </article>`;
  }
}
