import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { canView, type HistoryEntry, type HistoryPage, type LicensingSnapshot } from '../../core/index.js';
import { isAbortError, toLicensingError, type LicensingError } from '../../adapters/errors.js';
import { LicensingWidget } from '../../base/licensing-widget.js';
import { inLanguage } from '../../i18n/names.js';
import { hasHistory, listHistory } from '../../state/history.js';
import { messages, type LicenceHistoryMessages } from './licence-history.messages.js';
import { historyPageSize, historyQuery, PERIODS, type HistoryPeriod } from './licence-history.query.js';
import { styles } from './licence-history.styles.js';
import { describeChange, formatWhen } from './licence-history.text.js';

export type { HistoryPeriod } from './licence-history.query.js';

type Load =
  | { status: 'idle' | 'unavailable' }
  | { status: 'loading'; page?: HistoryPage }
  | { status: 'ready'; page: HistoryPage }
  | { status: 'error'; error: LicensingError };

/**
 * The account's saved changes, newest first: when (local date and time), who, each change from →
 * to ("Voice 10 → 14", "Retention 3 → 9 months", "Power Pack AI QA limit none → 5") and what it did
 * to this month's and next month's invoice as quoted when it was saved. Filtered by licence type or
 * setting and by period, paged through the adapter's optional `listHistory`, exported as CSV
 * (formula-safe). `view` and `update` see it; `none` sees the no-access notice. A commit made on
 * the same store (the cart) shows at once: the history asks again whenever the snapshot's version
 * changes. Without `listHistory` it says the history is not available here.
 *
 * @tagname licence-history
 * @summary Who changed which licences, when, and what it cost.
 *
 * @csspart base - The wrapper of everything the element shows.
 * @csspart heading - The "Licence history" heading.
 * @csspart intro - The sentence under the heading.
 * @csspart toolbar - The filters and the export button.
 * @csspart type-filter - The licence type or setting filter's label and select.
 * @csspart period-filter - The period filter's label and select.
 * @csspart export-button - "Export CSV": every commit that matches the filters, as a CSV file.
 * @csspart list - The list of commits.
 * @csspart entry - One commit.
 * @csspart meta - A commit's time and author.
 * @csspart when - A commit's local date and time.
 * @csspart who - Who saved the commit.
 * @csspart changes - The list of a commit's changes.
 * @csspart change - One change, "Voice 10 → 14".
 * @csspart cost - This month's and next month's invoice change, as quoted when it was saved.
 * @csspart pager - The range shown and the previous / next buttons.
 * @csspart range - "1–20 of 45".
 * @csspart status - A state instead of the list: loading, empty, failed, not available, no access.
 * @csspart retry-button - "Try again" after a failed load.
 * @csspart message - Why the CSV export failed.
 *
 * @cssstate loading - The snapshot or a page of the history is being loaded.
 * @cssstate error - The snapshot or the history failed to load.
 * @cssstate empty - No commit matches (or none was ever saved).
 * @cssstate unavailable - The adapter has no `listHistory`.
 * @cssstate no-access - The user has no access to licensing (permission `none`).
 * @cssstate read-only - The user may look but not change anything (permission `view`).
 */
export class LicenceHistory extends LicensingWidget {
  static override styles = [LicensingWidget.styles, styles];

  /** The level of the "Licence history" heading (2 by default; `<licence-manager>` sets 3). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Commits per page. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /** The licence type id or setting (`retention`, `speech-to-text`, `power-pack`) shown; empty for all. */
  @property({ attribute: 'type-filter' }) typeFilter = '';

  /** The period shown: `all`, `month` (this billing month), `90d` or `12m`. */
  @property() period: HistoryPeriod = 'all';

  @state() private offset = 0;
  @state() private load: Load = { status: 'idle' };
  @state() private exporting = false;
  @state() private exportError: LicensingError | undefined;

  /** The pager button just pressed, until its page has loaded (focus is placed after it). */
  private paged: 'previous' | 'next' | undefined;
  private queried = '';
  private request: AbortController | undefined;

  private get m(): LicenceHistoryMessages {
    return this.locale.section('licence-history', messages);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.request?.abort();
    this.queried = '';
  }

