// "Couldn't refresh — showing data from 10:42 · Try again": what a page shows when a reload fails
// while it has data (the store keeps the data, `error` says why, `loadedAt` from when it is).
// Loaded the first time a refresh fails (LicensingWidget.renderStatus), so no page pays for it
// before. Where it shows: ONCE per store, at the top of the first widget in document order that is
// not inside another licence-kit widget. On a `<licence-manager>` page that is the manager (its cards
// and cart are in its shadow root); on a page of stand-alone widgets (given `.adapter`, or under a
// `<licence-provider>`) it is the first of them. Put there above the widget's own content, so no
// widget's template has to make room for it.
import { css, html, nothing, render, type ReactiveController } from 'lit';
import { common } from '../i18n/common.js';
import type { LocaleController } from '../i18n/locale.js';
import type { LicensingController } from '../state/controller.js';
import { LicensingWidget } from './licensing-widget.js';
import { messages } from './refresh-notice.messages.js';

const sheet = css`
  [part~='refresh'] {
    margin-block-end: var(--_space-m);
    border-inline-start: 4px solid var(--_warning);
    color: var(--_text);
  }
`.styleSheet!;

/** Every widget that may show the notice, while it is connected. */
const notices = new Set<RefreshNotice>();
const attached = new WeakMap<LicensingWidget, RefreshNotice>();

/** Whether `widget` is inside another licence-kit widget's shadow root (which shows it instead). */
const inWidget = (widget: Element) => {
  const root = widget.getRootNode();
  return root instanceof ShadowRoot && root.host instanceof LicensingWidget;
};

/** When the data shown arrived: the time, and the date too when it is not today. */
function timeOf(at: number, lang: string): string {
  const today = new Date(at).toDateString() === new Date().toDateString();
  const style = today
    ? ({ timeStyle: 'short' } as const)
    : ({ dateStyle: 'short', timeStyle: 'short' } as const);
  return new Intl.DateTimeFormat(lang, style).format(at);
}

class RefreshNotice implements ReactiveController {
  private box: HTMLElement | undefined;
  private retrying = false;

  constructor(
    readonly host: LicensingWidget,
    private readonly licensing: LicensingController,
    private readonly locale: LocaleController,
  ) {
    host.addController(this);
    if (host.isConnected) this.hostConnected();
  }

  hostConnected(): void {
    notices.add(this);
    // Another widget of the same store may have shown it so far: let each decide again.
    for (const notice of notices) notice.host.requestUpdate();
  }

  hostDisconnected(): void {
    notices.delete(this);
    for (const notice of notices) notice.host.requestUpdate();
  }

  /** Whether this widget is the one of its store that shows the notice. */
  private get shows(): boolean {
    const { store } = this.licensing;
    const state = store?.state;
    if (!state?.snapshot || !state.error || inWidget(this.host)) return false;
    const first = [...notices]
      .filter((n) => n.licensing.store === store && !inWidget(n.host))
      .sort((a, b) =>
        a.host.compareDocumentPosition(b.host) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
      )[0];
    return first === this;
  }

  hostUpdated(): void {
    const root = this.host.renderRoot as ShadowRoot;
    if (!this.box) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      this.box = document.createElement('div');
    }
    // Kept first, above what the widget renders (Lit renders after its own markers).
    if (root.firstChild !== this.box) root.prepend(this.box);
    render(this.shows ? this.template() : nothing, this.box, { host: this.host });
  }

  private template() {
    const lang = this.locale.lang;
    const m = this.locale.section('refresh', messages);
    const t = this.locale.section('common', common);
    const state = this.licensing.store!.state;
    return html`<div part="status refresh" role="alert" data-kind="warning">
      <span>${this.retrying ? m.retrying : m.failed(timeOf(state.loadedAt ?? Date.now(), lang))}</span>
      <button class="button" part="retry-button" type="button" @click=${() => this.retry()}>
        ${t.retry}
      </button>
    </div>`;
  }

  private async retry(): Promise<void> {
    this.retrying = true;
    this.host.requestUpdate();
    await this.licensing.store?.reload();
    this.retrying = false;
    this.host.requestUpdate();
  }
}

/** Lets `host` show the notice (once per widget; it decides on every update whether it does). */
export function attachRefreshNotice(
  host: LicensingWidget,
  licensing: LicensingController,
  locale: LocaleController,
): void {
  if (attached.has(host)) return;
  attached.set(host, new RefreshNotice(host, licensing, locale));
  host.requestUpdate();
}
