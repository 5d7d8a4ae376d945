import type { TemplateResult } from 'lit';
import type { LicensingError } from '../../adapters/errors.js';
import type { AssignMessages } from './assign.messages.js';
import { lit } from './assign-lit.js';
import type { UsageOverview } from './usage-overview.component.js';

/** What the toast says, and the call that undoes it. */
export interface Toast {
  readonly text: string;
  readonly undo: (() => Promise<unknown>) | undefined;
}

const TOAST_MS = 10_000;

/**
 * "Removed Voice from 3 agents · Undo" after an assignment: a polite live region that is always in
 * the page (silent, it takes no room), gone after 10 s, but never while focus is on its Undo
 * (WCAG 2.2.1: it waits until focus has left).
 */
export class UndoToast {
  private toast: Toast | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: UsageOverview,
    private readonly m: () => AssignMessages,
    private readonly errorText: (error: LicensingError) => string,
  ) {}

  show(toast: Toast): void {
    clearTimeout(this.timer);
    this.toast = toast;
    const expire = (): void => {
      if (this.host.renderRoot.querySelector('.toast:focus-within')) {
        this.timer = setTimeout(expire, TOAST_MS / 2);
        return;
      }
      this.toast = undefined;
      this.host.requestUpdate();
    };
    this.timer = setTimeout(expire, TOAST_MS);
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
    this.show({ text: m.working, undo: undefined });
    try {
      await undo();
      this.show({ text: m.undone, undo: undefined });
    } catch (error) {
      const known = error && typeof error === 'object' && 'kind' in error;
      const why = known ? this.errorText(error as LicensingError) : '';
      this.show({ text: `${m.failed} ${why}`.trim(), undo: undefined });
    }
  };
}