  protected override willUpdate(): void {
    const snapshot = this.state?.snapshot;
    const store = this.licensing.store;
    if (!snapshot || !store || !canView(snapshot.permission)) return;
    // The version changes on every commit (the cart's, or another admin's through live updates):
    // asking again then shows it without a reload.
    const key = [
      snapshot.version,
      this.typeFilter,
      this.period,
      this.offset,
      historyPageSize(this.pageSize),
    ].join('|');
    if (key === this.queried) return;
    this.queried = key;
    this.request?.abort();
    if (!hasHistory(store)) {
      this.load = { status: 'unavailable' };
      return;
    }
    const request = (this.request = new AbortController());
    const page = this.load.status === 'ready' ? this.load.page : undefined;
    this.load = page ? { status: 'loading', page } : { status: 'loading' };
    listHistory(store, historyQuery(snapshot, this, this.offset, historyPageSize(this.pageSize)), {
      signal: request.signal,
    }).then(
      (result) => {
        if (request.signal.aborted) return;
        // A page past the end (a filter narrowed it, or commits were fewer): back to the first.
        if (result.entries.length === 0 && this.offset > 0) this.offset = 0;
        else this.load = { status: 'ready', page: result };
      },
      (error: unknown) => {
        if (request.signal.aborted || isAbortError(error)) return;
        this.load = { status: 'error', error: toLicensingError(error) };
      },
    );
  }

  /** Previous / Next: ignored while a page loads (the buttons stay focusable meanwhile). */
  private turn(to: 'previous' | 'next'): void {
    if (this.load.status !== 'ready') return;
    const size = historyPageSize(this.pageSize);
    this.paged = to;
    this.offset = to === 'next' ? this.offset + size : Math.max(0, this.offset - size);
  }

  /**
   * The page has loaded: the button pressed keeps focus unless it is disabled now (Next on the
   * last page), then the other one takes it, or the list when neither is enabled.
   */
  protected override updated(): void {
    if (!this.paged || this.load.status !== 'ready') return;
    const pressed = this.paged;
    this.paged = undefined;
    const root = this.renderRoot;
    const [previous, next] = [...root.querySelectorAll<HTMLButtonElement>('[part~="pager"] button')];
    const [own, other] = pressed === 'next' ? [next, previous] : [previous, next];
    if (own && !own.disabled) return;
    if (other && !other.disabled) other.focus();
    else root.querySelector<HTMLElement>('[part~="list"]')?.focus();
  }

  private retry = () => {
    this.queried = '';
    this.requestUpdate();
  };

  private onType = (event: Event) => {
    this.typeFilter = (event.target as HTMLSelectElement).value;
    this.offset = 0;
  };

  private onPeriod = (event: Event) => {
    const value = (event.target as HTMLSelectElement).value as HistoryPeriod;
    this.period = PERIODS.includes(value) ? value : 'all';
    this.offset = 0;
  };

  /** Every commit matching the filters, fetched in pages, saved as CSV (formula-safe). */
  private exportCsv = async () => {
    const store = this.licensing.store;
    const snapshot = this.state?.snapshot;
    if (!store || !snapshot || this.exporting) return;
    this.exporting = true;
    this.exportError = undefined;
    try {
      // Its code comes with the first export: the list never needs it.
      const { exportHistory } = await import('./licence-history.export.js');
      const words = { m: this.m, t: this.t, lang: this.locale.lang };
      await exportHistory(store, snapshot, this, words, this.renderRoot);
    } catch (error) {
      this.exportError = toLicensingError(error);
    } finally {
      this.exporting = false;
    }
  };

  protected override render(): TemplateResult {
    const m = this.m;
    const status = this.renderStatus();
    const load = this.load;
    this.setState('unavailable', !status && load.status === 'unavailable');
    const header = html`<div part="heading" role="heading" aria-level=${this.headingLevel}>
      ${m.heading}
    </div>`;
    if (status) return html`<section part="base">${header}${status}</section>`;
    if (load.status === 'unavailable') {
      return html`<section part="base">
        ${header}
        <div part="status" data-kind="unavailable" role="status">${m.notAvailable}</div>
      </section>`;
    }
    const snapshot = this.state!.snapshot!;
    const page = load.status === 'ready' || load.status === 'loading' ? load.page : undefined;
    this.setState('loading', load.status === 'loading' || load.status === 'idle');
    this.setState('error', load.status === 'error');
    this.setState('empty', load.status === 'ready' && load.page.total === 0);
    return html`<section part="base">
      ${header}
      <p part="intro">${m.intro}</p>
      ${this.renderToolbar(snapshot)}
      ${
        load.status === 'error'
          ? html`<div part="status" data-kind="error" role="alert">
              <span>${m.loadFailed} ${this.errorText(load.error)}</span>
              <button class="button" part="retry-button" @click=${this.retry}>${this.t.retry}</button>
            </div>`
          : page
            ? this.renderPage(page, snapshot, load.status === 'loading')
            : html`<div part="status" role="status" aria-busy="true">
                <span class="visually-hidden">${m.loading}</span>
                <span class="skeleton" aria-hidden="true"></span>
              </div>`
      }
    </section>`;
  }

