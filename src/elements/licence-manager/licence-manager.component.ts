import { ContextProvider } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { canEdit } from '../../core/index.js';
import { RulesWidget } from '../../base/rules-widget.js';
import type { LicenceBackToCartDetail, LicenceShowUsageDetail } from '../../events.js';
import { licensingContext } from '../../state/context.js';
import { LicenceCard } from '../licence-card/licence-card.component.js';
import { LicenceCart } from '../licence-cart/licence-cart.component.js';
import { LicenseDetails } from '../license-details/license-details.component.js';
import { LicenseToken } from '../license-token/license-token.component.js';
import { PowerPackLimits } from '../power-pack-limits/power-pack-limits.component.js';
import { RetentionPicker } from '../retention-picker/retention-picker.component.js';
import {
  historySection,
  loadRequestsPanel,
  loadSeatTable,
  loadUsageOverview,
  prefetchUsageOverview,
  usageDialog,
} from './lazy-sections.js';
import { messages } from './licence-manager.messages.js';
import { styles } from './licence-manager.styles.js';

/**
 * The focused element, looking into shadow roots; undefined when nothing (the body) or no HTML
 * element has focus, so that focus then returns to the Licence usage button rather than nowhere.
 */
function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : undefined;
}

/** How the seat licences are laid out: one card each, or one table. */
export type ManagerLayout = 'cards' | 'table';

/** Optional parts of the page a host can leave out with the `hide` attribute. */
export type ManagerSection =
  'invoice-warning' | 'usage' | 'seats' | 'usage-based' | 'cart' | 'installation' | 'history' | 'requests';

/**
 * @tagname licence-manager
 * @summary The whole Licensing page in one tag: invoice warning, licence cards, retention,
 * Speech-to-Text, the Power Pack switch with its limits (one switch, in `power-pack-limits`), the cart, licence usage (from the button at the top
 * right), the installation licence when the adapter offers it, and the history of saved changes
 * (`<licence-history>`, loaded when it first shows) when the adapter has `listHistory`.
 *
 * It provides its store to the widgets inside (one load, one draft) and follows permission exactly
 * as they do; with `view` permission it says once, at the top, that nothing can be changed, and
 * the widgets inside leave out their own read-only notes (`noReadOnlyNote`). `layout="table"`
 * shows the seat licences as one table instead of a card each, for accounts with many types. Sections are parts inside a flex column, so a host can reorder them with
 * `licence-manager::part(cart) { order: -1 }` or leave them out with `hide="installation usage"`.
 * The cards' and the cart's parts below are forwarded under their own names, so
 * `licence-manager::part(pending)` styles every card's pending change as `licence-card::part(pending)`
 * does outside; the cards' `base`, `header` and `description` stay theirs (the page has its own),
 * and the other widgets' parts are not forwarded (each name costs bytes every page ships).
 * A "see who uses this licence" request from a card opens the usage overview filtered to it.
 *
 * @slot header-actions - Extra controls next to the Licence usage button.
 *
 * @event licence-change - The user changed the draft in a card, the retention or the Power Pack limits; `detail.draft`.
 * @event licence-show-usage - A card asked who uses a licence type; `detail.typeId`. Cancelable: cancel it to show your own view instead of the built-in usage overview.
 * @event licence-before-commit - The cart is about to save; `detail.draft`. Cancelable: cancel it to stop the save.
 * @event licence-commit - The cart's changes were saved; `detail.snapshot`.
 * @event licence-change-request - With `requests`, a `view` user sent a change request and the adapter has no `requestChange`; `detail.changes`, `detail.quote`, `detail.note`. Cancelable: cancel it once you have routed it; not cancelled, the cart says it could not be sent anywhere.
 * @event licence-commit-error - Saving failed or met a conflict; `detail.error`, `detail.reason`. The draft is kept.
 * @event licence-leave - The page is about to be left with unsaved changes; `detail.draft`. Cancelable: cancel it to leave without the browser asking.
 * @event licence-show-problem - The cart's "Go to …" asked to show the first problem that blocks the save; `detail.issue`. Cancelable: cancel it to show it yourself; by default the card that fixes it is scrolled to and focused.
 * @event licence-token-copy - The user copied the installation token; `detail.token`, `detail.copied`.
 * @event licence-key-apply - A pasted licence key was applied; `detail.licence`.
 * @event licence-log-download - The licence log file was saved; `detail.filename`.
 * @event licence-back-to-cart - The usage overview’s "Back to the cart" after enough licences were freed; the dialog closes, the card (or table row) with the pending change scrolls into view above the cart, and focus goes to the cart’s save button.
 * @event licence-usage-filter-change - The user changed the usage overview's licence type or search; `detail.typeId`, `detail.search`.
 * @event licence-usage-export - The usage CSV is ready; `detail.blob`, `detail.filename`, `detail.rows`. Cancelable: cancel it to handle the file yourself.
 * @event licence-summary-download - The cart review's "Download summary"; `detail.record`, `detail.format`, `detail.blob`, `detail.filename`. Cancelable: cancel it to handle the file yourself.
 * @event licence-usage-threshold - Speech-to-Text's or a Power Pack service's usage reached a threshold (75 %, 90 %, 100 %) of its saved limit, once per crossing; `detail.service`, `detail.threshold`, `detail.usage`.
 *
 * @csspart base - The page column.
 * @csspart header - Title, description and the Licence usage button.
 * @csspart description - The module description.
 * @csspart usage-button - The Licence usage button.
 * @csspart invoice-warning - "Any changes you make here will affect your monthly invoice!"
 * @csspart read-only - "You can view licences but not change them.", at the top with `view` permission (in place of the invoice warning).
 * @csspart seats - The section of seat licences: their cards, or the table with `layout="table"`.
 * @csspart usage-based - The Speech-to-Text and Power Pack section.
 * @csspart cart - The cart bar.
 * @csspart installation - The installation licence section.
 * @csspart requests - The change requests (with `requests`, when the adapter lists them): every request for `update`, the user's own for `view`.
 * @csspart usage-dialog - The dialog holding the usage overview.
 * @csspart status - Loading, error, no-access and not-connected states.
 * @csspart retry-button - The retry button of the error state.
 * @csspart name - Each licence card's name (forwarded from `licence-card`, as are the next seven).
 * @csspart usage - Each card's "In use N of M", or Speech-to-Text minutes used.
 * @csspart price - Each card's unit price.
 * @csspart pending - Each card's pending change and its monthly cost.
 * @csspart message - A rule's message (error or warning) on a card.
 * @csspart note - A card's read-only and other notes.
 * @csspart footer - Each card's price and subtotal row.
 * @csspart subtotal - Each card's monthly subtotal.
 * @csspart summary - The cart's count and effects in the bar (forwarded from `licence-cart`, as are the next four).
 * @csspart count - The cart's number of changes.
 * @csspart discard-button - The cart's Discard button.
 * @csspart history - The history of saved changes (`<licence-history>`; `hide="history"` leaves it out).
 * @csspart save-button - The cart's Save button (opens the review).
 * @csspart lines - The cart review's table of changes.
 *
 * @cssproperty --licence-manager-gap - Space between sections.
 * @cssproperty --licence-manager-card-width - Narrowest card in the grid.
 */
