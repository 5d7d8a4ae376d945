import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { LicenceElement } from '../base/licence-element.js';
import { LocaleController } from '../i18n/locale.js';
import { messages as uiMessages } from './ui.messages.js';

export type ToastKind = 'success' | 'error' | 'info';

/**
 * @tagname lk-toast
 * @summary Internal: a short confirmation that shows for a few seconds and is announced to screen
 * readers through a live region that exists before the message arrives.
 *
 * @csspart toast - The visible message box.
 */
export class Toast extends LicenceElement {
  static override styles = [
    LicenceElement.styles,
    css`
      :host {
        position: fixed;
        /* Above a sticky cart bar (its height, see licence-cart's StickyPadding), never over Save. */
        inset-block-end: calc(var(--licence-cart-height, 0px) + var(--_space-l));
        inset-inline-end: var(--_space-l);
        z-index: 20;
      }
      .toast {
        display: flex;
        align-items: center;
        gap: var(--_space-m);
        padding: var(--_space-s) var(--_space-m);
        border-radius: var(--_radius);
        background: var(--_text);
        color: var(--_surface);
        box-shadow: 0 4px 16px rgb(0 0 0 / 0.2);
      }
      .toast.error {
        background: var(--_danger);
        color: var(--_on-accent);
      }
      button {
        border: 0;
        background: none;
        color: inherit;
        font: inherit;
        text-decoration: underline;
        cursor: pointer;
      }
      /* Forced colours (issue #23): the shadow and the filled background are dropped, so the box
         gets a border; an error's is thicker. */
      @media (forced-colors: active) {
        .toast {
          border: 1px solid CanvasText;
        }
        .toast.error {
          border: 3px double CanvasText;
        }
      }
    `,
  ];

  @state() private message = '';
  @state() private kind: ToastKind = 'info';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly locale = new LocaleController(this);

  /** Shows `message` for `duration` ms (errors stay until dismissed). */
  show(message: string, kind: ToastKind = 'info', duration = 5000): void {
    clearTimeout(this.timer);
    this.message = message;
    this.kind = kind;
    if (kind !== 'error') this.timer = setTimeout(() => this.clear(), duration);
  }

  /** Hides the message. */
  clear(): void {
    clearTimeout(this.timer);
    this.message = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  override render() {
    const t = this.locale.section('ui', uiMessages);
    // Both live regions are always rendered, so a message is announced when it is inserted.
    const box = html`<div class="toast ${this.kind}" part="toast">
      <span>${this.message}</span>
      <button type="button" @click=${() => this.clear()}>${t.dismiss}</button>
    </div>`;
    return html`<div role="status">${this.message && this.kind !== 'error' ? box : nothing}</div>
      <div role="alert">${this.message && this.kind === 'error' ? box : nothing}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-toast': Toast;
  }
}
