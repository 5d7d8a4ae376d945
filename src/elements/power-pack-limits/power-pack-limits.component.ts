import { html, nothing } from 'lit';
import {
  canEdit,
  isPowerPackServiceStopped,
  nextPeriodStart,
  powerPackServiceSpend,
  servicePrerequisite,
  type ChangeSet,
  type LicensingSnapshot,
  type PowerPack,
  type PowerPackService,
  type PrerequisiteStatus,
  type ValidationIssue,
} from '../../core/index.js';
import { EditingWidget } from '../../base/editing-widget.js';
import { formatDate } from '../../i18n/format.js';
import { entryFor, inLanguage } from '../../i18n/names.js';

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
 * back. Lowering a limit below what is used warns that the service stops at once.
 *
 * @event licence-change - The user changed the draft; `detail.draft`.
 *
 * @csspart base - The whole block.
 * @csspart service - One service.
 * @csspart description - What a service does.
 * @csspart usage - Packs used this month.
 * @csspart stopped - "Stopped until …".
 * @csspart prerequisite - What a service needs and whether it is there.
 * @csspart spend - The maximum monthly spend.
 * @csspart message - A rule's warning or error.
 * @csspart note - Notes (Power Pack off, read-only, pack price).
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

  private get m() {
    return this.locale.section('power-pack-limits', messages);
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
    // Met or missing in words, not colour alone.
    return html`<p part="prerequisite" data-met=${status.met ? 'true' : 'false'}>
      <span class="badge">${status.met ? m.met : m.missing}</span>
      <span>${m.prerequisite}: ${text}</span>
    </p>`;
  }

  private service(
    service: PowerPackService,
    planned: PowerPackService,
    snapshot: LicensingSnapshot,
    plannedPack: PowerPack,
    draft: ChangeSet,
    issues: readonly ValidationIssue[],
    index: number,
    readonly: boolean,
  ) {
    const m = this.m;
    const limit = planned.limit;
    const spend = powerPackServiceSpend(plannedPack, limit);
    const stopped = isPowerPackServiceStopped(plannedPack, service);
    const mine = issues.filter((i) => 'serviceId' in i && i.serviceId === service.id);
    const limitIssue = mine.find(
      (i) => i.code === 'power-pack-limit-invalid' || i.code === 'power-pack-service-stops-now',
    );
    const others = mine.filter((i) => i !== limitIssue && i.code !== 'unknown-power-pack-service');
    const description = entryFor(m.descriptions, service.id);
    // By position: a service id from the backend may hold spaces, which would split the reference.
    return html`<li part="service" ?data-stopped=${stopped} aria-labelledby="service-${index}">
      <h4 id="service-${index}">${service.name}</h4>
      ${description ? html`<p part="description">${description}</p>` : nothing}
      <lk-number-stepper
        label=${m.limitLabel(service.name)}
        optional
        placeholder=${m.noLimit}
        .value=${limit}
        min="0"
        ?readonly=${readonly}
        ?disabled=${!plannedPack.enabled}
        message=${this.issueWords(limitIssue, snapshot)}
        message-kind=${limitIssue?.severity ?? 'hint'}
        @lk-value=${(e: CustomEvent<StepperValueDetail>) => this.edit({ powerPack: { limits: { [service.id]: e.detail.value } } }, e.target)}
      ></lk-number-stepper>
      <p part="usage">
        ${m.usage(service.used, service.limit)}
        ${
          service.limit !== null && service.limit > 0
            ? html`<meter
                min="0"
                max=${service.limit}
                value=${Math.min(service.used, service.limit)}
                aria-label=${m.usage(service.used, service.limit)}
              ></meter>`
            : nothing
        }
      </p>
      ${stopped ? html`<p part="stopped" role="status">${m.stopped(formatDate(nextPeriodStart(snapshot.period), this.locale.lang))}</p>` : nothing}
      ${this.prerequisite(servicePrerequisite(snapshot, draft, service.id))}
      ${others.map((issue) => this.renderIssue(issue, snapshot))}
      <p part="spend">
        ${spend.kind === 'too-large' ? m.maxSpendTooLarge : m.maxSpend(spend.kind === 'capped' ? spend.amount : null)}
      </p>
    </li>`;
  }

  override render() {
    const status = this.renderStatus();
    if (status) return status;
    const m = this.m;
    const { snapshot, planned: next, draft, issues } = this.state!;
    const pp = snapshot!.powerPack;
    if (!pp) return html`<div part="status" role="status">${m.noPowerPack}</div>`;
    // What the fields show is the account once the draft is saved (applyDraft, src/core).
    const planned = next?.powerPack ?? pp;
    const enabled = planned.enabled;
    // Locked while a save runs too (EditingWidget); the note speaks of the permission only (R1).
    const readonly = this.locked(this.state!);
    this.setState('off', !enabled);
    return html`<section part="base" aria-labelledby="title">
      <header>
        <h3 id="title">${m.title}</h3>
        <lk-switch
          label=${m.switch}
          ?checked=${enabled}
          ?disabled=${readonly}
          @lk-toggle=${(e: CustomEvent<SwitchToggleDetail>) => this.edit({ powerPack: { enabled: e.detail.checked } })}
        ></lk-switch>
      </header>
      <p part="note">${m.packPrice(pp.packPrice)}</p>
      ${enabled ? nothing : html`<p part="note" role="status">${m.off}</p>`}
      ${canEdit(snapshot!.permission) ? nothing : html`<p part="note">${this.t.readOnly}</p>`}
      ${this.renderRefusal()}
      ${
        pp.services.length
          ? html`<ul>
              ${pp.services.map((service, index) => this.service(inLanguage(service, this.locale.lang), planned.services.find((s) => s.id === service.id) ?? service, snapshot!, planned, draft, issues, index, readonly))}
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