export class LicenceManager extends RulesWidget {
  static override styles = [RulesWidget.styles, styles];
  static override dependencies: Record<string, CustomElementConstructor> = {
    'licence-card': LicenceCard,
    'licence-cart': LicenceCart,
    'retention-picker': RetentionPicker,
    'power-pack-limits': PowerPackLimits,
    'license-token': LicenseToken,
    'license-details': LicenseDetails,
    // <usage-overview> is registered when its dialog first opens (loadUsageOverview).
  };

  /** Sections to leave out, space-separated: `invoice-warning usage seats usage-based cart installation history`. */
  @property({
    converter: {
      fromAttribute: (value: string | null) => (value ?? '').split(/\s+/).filter(Boolean) as ManagerSection[],
      toAttribute: (value: ManagerSection[]) => value.join(' '),
    },
  })
  hide: ManagerSection[] = [];

  /**
   * Keeps the pending cart in `sessionStorage` under this name, so a page reload does not lose it
   * (`LicensingStore.keepCart`). Name the account: `cart-key="account-42"`. None by default.
   */
  @property({ attribute: 'cart-key' }) cartKey = '';

  /**
   * Turns change requests on (R1, `LicensingStore.allowRequests`): a `view` user prepares a change
   * in the cards (marked "Request") and sends it from the cart with a note; an `update` user sees
   * the requests (part `requests`, when the adapter has `listRequests`; `hide="requests"` leaves it
   * out), reviews one in the cart or declines it. Off by default.
   */
  @property({ type: Boolean }) requests = false;

  /**
   * `table` shows the seat licences as one table (licence, count, in use, available, price,
   * monthly cost), as admin centres for many seats do; `cards`, the default, one card each. The
   * table loads on first use, in its own chunk.
   */
  @property() layout: ManagerLayout = 'cards';
  /** Who reviews and saves in the cart, as its summary and `licence-commit`'s record name them. */
  @property() user = '';
  /**
   * The usage alerts' thresholds in percent of a limit, e.g. `"50,80,100"` (R11), passed to the
   * Speech-to-Text card and `power-pack-limits`; their default (75, 90, 100) when unset.
   */
  @property() thresholds: string | undefined;
  /** The table's code failed to load: the cards stand in. */
  @state() private tableFailed = false;

