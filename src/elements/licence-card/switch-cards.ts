import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import {
  canEdit,
  canView,
  nextPeriodStart,
  speechToTextMaxSpend,
  speechToTextOnSave,
  speechToTextTotalMinutes,
  suggestLimit,
  type ChangeSet,
  type LicensingSnapshot,
  type ValidationIssue,
} from '../../core/index.js';
import { EditingWidget } from '../../base/editing-widget.js';
import {
  announceCrossings,
  isoDay,
  keepRunningOffer,
  thresholdLine,
  thresholdsOf,
  usageMeter,
} from '../../base/usage-alerts.js';
import { formatDate, formatNumber } from '../../i18n/format.js';
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
 * and the draft through the same protected members as the seat card. Their figures are the
 * planned account's (the store's `planned`), so a pending limit shows what saving it does.
 *
 * @csspart state - "On" / "Off", after the switch (or after the name, read-only).
 * @csspart limit - The Speech-to-Text limit as text, read-only.
 * @csspart threshold - Speech-to-Text: the highest usage threshold reached, in words with an icon.
 * @csspart keep-running - Speech-to-Text stopped: the limit offered: from the 7th day of the month
 * the estimate that keeps it running to the month's end at its pace, before it the one that
 * resumes it now (`data-basis` `pace` / `resume`).
 * @csspart raise-button - Speech-to-Text stopped: "Raise the limit to N (at most … a month)" (puts
 * it in the cart).
 *
 * @event licence-usage-threshold - Speech-to-Text's usage reached a threshold of its saved limit,
 * once per crossing; `detail.service` (`speech-to-text`), `detail.threshold`, `detail.usage`.
 */
export abstract class SwitchCards extends EditingWidget {
  protected abstract get m(): LicenceCardMessages;

  abstract typeId: string;

  /**
   * Speech-to-Text card: the usage thresholds in percent of the limit, e.g. `"50,80,100"` (R11);
   * 75, 90, 100 when unset. A list with an entry that is not a whole number from 1 to 100 is
   * refused whole: the default applies and a console warning says why.
   */
  @property() thresholds: string | undefined;

