import { html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { LicensingWidget } from './licensing-widget.js';
import { instant, type InstallationLicense } from '../core/index.js';
import { formatDate } from '../i18n/format.js';

/** The product's service desk, where users reach the licensing team (R10, docs/rules.md). */
export const DEFAULT_SUPPORT_URL = 'https://xcally.atlassian.net/servicedesk/customer/portal/3';

/** Text around a link, so each language puts the link where its word order wants it. */
export interface LinkedText {
  before: string;
  link: string;
  after: string;
}

/** What the installation part says while it is not ready. */
export interface InstallationStatusMessages {
  loadFailed: string;
  notAvailable: string;
  opensInNewTab: string;
}

/**
 * What `<license-token>` and `<license-details>` share on top of `LicensingWidget`: they load the
 * installation licence too, count days from a clock a host or a test can fix, link to the licensing
 * team's portal, and render the installation licence's own loading / error / not-available states.
 *
 * @cssstate unsupported - The adapter offers no installation licence; the widget says so.
 */
export class InstallationWidget extends LicensingWidget {
  /** The moment days left are counted from (grace period, expiry); when unset, the current time. */
  @property({ attribute: false }) now: Date | undefined;

  /** Where users contact the licensing team; the product's service-desk portal by default. */
  @property({ attribute: 'support-url' }) supportUrl = DEFAULT_SUPPORT_URL;

  protected override needsInstallation(): boolean {
    return true;
  }

  /** `now` in milliseconds, or the current time. */
  protected get clock(): number {
    return (this.now ?? new Date()).getTime();
  }

  /** A date in the language in effect; the text as given when it is not a date. */
  protected dateText(iso: string | undefined): string {
    return instant(iso) === undefined ? (iso ?? '') : formatDate(iso!, this.locale.lang);
  }

  /** A link to the licensing team's portal inside a sentence; it opens in a new tab. */
  protected portalLink(text: LinkedText, opensInNewTab: string): TemplateResult {
    return html`${text.before}<a
        part="portal-link"
        href=${this.supportUrl}
        target="_blank"
        rel="noopener noreferrer"
        >${text.link}<span class="visually-hidden"> ${opensInNewTab}</span></a
      >${text.after}`;
  }

  /**
   * The installation licence, once loaded; until then the template of its state: busy while it
   * loads, the failure with a retry, or "not available" when the adapter does not offer it. Sets
   * the custom states `loading`, `error` and `unsupported` for it.
   */
  protected installationOrStatus(
    m: InstallationStatusMessages,
  ): { licence: InstallationLicense } | { view: TemplateResult } {
    const installation = this.state!.installation;
    const busy = installation.status === 'idle' || installation.status === 'loading';
    this.setState('loading', busy);
    this.setState('error', installation.status === 'error');
    this.setState('unsupported', installation.status === 'unsupported');
    switch (installation.status) {
      case 'ready':
        return { licence: installation.licence };
      case 'unsupported':
        return { view: html`<div part="status" role="status">${m.notAvailable}</div>` };
      case 'error':
        return {
          view: html`<div part="status" data-kind="error" role="alert">
            <span>${m.loadFailed} ${this.errorText(installation.error)}</span>
            <button
              class="button"
              part="retry-button"
              type="button"
              @click=${() => this.licensing.store?.loadInstallation({ force: true })}
            >
              ${this.t.retry}
            </button>
          </div>`,
        };
      default:
        return {
          view: html`<div part="status" role="status" aria-busy="true">
            <span class="visually-hidden">${this.t.loading}</span>
            <span class="skeleton" aria-hidden="true"></span>
          </div>`,
        };
    }
  }
}
