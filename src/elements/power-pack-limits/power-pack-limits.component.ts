import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import {
  canEdit,
  canView,
  nextPeriodStart,
  powerPackServiceOnSave,
  powerPackServiceSpend,
  servicePrerequisite,
  suggestLimit,
  type PowerPack,
  type PowerPackService,
  type PrerequisiteStatus,
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
import { formatDate } from '../../i18n/format.js';
import { entryFor, inLanguage } from '../../i18n/names.js';
import type { LicensingState } from '../../state/state.js';
import { NumberStepper, type StepperValueDetail } from '../../ui/number-stepper.js';
import { Switch, type SwitchToggleDetail } from '../../ui/switch.js';
import { messages } from './power-pack-limits.messages.js';
import { styles } from './power-pack-limits.styles.js';

/**
 * @tagname power-pack-limits
 * @summary The Power Pack switch and each service's monthly limit in packs (R8), with usage,
 * "stopped until next month", prerequisites and the maximum monthly spend.
 *
 * The services come from the snapshot. A limit is a whole number of packs; empty means no limit.
 * Every change goes into the shared draft and so into the cart; nothing is saved behind the user's
 * back. The figures follow the pending change: usage is shown against the planned limit, a limit
 * lowered to what is used says the service stops as soon as it is saved, and a stopped service
 * given room says it resumes. With `view` permission the switch and the limits are plain text;
 * with requests on (`store.allowRequests()`, `<licence-manager requests>`) a `view` user gets them
 * back, marked "Request" like the cards: what they change is a request the cart sends for an
 * administrator to approve, never a purchase (R1).
 *
 * Usage alerts (R11): past a threshold of its limit (75 %, 90 %, 100 % unless `thresholds` says
 * otherwise) a service says so in words with the percentage and an icon, and the element fires
 * `licence-usage-threshold` once per crossing of the saved limit. A stopped service says what limit
 * would keep it running this month, with "Raise the limit to N" (`update` permission) that puts it
 * in the cart.
 *
 * @event licence-change - The user changed the draft; `detail.draft`.
 * @event licence-usage-threshold - A service's usage reached a threshold of its saved limit, once
 * per crossing; `detail.service` (the service id), `detail.threshold`, `detail.usage`.
 *
 * @csspart base - The whole block.
 * @csspart service - One service.
 * @csspart description - What a service does.
 * @csspart state - "On" / "Off", after the switch (or after the name, read-only).
 * @csspart limit - A limit as text, read-only.
 * @csspart usage - Packs used this month of the planned limit, and what saving does to the stop.
 * @csspart stopped - "Stopped until …".
 * @csspart threshold - The highest usage threshold a service reached, in words with an icon.
 * @csspart keep-running - A stopped service: the limit offered: from the 7th day of the month the
 * estimate that keeps it running to the month's end at its pace, before it the one that resumes it
 * now (`data-basis` `pace` / `resume`).
 * @csspart raise-button - A stopped service: "Raise the … limit to N (at most … a month)" (puts it
 * in the cart).
 * @csspart prerequisite - What a service needs and whether it is there.
 * @csspart spend - The maximum monthly spend.
 * @csspart message - A rule's warning or error.
 * @csspart note - Notes (Power Pack off, read-only or request, pack price).
 * @csspart request-badge - "Request", after the title, while a `view` user drafts a request.
 * @csspart status - Loading, error, no-access and not-connected states.
 * @csspart retry-button - The retry button of the error state.
 *
 * @cssproperty --power-pack-limits-background - Background.
 * @cssproperty --power-pack-limits-border-color - Border.
 *
 * @cssstate off - Power Pack is switched off (in the draft, or saved).
 */
export class PowerPackLimits extends EditingWidget {
  static override styles = [EditingWidget.styles, styles];
  static override dependencies = { 'lk-number-stepper': NumberStepper, 'lk-switch': Switch };

  /**
   * The usage thresholds in percent of each limit, e.g. `"50,80,100"` (R11); 75, 90, 100 when
   * unset. A list with an entry that is not a whole number from 1 to 100 is refused whole: the
   * default applies and a console warning says why.
   */
  @property() thresholds: string | undefined;

  /**
   * The day "this month's pace" is measured to, for the limit that keeps a stopped service
   * running; when unset, today.
   */
  @property({ attribute: false }) now: Date | undefined;

  private get m() {
    return this.locale.section('power-pack-limits', messages);
  }

  private get levels() {
    return thresholdsOf(this.thresholds, 'power-pack-limits');
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const snapshot = this.state?.snapshot;
    const pp = snapshot?.powerPack;
    if (!pp || !canView(snapshot.permission)) return;
    // The saved account's readings: a pending limit is not usage, so only a save moves the level.
    for (const service of pp.services) {
      announceCrossings(this, this.licensing.store!, service.id, this.levels, {
        period: snapshot.period.start,
        used: service.used,
        limit: pp.enabled ? service.limit : null,
      });
    }
  }

  /**
   * A stopped service: the limit offered (R11 `suggestLimit`: early in the month the one that
   * resumes it, later the pace estimate), and the button that plans it, with what it costs at most.
   */
  private keepRunning(state: LicensingState, service: PowerPackService, index: number) {
    const snap = state.snapshot!;
    const { basis, limit } = suggestLimit(service.used, snap.period, isoDay(this.now));
    const spend = powerPackServiceSpend({ enabled: true, packPrice: snap.powerPack!.packPrice }, limit);
    const m = this.m;
    return keepRunningOffer(
      basis,
      m.keepRunning(limit, formatDate(snap.period.end, this.locale.lang), basis === 'pace'),
      canEdit(snap.permission)
        ? {
            label: m.raise(service.name, limit, spend.kind === 'capped' ? spend.amount : null),
            disabled: this.locked(state),
            onClick: () => void this.raise(service.id, limit, index),
          }
        : undefined,
    );
  }

  /** Puts the raised limit in the draft, as editing the field would, then moves focus to that field. */
  private async raise(id: string, limit: number, index: number): Promise<void> {
    if (!this.edit({ powerPack: { limits: { [id]: limit } } })) return;
    await this.updateComplete;
    this.renderRoot.querySelectorAll<HTMLElement>('lk-number-stepper')[index]?.focus();
  }

  private prerequisite(status: PrerequisiteStatus | undefined) {
    if (!status) return nothing;
    const m = this.m;
    const text =
      status.kind === 'email-queues'
        ? m.emailQueues(status.emailQueues)
        : status.kind === 'speech-to-text'
          ? m.speechToText(status.speechToTextOn, status.callQueuesWithAiTopics)
          : m.aiQaForm(status.aiQaForms);
    // One state, from the rule: met or missing in words, not colour alone.
    return html`<p part="prerequisite" data-met=${status.met ? 'true' : 'false'}>
      <span class="badge">${status.met ? m.met : m.missing}</span>
      <span>${text}</span>
    </p>`;
  }

  private service(
    service: PowerPackService,
    index: number,
    state: LicensingState,
    planned: PowerPack,
    readonly: boolean,
  ) {
    const { snapshot, draft, issues } = state;
    const m = this.m;
    const snap = snapshot!;
    // The planned service (the store's `planned`): the figures say what the account will be on save.
    const next = planned.services.find((s) => s.id === service.id) ?? service;
    const limit = next.limit;
    const spend = powerPackServiceSpend(planned, limit);
    const onSave = powerPackServiceOnSave(snap.powerPack!, service, planned, next);
    const usage = m.usage(service.used, limit);
    const spendWords =
      spend.kind === 'too-large'
        ? m.maxSpendTooLarge
        : m.maxSpend(spend.kind === 'capped' ? spend.amount : null);
    const mine = issues.filter((i) => 'serviceId' in i && i.serviceId === service.id);
    const limitIssue = mine.find(
      (i) => i.code === 'power-pack-limit-invalid' || i.code === 'power-pack-service-stops-now',
    );
    const others = mine.filter((i) => i !== limitIssue && i.code !== 'unknown-power-pack-service');
    const description = entryFor(m.descriptions, service.id);
    // By position: a service id from the backend may hold spaces, which would split the reference.
    return html`<li
      part="service"
      ?data-stopped=${onSave === 'stopped' || onSave === 'stops'}
      aria-labelledby="service-${index}"
    >
      <h4 id="service-${index}">${service.name}</h4>
      ${description ? html`<p part="description">${description}</p>` : nothing}
      ${
        this.changeable(state)
          ? html`<lk-number-stepper
              label=${m.limitLabel(service.name)}
              optional
              placeholder=${m.noLimit}
              .value=${limit}
              min="0"
              ?readonly=${readonly}
              ?disabled=${!planned.enabled}
              message=${this.issueWords(limitIssue, snap)}
              message-kind=${limitIssue?.severity ?? 'hint'}
              description=${`${usage}. ${spendWords}`}
              @lk-value=${(e: CustomEvent<StepperValueDetail>) => this.edit({ powerPack: { limits: { [service.id]: e.detail.value } } }, e.target)}
            ></lk-number-stepper>`
          : html`<p part="limit">${limit === null ? m.noLimit : m.limit(limit)}</p>`
      }
      <p part="usage">
        ${usage}
        ${onSave === 'stops' || onSave === 'resumes' ? html`<strong class=${onSave}>${m.onSave[onSave]}</strong>` : nothing}
        ${limit ? usageMeter(this.levels, service.used, limit, service.name, m.meterValue(service.used, limit)) : nothing}
      </p>
      ${planned.enabled ? thresholdLine(this.levels, service.used, limit, m.threshold) : nothing}
      ${
        onSave === 'stopped'
          ? html`<p part="stopped" role="status">
                ${m.stopped(formatDate(nextPeriodStart(snap.period), this.locale.lang))}
              </p>
              ${this.keepRunning(state, service, index)}`
          : nothing
      }
      ${this.prerequisite(servicePrerequisite(snap, draft, service.id))}
      ${others.map((issue) => this.renderIssue(issue, snap))}
      <p part="spend">${spendWords}</p>
    </li>`;
  }

  override render() {
    const status = this.renderStatus();
    if (status) return status;
    const m = this.m;
    const state = this.state!;
    const snapshot = state.snapshot!;
    const pp = snapshot.powerPack;
    if (!pp) return html`<div part="status" role="status">${m.noPowerPack}</div>`;
    // What the fields show is the account once the draft is saved (applyDraft, src/core).
    const planned = state.planned?.powerPack ?? pp;
    const enabled = planned.enabled;
    const editable = this.changeable(state);
    // Locked while a save runs too (EditingWidget); the note speaks of the permission only (R1).
    const readonly = this.locked(state);
    this.setState('off', !enabled);
    return html`<section part="base" aria-labelledby="title">
      <header>
        <h3 id="title">${m.title}</h3>
        ${this.requestBadge(state)}
        <span class="toggle">
          ${
            editable
              ? html`<lk-switch
                  label=${m.switch}
                  ?checked=${enabled}
                  ?disabled=${readonly}
                  @lk-toggle=${(e: CustomEvent<SwitchToggleDetail>) => this.edit({ powerPack: { enabled: e.detail.checked } })}
                ></lk-switch>`
              : m.switch
          }
          <strong part="state" aria-hidden=${editable ? 'true' : nothing}>${m.state(enabled)}</strong>
        </span>
      </header>
      <p part="note">${m.packPrice(pp.packPrice)}</p>
      ${enabled ? nothing : html`<p part="note" role="status">${m.off}</p>`} ${this.readOnlyNote(snapshot)}
      ${
        pp.services.length
          ? html`<ul>
              ${pp.services.map((service, index) => this.service(inLanguage(service, this.locale.lang), index, state, planned, readonly))}
            </ul>`
          : html`<p part="note">${m.noServices}</p>`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'power-pack-limits': PowerPackLimits;
  }
}