  /**
   * The day "this month's pace" is measured to, for the limit that keeps a stopped service
   * running; when unset, today.
   */
  @property({ attribute: false }) now: Date | undefined;

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const state = this.state;
    const stt = state?.snapshot?.speechToText;
    if (this.typeId !== SPEECH_TO_TEXT || !stt || !canView(state!.snapshot!.permission)) return;
    // The saved account's reading: a pending limit is not usage, so only a save moves the level.
    announceCrossings(this, this.licensing.store!, SPEECH_TO_TEXT, this.sttThresholds, {
      period: state!.snapshot!.period.start,
      used: stt.usedMinutes,
      limit: stt.enabled ? speechToTextTotalMinutes(stt) : null,
    });
  }

  private get sttThresholds() {
    return thresholdsOf(this.thresholds, 'licence-card');
  }

  /**
   * Stopped: the limit offered (R11 `suggestLimit`: early in the month the one that resumes it,
   * later the pace estimate), and the button that plans it, with what it costs at most.
   */
  private keepRunning(state: LicensingState, used: number, base: number) {
    const snap = state.snapshot!;
    const { basis, limit: total } = suggestLimit(used, snap.period, isoDay(this.now));
    const overBase = total - base;
    const spend = speechToTextMaxSpend({ ...snap.speechToText!, enabled: true, limitOverBase: overBase });
    const m = this.m;
    return keepRunningOffer(
      basis,
      m.sttKeepRunning(overBase, total, formatDate(snap.period.end, this.locale.lang), basis === 'pace'),
      canEdit(snap.permission)
        ? {
            label: m.sttRaise(overBase, spend.kind === 'capped' ? spend.amount : null),
            disabled: this.locked(state),
            onClick: () =>
              void this.raise({ speechToText: { limitOverBase: overBase } }, 'lk-number-stepper'),
          }
        : undefined,
    );
  }

  /** Puts a raised limit in the draft, as editing the field would, then moves focus to that field. */
  protected async raise(changes: ChangeSet, field: string): Promise<void> {
    if (!this.edit(changes)) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(field)?.focus();
  }

  /** A rule-book issue as a message line of this card. */
  protected abstract issueLine(issue: ValidationIssue | undefined, snapshot: LicensingSnapshot): unknown;

  /**
   * A switch named `name` with its state after it ("On" / "Off"), so the words never contradict
   * the switch; without `update` permission (R1) the name and the state as plain text.
   */
  private toggle(name: string, on: boolean, state: LicensingState, feature: 'speechToText' | 'powerPack') {
    const plain = !this.changeable(state);
    return html`<span class="toggle">
      ${
        plain
          ? name
          : html`<lk-switch
              label=${name}
              ?checked=${on}
              ?disabled=${this.locked(state)}
              @lk-toggle=${(e: CustomEvent<SwitchToggleDetail>) => this.edit({ [feature]: { enabled: e.detail.checked } })}
            ></lk-switch>`
      }
      <strong part="state" aria-hidden=${plain ? nothing : 'true'}>${this.m.state(on)}</strong>
    </span>`;
  }

  protected renderSpeechToText(state: LicensingState) {
    const { snapshot, planned, draft, issues } = state;
    const m = this.m;
    const snap = snapshot!;
    const stt = snap.speechToText;
    if (!stt) return html`<div part="status" role="status">${m.unavailable(m.sttName)}</div>`;
    // The figures are the planned account's (the store's `planned`): what saving the draft makes.
    const next = planned?.speechToText ?? stt;
    const { enabled, limitOverBase: limit } = next;
    const total = speechToTextTotalMinutes(next);
    const spend = speechToTextMaxSpend(next);
    const onSave = speechToTextOnSave(stt, next);
    const usage = m.sttUsage(stt.usedMinutes, total);
    const mine = issues.filter((i) => 'field' in i && i.field === SPEECH_TO_TEXT);
    const issue = mine.find((i) => i.severity === 'error') ?? mine[0];
    const limitIssue = mine.find(
      (i) => i.code === 'speech-to-text-limit-invalid' || i.code === 'speech-to-text-stops-now',
    );
    this.setState('pending', Boolean(draft.speechToText));
    return html`<article part="base" aria-labelledby="name" ?data-off=${!enabled}>
      <header part="header">
        <h3 part="name" id="name">${m.sttName}</h3>
        ${this.requestBadge(state)}
        <lk-info-popover label=${m.sttName}>${m.sttRule(stt.minutePrice)}</lk-info-popover>
      </header>
      <p part="description">${m.sttDescription}</p>
      ${this.toggle(m.sttName, enabled, state, 'speechToText')}
      ${
        this.changeable(state)
          ? html`<lk-number-stepper
              label=${m.sttLimit}
              optional
              placeholder=${m.sttNoLimit}
              .value=${limit}
              min="0"
              ?readonly=${this.locked(state)}
              ?disabled=${!enabled}
              message=${this.issueWords(limitIssue, snap)}
              message-kind=${limitIssue?.severity ?? 'hint'}
              description=${`${m.sttTotal(stt.baseMinutes, total)} ${usage}`}
              @lk-value=${(e: CustomEvent<StepperValueDetail>) => this.edit({ speechToText: { limitOverBase: e.detail.value } }, e.target)}
            ></lk-number-stepper>`
          : html`<p part="limit">
              ${m.sttLimit}:
              <strong>${limit === null ? m.sttNoLimit : formatNumber(limit, this.locale.lang)}</strong>
            </p>`
      }
      <p part="note">${m.sttTotal(stt.baseMinutes, total)}</p>
      <p part="usage">
        ${usage}
        ${onSave === 'stops' || onSave === 'resumes' ? html`<strong class=${onSave}>${m.sttOnSave[onSave]}</strong>` : nothing}
        ${total !== null ? usageMeter(this.sttThresholds, stt.usedMinutes, total, m.sttName, m.sttMeterValue(stt.usedMinutes, total)) : nothing}
      </p>
      ${enabled ? thresholdLine(this.sttThresholds, stt.usedMinutes, total, m.sttThreshold) : nothing}
      ${
        onSave === 'stopped'
          ? html`<p part="message" data-kind="warning" role="status">
                ${m.sttStopped(formatDate(nextPeriodStart(snap.period), this.locale.lang))}
              </p>
              ${this.keepRunning(state, stt.usedMinutes, next.baseMinutes)}`
          : nothing
      }
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
    const switchIssue = issues.find(
      (i) => i.code === 'ai-topics-needs-speech-to-text' && draft.powerPack?.enabled,
    );
    this.setState('pending', draft.powerPack?.enabled !== undefined);
    return html`<article part="base" aria-labelledby="name">
      <header part="header">
        <h3 part="name" id="name">${m.ppName}</h3>
        ${this.requestBadge(state)}
        <lk-info-popover label=${m.ppName}>${m.ppRule(pp.packPrice)}</lk-info-popover>
      </header>
      <p part="description">${m.ppDescription}</p>
      ${this.toggle(m.ppName, enabled, state, 'powerPack')}
      <p part="note">${m.ppLimitsHint}</p>
      ${this.issueLine(switchIssue, snap)} ${this.readOnlyNote(snap)}
    </article>`;
  }
}
