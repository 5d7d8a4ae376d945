// The parts of `<licence-manager>` that load in their own chunk the first time the page needs
// them: the usage overview (its dialog), the change requests panel, the seat table and the
// history. Apart from the page so what is deferred, and why, reads in one place.
import { html, nothing, type TemplateResult } from 'lit';
import { defineElement } from '../../base/define.js';
import type { messages } from './licence-manager.messages.js';

/**
 * Loads and registers an element the first time the page needs it, in its own chunk; a failed load
 * (the network) is tried again on the next call.
 */
function lazyElement(tag: string, load: () => Promise<CustomElementConstructor>): () => Promise<void> {
  let loading: Promise<void> | undefined;
  return () =>
    (loading ??= load().then(
      (ctor) => defineElement(tag, ctor),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
}

/**
 * `<usage-overview>`, when its dialog first opens: with its virtualiser it is about a third of this
 * page's code, and most visits never open it, so it is not in the page's first download.
 */
export const loadUsageOverview = lazyElement('usage-overview', () =>
  import('../usage-overview/usage-overview.component.js').then((m) => m.UsageOverview),
);

/** The change requests panel of `requests` (requests-panel.ts), in its own chunk. */
export const loadRequestsPanel = lazyElement('lk-requests-panel', () =>
  import('./requests-panel.js').then((m) => m.RequestsPanel),
);

/** The seat table of `layout="table"`: a page of cards does not download it. */
export const loadSeatTable = lazyElement('lk-seat-table', () =>
  import('./seat-table.js').then((m) => m.SeatTable),
);

/** `<licence-history>`, when its section first shows (after the first paint, and only with listHistory). */
const loadHistory = lazyElement('licence-history', () =>
  import('../licence-history/licence-history.component.js').then((m) => m.LicenceHistory),
);

/** Starts that load early, when the pointer or focus reaches the button; a failure waits for the click. */
export const prefetchUsageOverview = () => void loadUsageOverview().catch(() => undefined);

/** The history section, starting its load as it first renders. */
export function historySection(): TemplateResult {
  void loadHistory();
  return html`<licence-history part="history" heading-level="3"></licence-history>`;
}

/**
 * The usage overview's dialog; the overview inside renders only while `open`, so it fetches
 * nothing before. `onClose` runs when the dialog closes, `close` is its Close button.
 */
export function usageDialog(
  m: typeof messages,
  open: boolean,
  typeId: string,
  onClose: () => void,
  close: () => void,
): TemplateResult {
  return html`<dialog part="usage-dialog" aria-labelledby="usage-title" @close=${onClose}>
    <div class="dialog-header">
      <h3 id="usage-title">${m.usageTitle}</h3>
      <button class="button" type="button" @click=${close}>${m.close}</button>
    </div>
    ${open ? html`<usage-overview type-id=${typeId}></usage-overview>` : nothing}
  </dialog>`;
}