  @state() private usageType = '';
  /** The overview is rendered only while its dialog is open, so it fetches nothing before. */
  @state() private usageOpen = false;
  /**
   * The sections after the seat cards render a task after them: one update of the whole page is a
   * single ~70 ms task on a small machine; two keep each under the 50 ms of a long task.
   */
  @state() private restShown = false;
  private restTimer: ReturnType<typeof setTimeout> | undefined;
  @query('dialog') private usageDialog!: HTMLDialogElement;
  @query('[part~="usage-button"]') private usageButton: HTMLButtonElement | undefined;

  private readonly provider = new ContextProvider(this, { context: licensingContext });
  private returnFocusTo: HTMLElement | undefined;
  /** Set by "Back to the cart": the save button to land on and the type whose change is pending. */
  private backToCart: { save: HTMLElement; typeId: string } | undefined;

  constructor() {
    super();
    // A card's "see who uses these licences" opens the overview filtered to that type, unless the
    // host handles the (cancelable) event itself.
    this.addEventListener('licence-show-usage', (event: CustomEvent<LicenceShowUsageDetail>) => {
      if (!this.shows('usage')) return;
      // Decide after the dispatch has reached the host's own listeners (on document too), so a
      // host that cancels the event really handles it alone.
      queueMicrotask(() => {
        if (!event.defaultPrevented) void this.openUsage(event.detail.typeId);
      });
    });
    // The overview's "Back to the cart" (issue #22): the reduction is valid now; close the dialog
    // and land on the cart's save button (the card's "see who uses" link is gone with the problem).
    this.addEventListener('licence-back-to-cart', (event: CustomEvent<LicenceBackToCartDetail>) => {
      const cart = this.renderRoot.querySelector('licence-cart')?.shadowRoot;
      const save = cart?.querySelector<HTMLElement>('[part~="save-button"]');
      if (save) this.backToCart = { save, typeId: event.detail.typeId };
      this.usageDialog?.close();
    });
  }

  /** Opens the licence usage overview, filtered to `typeId` when given. */
  async openUsage(typeId = ''): Promise<void> {
    this.returnFocusTo = deepActiveElement();
    await loadUsageOverview();
    this.usageType = typeId;
    this.usageOpen = true;
    await this.updateComplete;
    if (this.usageDialog && !this.usageDialog.open) this.usageDialog.showModal();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The widgets inside share this element's store, wherever it came from.
    if (this.provider.value !== this.licensing.store) this.provider.setValue(this.licensing.store);
    if (this.cartKey) this.licensing.store?.keepCart(this.cartKey);
    this.licensing.store?.allowRequests(this.requests);
    if (this.requests && this.shows('requests')) void loadRequestsPanel().catch(() => undefined);
    if (this.layout === 'table') void loadSeatTable().catch(() => (this.tableFailed = true));
    // Ask for the installation licence before rendering the token and details: asked by them as
    // they connect, the store's change would arrive after this update and render the page twice.
    const store = this.licensing.store;
    if (store?.state.snapshot && store.capabilities.installationLicense && this.shows('installation'))
      void store.loadInstallation();
  }

  private shows(section: ManagerSection): boolean {
    // A framework may set the property to the attribute's string form ("installation usage");
    // match whole words, so hiding `usage-based` never hides `usage`.
    const hide: readonly string[] =
      typeof this.hide === 'string' ? (this.hide as string).split(/\s+/) : this.hide;
    return !hide.includes(section);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.restShown || this.restTimer || !this.state?.snapshot) return;
    this.restTimer = setTimeout(() => {
      this.restTimer = undefined;
      this.restShown = true;
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.restTimer);
    this.restTimer = undefined;
  }

