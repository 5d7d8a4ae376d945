import type { TemplateResult } from 'lit';
import type { LicensingError } from '../../adapters/errors.js';
import type { AssignMessages } from './assign.messages.js';
import { lit } from './assign-lit.js';
import type { UsageOverview } from './usage-overview.component.js';

/** What the toast says, and the call that undoes it. */
export interface Toast {
  readonly text: string;
  readonly undo: (() => Promise<unknown>) | undefined;
  /** What the toast says once Undo has worked ("Undone: Voice is back for 3 agents"). */
  readonly undone?: string;
}

const TOAST_MS = 10_000;

/**
 * "Removed Voice from 3 agents · Undo" after an assignment: a polite live region that is always in
 * the page (silent, it takes no room), gone after 10 s. Nothing moves focus onto it, so focus there
 * or the pointer over it is the admin's own: it waits while either stays (WCAG 2.2.1, 2.2.2). A
 * newer action replaces it (or hides it, `hide`), so an older change's Undo is never offered.
 */
export class UndoToast {
  private toast: Toast | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: UsageOverview,
    private readonly m: () => AssignMessages,
    private readonly errorText: (error: LicensingError) => string,
    /** Where focus goes when Undo takes its own button away. */
    private readonly refocus: () => void,
  ) {}

  show(toast: Toast): void {
    clearTimeout(this.timer);
    this.toast = toast;
    const expire = (): void => {
      if (this.host.renderRoot.querySelector('.toast:is(:focus-within, :hover)')) {
        this.timer = setTimeout(expire, TOAST_MS / 2);
        return;
      }
      this.toast = undefined;
      this.host.requestUpdate();
    };
    this.timer = setTimeout(expire, TOAST_MS);
    this.host.requestUpdate();
  }

  hide(): void {
    clearTimeout(this.timer);
    if (!this.toast) return;
    this.toast = undefined;
    this.host.requestUpdate();
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  render(): TemplateResult {
    const { html, nothing } = lit;
    const toast = this.toast;
    return html`<div part="toast" class=${toast ? 'toast shown' : 'toast'} role="status">
      ${
        toast
          ? html`<span>${toast.text}</span>${
                toast.undo
                  ? html`<button class="button" part="undo-button" type="button" @click=${this.undo}>
                      ${this.m().undo}
                    </button>`
                  : nothing
              }`
          : nothing
      }
    </div>`;
  }

  private undo = async (): Promise<void> => {
    const undo = this.toast?.undo;
    if (!undo) return;
    const m = this.m();
    const done = this.toast?.undone ?? '';
    // Its button goes: focus goes to the grid, not to the page's body.
    this.refocus();
    this.show({ text: m.working, undo: undefined });
    try {
      await undo();
      this.show({ text: done, undo: undefined });
    } catch (error) {
      const known = error && typeof error === 'object' && 'kind' in error;
      const why = known ? this.errorText(error as LicensingError) : '';
      this.show({ text: `${m.failed} ${why}`.trim(), undo: undefined });
    }
  };
}
