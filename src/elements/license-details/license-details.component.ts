import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { InstallationLicense } from '../../core/index.js';
import { formatNumber } from '../../i18n/format.js';
import { entryFor, inLanguage } from '../../i18n/names.js';
import { checkIcon, crossIcon, stopIcon, warningIcon } from '../../ui/icons.js';
import { InstallationWidget } from '../../base/installation-widget.js';
import { expiryStatus, type ExpiryStatus } from '../../core/index.js';
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
 * The expiry date shows the days left, a warning in the last 30 days and an expired state after.
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
 * @csspart expiry - The expiration date and days left (`data-state="active" | "expiring" | "expired"`).
 * @csspart notice - The expiring-soon or expired message (`data-kind="warning" | "danger"`).
 * @csspart groups - The grid of groups.
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
    const expiry = expiryStatus(licence.expiresAt, this.clock);
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
          <dd part="expiry" data-state=${expiry.state}>${this.renderExpiry(licence, expiry, m)}</dd>
        </div>
        <div part="fact">
          <dt>${m.status}</dt>
          <dd>${entryFor(m.states, licence.status.state) ?? licence.status.state}</dd>
        </div>
      </dl>
      ${this.renderNotice(licence, expiry, m)}
      <div part="groups">
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

  private renderExpiry(licence: InstallationLicense, expiry: ExpiryStatus, m: LicenseDetailsMessages) {
    const date = this.dateText(licence.expiresAt);
    switch (expiry.state) {
      case 'unknown':
        return date;
      case 'expired':
        return html`${stopIcon}<span>${date} · ${m.expiredAgo(expiry.daysAgo)}</span>`;
      case 'expiring':
        return html`${warningIcon}<span>${date} · ${m.daysLeft(expiry.daysLeft)}</span>`;
      default:
        return html`<span>${date} · ${m.daysLeft(expiry.daysLeft)}</span>`;
    }
  }

  private renderNotice(licence: InstallationLicense, expiry: ExpiryStatus, m: LicenseDetailsMessages) {
    if (expiry.state === 'expiring') {
      return html`<p part="notice" data-kind="warning">
        ${warningIcon}<span>${m.expiringSoon(expiry.daysLeft)}</span>
      </p>`;
    }
    if (expiry.state === 'expired') {
      return html`<p part="notice" data-kind="danger">
        ${stopIcon}<span>${m.expired(this.dateText(licence.expiresAt))}</span>
      </p>`;
    }
    return nothing;
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
