import type * as FloatingUiModule from './floating.js';
import { css, html } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { LicenceElement } from '../base/licence-element.js';
import { LocaleController } from '../i18n/locale.js';
import { messages as uiMessages } from './ui.messages.js';

type FloatingUi = typeof FloatingUiModule;

/**
 * @tagname lk-info-popover
 * @summary Internal: an ⓘ button that shows a short explanation next to it. The one place that
 * uses Floating UI.
 *
 * Positioning runs (`autoUpdate`) only while open; document listeners exist only while open;
 * both stop on close and on disconnect. Escape closes and returns focus to the button.
 *
 * @slot - The explanation.
 * @csspart button - The ⓘ button.
 * @csspart panel - The floating panel.
 */
export class InfoPopover extends LicenceElement {
  static override styles = [
    LicenceElement.styles,
    css`
      :host {
        display: inline-block;
      }
      button {
        width: 1.75rem;
        height: 1.75rem;
        border: 1px solid var(--_border);
        border-radius: 50%;
        background: var(--_surface);
        color: var(--_accent);
        font: inherit;
        font-weight: 700;
        cursor: pointer;
      }
      .panel {
        position: fixed;
        top: 0;
        left: 0;
        z-index: 10;
        max-width: min(22rem, 90vw);
        padding: var(--_space-s) var(--_space-m);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
        color: var(--_text);
        box-shadow: 0 4px 16px rgb(0 0 0 / 0.16);
        font-size: 0.875rem;
      }
      .panel[hidden] {
        display: none;
      }
    `,
  ];

  /** What the explanation is about; names the button ("About Voice"). */
  @property() label = '';

  @state() private open = false;
  @query('button') private button!: HTMLButtonElement;
  @query('.panel') private panel!: HTMLElement;
  private readonly locale = new LocaleController(this);
  private cleanup: (() => void) | undefined;

  private readonly onDocumentPointer = (event: PointerEvent) => {
    if (!event.composedPath().includes(this)) this.hide();
  };
  private readonly onDocumentKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      this.hide();
      this.button.focus();
    }
  };

  /** Opens the explanation. */
  async show(): Promise<void> {
    if (this.open) return;
    this.open = true;
    // Floating UI is loaded when a popover first opens: most page views never open one, so hosts
    // do not pay for it up front (bundlers put it in its own chunk).
    document.addEventListener('pointerdown', this.onDocumentPointer);
    document.addEventListener('keydown', this.onDocumentKey);
    const floating = await import('./floating.js');
    await this.updateComplete;
    // Closed (or removed) while Floating UI was loading: nothing to position.
    if (!this.open || !this.isConnected) return;
    this.cleanup = floating.autoUpdate(this.button, this.panel, () => this.position(floating));
  }

  /** Closes the explanation. */
  hide(): void {
    if (!this.open) return;
    this.open = false;
    this.stop();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.open = false;
    this.stop();
  }

  private stop(): void {
    this.cleanup?.();
    this.cleanup = undefined;
    document.removeEventListener('pointerdown', this.onDocumentPointer);
    document.removeEventListener('keydown', this.onDocumentKey);
  }

  private async position(floating: FloatingUi): Promise<void> {
    const { computePosition, flip, offset, shift } = floating;
    const { x, y } = await computePosition(this.button, this.panel, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [offset(6), flip(), shift({ padding: 8 })],
    });
    // CSSOM property writes, not a style attribute string: allowed under a strict CSP.
    this.panel.style.translate = `${Math.round(x)}px ${Math.round(y)}px`;
  }

  override render() {
    const t = this.locale.section('ui', uiMessages);
    return html`<button
        part="button"
        type="button"
        aria-label=${t.moreInfo(this.label)}
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="panel"
        @click=${() => (this.open ? this.hide() : this.show())}
      >
        i
      </button>
      <div id="panel" class="panel" part="panel" role="note" ?hidden=${!this.open}><slot></slot></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-info-popover': InfoPopover;
  }
}
