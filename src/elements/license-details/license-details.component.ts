import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { InstallationLicense } from '../../core/index.js';
import { formatNumber } from '../../i18n/format.js';
import { entryFor, inLanguage } from '../../i18n/names.js';
import { checkIcon, crossIcon, stopIcon, warningIcon } from '../../ui/icons.js';
import { InstallationWidget } from '../../base/installation-widget.js';
import { licenceStanding, type LicenceStanding } from '../../core/index.js';
import { messages, type LicenseDetailsMessages } from './license-details.messages.js';
import { styles } from './license-details.styles.js';

/** The lists of an installation licence that name what it includes by id. */
export type FeatureGroup = 'channels' | 'modules' | 'addOns' | 'ai';

/**
 * What the product lists in each group (R10), in its order. These are shown even when the licence lacks
 * them (as "Not included"); ids the licence has beyond them are shown too, after them.
 */
export const KNOWN_FEATURES: Readonly<Record<FeatureGroup, readonly string[]>> = {
  channels: ['voice', 'chat', 'email', 'sms', 'fax', 'open-channel', 'whatsapp'],
  modules: ['contacts-manager', 'dialer', 'jscripty', 'inspectors', 'multiprofile', 'timings'],
  addOns: ['webrtc', 'customization', 'screen-recording', 'real-time-translator'],
  ai: ['ai-bots', 'ai-assistants', 'agent-assistants', 'quality-analysis'],
};

/** The status badge's icon by standing: the text next to it says the same, so colour is never alone. */
const badgeIcons = {
  active: checkIcon,
  expiring: warningIcon,
  expired: stopIcon,
  grace: warningIcon,
  deactivated: stopIcon,
} as const;

interface Item {
  id: string;
  name: string;
  included: boolean;
  /** "Included" / "Not included", or what a yes/no setting says instead. */
  stateText: string;
  description?: TemplateResult | string | undefined;
}

/**
 * @tagname license-details
 * @summary The installation licence in full: plan, expiry with days left, staff, channels, modules,
 * sessions, add-ons, AI solutions and others (R10 in docs/rules.md).
 *
 * The status is a badge with text and icon that reads the status and the expiry date together, so an
 * expired licence never says "Active". The expiry date shows the days left while the licence is
 * active, a warning in the last 30 days and an expired state after; a licence in its grace period
 * or deactivated counts no days. When the licence does not work now (expired, deactivated, past its
 * grace period), a notice says so and its contents show no green ticks.
 * Channels, modules, add-ons and AI solutions list what the product names (and any other id the licence
 * has), each marked included or not by an icon and by text, never by colour alone. Names come from
 * the localised catalogue; `names` lets a host rename or name its own ids; an unknown id is shown
 * as given. With `none` permission only the no-access notice is shown (R1); when the adapter has no
 * installation licence, the widget says it is not available.
 *
 * @csspart base - The whole widget.
 * @csspart heading - The heading.
 * @csspart summary - Plan, expiration date and status (a definition list).
 * @csspart fact - One term and value of the summary.
 * @csspart expiry - The expiration date, with days left while the licence is active (`data-state="active" | "expiring" | "expired"`).
 * @csspart badge - The status as text and icon (`data-state="active" | "expiring" | "expired" | "grace" | "deactivated"`).
 * @csspart notice - What an expiring, expired, deactivated or grace-period licence means for its contents (`data-kind="warning" | "danger"`).
 * @csspart groups - The grid of groups (`data-in-force="false"` when the licence does not work now: its ticks are then muted).
 * @csspart group - One group (staff, channels, …; `data-group`).
 * @csspart group-heading - A group's heading.
 * @csspart figures - A definition list of numbers (staff, sessions).
 * @csspart figure - One number with its term.
 * @csspart figure-term - The term of a number.
 * @csspart figure-value - The number.
 * @csspart list - A list of items that are included or not.
 * @csspart item - One item (`data-included="true" | "false"`).
 * @csspart item-icon - Its check or cross icon.
 * @csspart item-name - Its name.
 * @csspart item-state - "Included", "Not included", "Allowed", "Not allowed".
 * @csspart item-description - What the item gives.
 * @csspart note - The note on sessions.
 * @csspart portal-link - The link to the licensing team's portal.
 * @csspart status - Loading, error, no-access, not-connected and not-available states.
 * @csspart retry-button - The retry button of an error state.
 *
 * @cssproperty --license-details-background - Background of the widget.
 * @cssproperty --license-details-border-color - Border of the widget.
 * @cssproperty --license-details-padding - Padding of the widget.
 * @cssproperty --license-details-column-width - Narrowest column of the grid of groups.
 * @cssproperty --license-details-included-color - Icon colour of an included item.
 * @cssproperty --license-details-excluded-color - Icon and text colour of an item not included.
 * @cssproperty --license-details-warning-color - Colour of the expiring-soon state.
 * @cssproperty --license-details-danger-color - Colour of the expired state.
 *
 * @cssstate expiring - The licence expires soon.
 * @cssstate expired - The licence has expired.
 */
