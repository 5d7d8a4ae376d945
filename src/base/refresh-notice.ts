// "Couldn't refresh — showing data from 10:42 · Try again": what a page shows when a reload fails
// while it has data (the store keeps the data, `error` says why, `loadedAt` from when it is).
// Loaded the first time a refresh fails (LicensingWidget.renderStatus), so no page pays for it
// before. Where it shows: ONCE per store, at the top of the first widget in document order that is
// not inside another licence-kit widget. On a `<licence-manager>` page that is the manager (its cards
// and cart are in its shadow root); on a page of stand-alone widgets (given `.adapter`, or under a
// `<licence-provider>`) it is the first of them. Put there above the widget's own content, so no
// widget's template has to make room for it.
import type { ReactiveController } from 'lit';
import type { LocaleController } from '../i18n/locale.js';
import type { LicensingController } from '../state/controller.js';
import type { LicensingWidget } from './licensing-widget.js';
import { messages } from './refresh-notice.messages.js';

// Plain DOM, importing nothing the widgets' own chunk would have to export to it (each export
// costs every page bytes); the widget's styles for `status` and `.button` apply as they are.
let sheet: CSSStyleSheet | undefined;

/** Every widget that may show the notice, while it is connected. */
const notices = new Set<RefreshNotice>();
const attached = new WeakSet<LicensingWidget>();

/** When the data shown arrived: the time, and the date too when it is not today. */
function timeOf(at: number, lang: string): string {
  const today = new Date(at).toDateString() === new Date().toDateString();
  const style = today
    ? ({ timeStyle: 'short' } as const)
    : ({ dateStyle: 'short', timeStyle: 'short' } as const);
  return new Intl.DateTimeFormat(lang, style).format(at);
}

/**
 * What the notice reads of the widget: its controllers and its word for "Try again" (protected in
 * LicensingWidget; handed over this way so the widgets' chunk exports nothing more to this one).
 */
interface Parts {
  readonly licensing: LicensingController;
  readonly locale: LocaleController;
  readonly t: { readonly retry: string };
}

/** A widget that may show the notice, and the class of licence-kit widgets. */
interface RefreshNoticeHost {
  host: LicensingWidget & Parts;
  widget: typeof LicensingWidget;
}

class RefreshNotice implements ReactiveController {
  private box: HTMLElement | undefined;
  private retrying = false;

  constructor(private readonly from: RefreshNoticeHost) {
    from.host.addController(this);
    if (from.host.isConnected) this.hostConnected();
  }

  hostConnected(): void {
    notices.add(this);
    // Another widget of the same store may have shown it so far: let each decide again.
    for (const notice of notices) notice.from.host.requestUpdate();
  }

  hostDisconnected(): void {
    notices.delete(this);
    for (const notice of notices) notice.from.host.requestUpdate();
  }

  /** Whether `widget` is inside another licence-kit widget's shadow root (which shows it instead). */
  private inWidget(widget: Element): boolean {
    const root = widget.getRootNode();
    return root instanceof ShadowRoot && root.host instanceof this.from.widget;
  }

  /** Whether this widget is the one of its store that shows the notice. */
  private get shows(): boolean {
    const { host } = this.from;
    const { licensing } = host;
    const state = licensing.store?.state;
    if (!state?.snapshot || !state.error || this.inWidget(host)) return false;
    const first = [...notices]
      .filter((n) => n.from.host.licensing.store === licensing.store && !this.inWidget(n.from.host))
      .sort((a, b) =>
        a.from.host.compareDocumentPosition(b.from.host) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
      )[0];
    return first === this;
  }

  hostUpdated(): void {
    const { host } = this.from;
    const { licensing, locale } = host;
    if (!this.shows) {
      this.box?.remove();
      return;
    }
    const root = host.renderRoot as ShadowRoot;
    const box = (this.box ??= this.make(root));
    const m = locale.section('refresh', messages);
    const at = licensing.store!.state.loadedAt ?? Date.now();
    box.firstChild!.textContent = this.retrying ? m.retrying : m.failed(timeOf(at, locale.lang));
    box.lastChild!.textContent = host.t.retry;
    // First in the shadow root, above what the widget renders (Lit renders after its own markers).
    if (root.firstChild !== box) root.prepend(box);
  }

  private make(root: ShadowRoot): HTMLElement {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(
        "[part~='refresh']{margin-block-end:var(--_space-m);border-inline-start:4px solid var(--_warning);color:var(--_text)}",
      );
    }
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    const box = document.createElement('div');
    box.setAttribute('part', 'status refresh');
    box.setAttribute('role', 'alert');
    const button = document.createElement('button');
    button.className = 'button';
    button.type = 'button';
    button.setAttribute('part', 'retry-button');
    button.addEventListener('click', () => void this.retry());
    box.append(document.createElement('span'), button);
    return box;
  }

  private async retry(): Promise<void> {
    const { host } = this.from;
    this.retrying = true;
    host.requestUpdate();
    await host.licensing.store?.reload();
    this.retrying = false;
    host.requestUpdate();
  }
}

/** Lets `host` show the notice (once per widget; it decides on every update whether it does). */
export function attachRefreshNotice(host: LicensingWidget, widget: typeof LicensingWidget): void {
  if (attached.has(host)) return;
  attached.add(host);
  new RefreshNotice({ host: host as unknown as LicensingWidget & Parts, widget });
  host.requestUpdate();
}