  private renderToolbar(snapshot: LicensingSnapshot): TemplateResult {
    const m = this.m;
    const lang = this.t.lang;
    const settings: [string, string][] = [
      ...(snapshot.recording ? [['retention', m.retention] as [string, string]] : []),
      ...(snapshot.speechToText ? [['speech-to-text', m.speechToText] as [string, string]] : []),
      ...(snapshot.powerPack ? [['power-pack', m.powerPack] as [string, string]] : []),
    ];
    const options: [string, string][] = [
      ...snapshot.catalog.map((type): [string, string] => [type.id, inLanguage(type, lang).name]),
      ...settings,
    ];
    return html`<div part="toolbar">
      <label part="type-filter" class="field">
        ${m.typeFilter}
        <select data-filter .value=${live(this.typeFilter)} @change=${this.onType}>
          <option value="" ?selected=${!this.typeFilter}>${m.allTypes}</option>
          ${options.map(
            ([value, name]) =>
              html`<option value=${value} ?selected=${value === this.typeFilter}>${name}</option>`,
          )}
        </select>
      </label>
      <label part="period-filter" class="field">
        ${m.periodFilter}
        <select data-filter .value=${live(this.period)} @change=${this.onPeriod}>
          ${PERIODS.map(
            (period) =>
              html`<option value=${period} ?selected=${period === this.period}>${m.periods[period]}</option>`,
          )}
        </select>
      </label>
      <button
        class="button"
        part="export-button"
        ?disabled=${this.exporting || this.load.status !== 'ready' || this.load.page.total === 0}
        @click=${this.exportCsv}
      >
        ${this.exporting ? m.exporting : m.exportCsv}
      </button>
      ${
        this.exportError
          ? html`<p part="message" data-kind="error" role="alert">
              ${m.exportFailed} ${this.errorText(this.exportError)}
            </p>`
          : nothing
      }
    </div>`;
  }

  private renderPage(page: HistoryPage, snapshot: LicensingSnapshot, busy: boolean): TemplateResult {
    const m = this.m;
    if (page.total === 0) {
      const filtered = this.typeFilter !== '' || this.period !== 'all';
      return html`<div part="status" data-kind="empty" role="status">
        ${filtered ? m.emptyFiltered : m.empty}
      </div>`;
    }
    const first = this.offset + 1;
    const last = this.offset + page.entries.length;
    return html`<ol part="list" tabindex="-1" aria-busy=${busy ? 'true' : 'false'} aria-label=${m.heading}>
        ${page.entries.map((entry) => this.renderEntry(entry, snapshot))}
      </ol>
      ${
        page.total > page.entries.length
          ? html`<nav part="pager" aria-label=${m.pages}>
              <p part="range" role="status">${m.range(first, last, page.total)}</p>
              <button class="button" ?disabled=${this.offset === 0} @click=${() => this.turn('previous')}>
                ${m.previous}
              </button>
              <button class="button" ?disabled=${last >= page.total} @click=${() => this.turn('next')}>
                ${m.next}
              </button>
            </nav>`
          : nothing
      }`;
  }

  private renderEntry(entry: HistoryEntry, snapshot: LicensingSnapshot): TemplateResult {
    const m = this.m;
    const when = formatWhen(entry.at, this.locale.lang);
    return html`<li part="entry">
      <p part="meta">
        <time part="when" datetime=${entry.at}>${when}</time>
        <span part="who">${m.by(entry.user)}</span>
      </p>
      <ul part="changes" aria-label=${m.changesOf(when)}>
        ${
          entry.changes.length
            ? entry.changes.map(
                (change) => html`<li part="change">${describeChange(change, snapshot, m, this.t)}</li>`,
              )
            : html`<li part="change">${m.noChange}</li>`
        }
      </ul>
      ${
        // Only limits or switches of usage-based services: no seat charge moved, and "€0.00" would
        // read as "free" where the bill follows use.
        entry.changes.length > 0 &&
        entry.changes.every((c) => c.kind !== 'count' && c.kind !== 'retention') &&
        entry.thisMonth.amount === 0 &&
        entry.nextMonth.amount === 0
          ? html`<p part="cost">${m.usageBased}</p>`
          : html`<dl part="cost">
              <dt>${m.thisMonth}</dt>
              <dd>${m.money(entry.thisMonth)}</dd>
              <dt>${m.nextMonth}</dt>
              <dd>${m.money(entry.nextMonth)}</dd>
            </dl>`
      }
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'licence-history': LicenceHistory;
  }
}