export class LicenseDetails extends InstallationWidget {
  static override styles = [InstallationWidget.styles, styles];

  /**
   * Names by id for channels, modules, add-ons and AI solutions, over the built-in ones (e.g.
   * `{ 'contacts-manager': 'Address book' }`), so a host can rename them or name its own ids.
   */
  @property({ attribute: false }) names: Readonly<Record<string, string>> | undefined;

  private get m(): LicenseDetailsMessages {
    return this.locale.section('license-details', messages);
  }

  private nameOf(id: string): string {
    return (
      entryFor(this.names, id) ??
      inLanguage(
        this.state?.snapshot?.catalog.find((t) => t.id === id),
        this.locale.lang,
      )?.name ??
      entryFor(this.m.names, id) ??
      id
    );
  }

  private number(value: number): string {
    return formatNumber(value, this.locale.lang);
  }

  override render() {
    const status = this.renderStatus();
    this.setState('expiring', false);
    this.setState('expired', false);
    if (status) return status;
    const m = this.m;
    const result = this.installationOrStatus(m);
    if ('view' in result) return result.view;
    const { licence } = result;
    // Status and expiry read together (R10), so nothing here contradicts anything else.
    const standing = licenceStanding(licence, this.clock);
    const expiry = standing.expiry;
    this.setState('expiring', expiry.state === 'expiring');
    this.setState('expired', expiry.state === 'expired');
    return html`<section part="base" aria-labelledby="heading">
      <h3 part="heading" id="heading">${m.heading}</h3>
      <dl part="summary">
        <div part="fact">
          <dt>${m.plan}</dt>
          <dd>${entryFor(m.plans, licence.plan) ?? licence.plan}</dd>
        </div>
        <div part="fact">
          <dt>${m.expiry}</dt>
          <dd part="expiry" data-state=${expiry.state}>${this.renderExpiry(licence, standing, m)}</dd>
        </div>
        <div part="fact">
          <dt>${m.status}</dt>
          <dd>
            <span part="badge" data-state=${standing.state}
              >${badgeIcons[standing.state]}<span>${m.states[standing.state]}</span></span
            >
          </dd>
        </div>
      </dl>
      ${this.renderNotice(licence, standing, m)}
      <div part="groups" data-in-force=${standing.inForce}>
        ${this.group(
          'staff',
          m.staff,
          this.figures([
            [m.staffItems.users, licence.staff.users],
            [m.staffItems.agents, licence.staff.agents],
            [m.staffItems.telephones, licence.staff.telephones],
            [m.staffItems.mobileAgents, licence.staff.mobileAgents],
          ]),
        )}
        ${this.group('channels', m.channels, this.features('channels', licence.channels))}
        ${this.group('modules', m.modules, this.features('modules', licence.modules))}
        ${this.group(
          'sessions',
          m.sessions,
          html`${this.figures([
              [m.sessionItems.ivrChannels, licence.sessions.ivrChannels],
              [m.sessionItems.channelSessions, licence.sessions.channelSessions],
            ])}
            <p part="note">${m.sessionsNote}</p>`,
        )}
        ${this.group('add-ons', m.addOns, this.features('addOns', licence.addOns))}
        ${this.group('ai', m.ai, this.features('ai', licence.ai))}
        ${this.group('others', m.others, this.list(this.others(licence, m)))}
      </div>
    </section>`;
  }