  override render() {
    const status = this.renderStatus();
    if (status) return status;
    const m = this.locale.section('licence-manager', messages);
    const state = this.state!;
    const snapshot = state.snapshot!;
    const recordingId = snapshot.recording?.typeId;
    const seatTypes = snapshot.catalog.filter((type) => type.id !== recordingId);
    const editable = canEdit(snapshot.permission);
    // No whitespace around it: hosts and tests read its textContent.
    const readOnly = state.requests.drafting ? m.requestMode : this.t.readOnly;
    const hasInstallation = this.licensing.store!.capabilities.installationLicense;
    // The widgets inside leave out their read-only notes: the page says it once, at the top.
    const card = (id: string) =>
      html`<licence-card
        type-id=${id}
        exportparts="name,usage,price,pending,message,note,footer,subtotal"
        .noReadOnlyNote=${true}
        .thresholds=${id === 'speech-to-text' ? this.thresholds : undefined}
      ></licence-card>`;
    const retention = html`<retention-picker .noReadOnlyNote=${true}></retention-picker>`;
    return html`<div part="base">
      <header part="header">
        <div>
          <h2>${m.title}</h2>
          ${editable ? html`<p part="description">${m.description}</p>` : nothing}
        </div>
        <div>
          <slot name="header-actions"></slot>
          ${
            this.shows('usage')
              ? html`<button
                  class="button"
                  part="usage-button"
                  type="button"
                  aria-haspopup="dialog"
                  @pointerenter=${prefetchUsageOverview}
                  @focus=${prefetchUsageOverview}
                  @click=${() => this.openUsage()}
                >
                  ${m.usageButton}
                </button>`
              : nothing
          }
        </div>
      </header>
      ${
        !editable
          ? html`<p part="read-only" role="note">${readOnly}</p>`
          : this.shows('invoice-warning')
            ? html`<p part="invoice-warning" role="note">${m.invoiceWarning}</p>`
            : nothing
      }
      ${
        this.shows('seats')
          ? html`<section part="seats" aria-labelledby="seats-title">
              <h3 id="seats-title">${m.seatTitle}</h3>
              ${
                this.layout === 'table' && !this.tableFailed
                  ? html`<lk-seat-table></lk-seat-table
                      >${recordingId ? html`<div class="recording">${retention}</div>` : nothing}`
                  : html`<div class="grid">
                      ${seatTypes.map((type) => card(type.id))}
                      ${recordingId ? html`<div class="recording">${card(recordingId)}${retention}</div>` : nothing}
                    </div>`
              }
            </section>`
          : nothing
      }
      ${
        this.restShown && this.shows('usage-based') && (snapshot.speechToText || snapshot.powerPack)
          ? html`<section part="usage-based" aria-labelledby="usage-based-title">
              <h3 id="usage-based-title">${m.usageTitleFeatures}</h3>
              <div class="grid usage">
                ${snapshot.speechToText ? card('speech-to-text') : nothing}
                ${snapshot.powerPack ? html`<power-pack-limits .noReadOnlyNote=${true} .thresholds=${this.thresholds}></power-pack-limits>` : nothing}
              </div>
            </section>`
          : nothing
      }
      ${
        // With `view` permission nothing can be pending, unless the permission dropped meanwhile.
        this.shows('cart') && (editable || state.dirty || state.requests.drafting)
          ? html`<licence-cart
              part="cart"
              exportparts="summary,count,discard-button,save-button,lines"
              .user=${this.user}
            ></licence-cart>`
          : nothing
      }
      ${
        this.requests && this.shows('requests') && this.licensing.store!.requests.supported
          ? html`<section part="requests"><lk-requests-panel></lk-requests-panel></section>`
          : nothing
      }
      ${this.restShown && this.shows('installation') && hasInstallation ? this.renderInstallation(m.installationTitle) : nothing}
      ${
        this.restShown && this.shows('history') && this.licensing.store!.adapter.listHistory
          ? historySection()
          : nothing
      }
      ${this.shows('usage') ? this.renderUsageDialog(m) : nothing}
    </div>`;
  }

  /**
   * After "Back to the cart": the pending change and Save both in sight. The card (or the table's
   * pending row) scrolls into view, its scroll-margin clearing the sticky cart; focusing Save then
   * must not scroll, or the browser would bring the bar's place in the flow, far below, into view.
   */
  private showPending(save: HTMLElement, typeId: string): void {
    const id = CSS.escape(typeId);
    const table = this.renderRoot.querySelector('lk-seat-table')?.shadowRoot;
    const pending =
      this.renderRoot.querySelector(`licence-card[type-id="${id}"]`) ??
      table?.querySelector(`[data-type="${id}"]`);
    pending?.scrollIntoView({ block: 'nearest' });
    save.focus({ preventScroll: true });
  }

  private renderInstallation(title: string) {
    return html`<section part="installation" aria-labelledby="installation-title">
      <h3 id="installation-title">${title}</h3>
      <div class="installation">
        <license-token .noReadOnlyNote=${true}></license-token>
        <license-details></license-details>
      </div>
    </section>`;
  }

  private renderUsageDialog(m: typeof messages) {
    const onClose = () => {
      this.usageOpen = false;
      // Back to what opened it: the header button, or a card's "see who uses" link.
      const back = this.returnFocusTo;
      const toCart = this.backToCart;
      this.returnFocusTo = this.backToCart = undefined;
      if (toCart?.save.isConnected) return this.showPending(toCart.save, toCart.typeId);
      if (back?.isConnected) back.focus();
      else this.usageButton?.focus();
    };
    return usageDialog(m, this.usageOpen, this.usageType, onClose, () => this.usageDialog.close());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'licence-manager': LicenceManager;
  }
}