  /** The date, with days left only while the licence is active: none in grace or deactivated. */
  private renderExpiry(licence: InstallationLicense, standing: LicenceStanding, m: LicenseDetailsMessages) {
    const date = this.dateText(licence.expiresAt);
    const expiry = standing.expiry;
    if (expiry.state === 'expired') {
      return html`${stopIcon}<span>${date} · ${m.expiredAgo(expiry.daysAgo)}</span>`;
    }
    if (expiry.state === 'unknown' || standing.state === 'grace' || standing.state === 'deactivated') {
      return date;
    }
    return html`${expiry.state === 'expiring' ? warningIcon : nothing}<span
        >${date} · ${m.daysLeft(expiry.daysLeft)}</span
      >`;
  }

  /** What the standing means for what the licence includes, when it is not simply active. */
  private renderNotice(licence: InstallationLicense, standing: LicenceStanding, m: LicenseDetailsMessages) {
    const { expiry, state, inForce } = standing;
    const graceEnds = this.dateText(licence.status.graceEndsAt);
    // A grace period past its end is the deactivated licence it becomes; one of unknown end says
    // nothing more than its badge.
    const [kind, text] =
      expiry.state === 'expiring' && state === 'expiring'
        ? ['warning', m.expiringSoon(expiry.daysLeft)]
        : state === 'expired'
          ? ['danger', m.expired(this.dateText(licence.expiresAt))]
          : !inForce
            ? ['danger', m.deactivated]
            : state === 'grace' && graceEnds
              ? ['warning', m.graceUntil(graceEnds)]
              : [];
    if (!text) return nothing;
    return html`<p part="notice" data-kind=${kind}>
      ${kind === 'warning' ? warningIcon : stopIcon}<span>${text}</span>
    </p>`;
  }

  private group(id: string, title: string, content: unknown): TemplateResult {
    return html`<div part="group" data-group=${id}>
      <h4 part="group-heading" id="group-${id}">${title}</h4>
      ${content}
    </div>`;
  }

  private figures(rows: ReadonlyArray<readonly [string, number]>): TemplateResult {
    return html`<dl part="figures">
      ${rows.map(
        ([term, value]) =>
          html`<div part="figure">
            <dt part="figure-term">${term}</dt>
            <dd part="figure-value">${this.number(value)}</dd>
          </div>`,
      )}
    </dl>`;
  }

  private features(group: FeatureGroup, ids: readonly string[]): TemplateResult {
    const m = this.m;
    const have = new Set(ids);
    const all = [...new Set([...KNOWN_FEATURES[group], ...ids])];
    return this.list(
      all.map((id) => ({
        id,
        name: this.nameOf(id),
        included: have.has(id),
        stateText: have.has(id) ? m.included : m.notIncluded,
        description: entryFor(m.descriptions, id),
      })),
    );
  }

  private others(licence: InstallationLicense, m: LicenseDetailsMessages): Item[] {
    return [
      {
        id: 'updates',
        name: m.updates,
        included: licence.updatesAllowed,
        stateText: licence.updatesAllowed ? m.updatesAllowed : m.updatesForbidden,
        description: licence.updatesAllowed
          ? m.updatesAllowedText
          : this.portalLink(m.updatesForbiddenText, m.opensInNewTab),
      },
      {
        id: 'app-zone',
        name: m.appZone,
        included: licence.appZone,
        stateText: licence.appZone ? m.included : m.notIncluded,
        description: m.appZoneText,
      },
    ];
  }

  private list(items: readonly Item[]): TemplateResult {
    return html`<ul part="list">
      ${items.map(
        (item) =>
          html`<li part="item" data-included=${item.included ? 'true' : 'false'} data-id=${item.id}>
            <span part="item-icon" class="item-icon">${item.included ? checkIcon : crossIcon}</span>
            <span class="item-text">
              <span part="item-name">${item.name}</span>
              <span part="item-state" class="item-state">${item.stateText}</span>
              ${
                item.description
                  ? html`<span part="item-description" class="item-description">${item.description}</span>`
                  : nothing
              }
            </span>
          </li>`,
      )}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'license-details': LicenseDetails;
  }
}
