import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { LicenceElement } from '../base/licence-element.js';

/** Detail of `lk-toggle`. */
export interface SwitchToggleDetail {
  checked: boolean;
}

/**
 * @tagname lk-switch
 * @summary Internal: an on/off switch (`role="switch"`), labelled by its own text.
 *
 * @event lk-toggle - The user flipped it; `detail.checked` is the new state.
 * @csspart button - The switch button.
 * @csspart track - The track.
 * @csspart thumb - The thumb.
 * @csspart label - The label text.
 */
export class Switch extends LicenceElement {
  static override styles = [
    LicenceElement.styles,
    css`
      :host {
        display: inline-block;
      }
      button {
        display: inline-flex;
        align-items: center;
        gap: var(--_space-s);
        padding: 0;
        border: 0;
        background: none;
        color: inherit;
        font: inherit;
        cursor: pointer;
      }
      button:disabled {
        cursor: not-allowed;
        opacity: 0.6;
      }
      .track {
        position: relative;
        display: inline-block;
        width: 2.5rem;
        height: 1.4rem;
        border-radius: 1rem;
        border: 1px solid var(--_border);
        background: var(--_surface-raised);
        transition: background 0.15s;
      }
      .thumb {
        position: absolute;
        top: 0.15rem;
        inset-inline-start: 0.15rem;
        width: 1rem;
        height: 1rem;
        border-radius: 50%;
        background: var(--_muted);
        transition: inset-inline-start 0.15s;
      }
      [aria-checked='true'] .track {
        background: var(--_accent);
        border-color: var(--_accent);
      }
      [aria-checked='true'] .thumb {
        inset-inline-start: 1.25rem;
        background: var(--_on-accent);
      }
      @media (prefers-reduced-motion: reduce) {
        .track,
        .thumb {
          transition: none;
        }
      }
      /* Forced colours (issue #23): the track keeps its own colours, the system's: off, an outlined
         track with a ButtonText thumb at the start; on, a Highlight track with a HighlightText
         thumb at the end; disabled, the same in GrayText. */
      @media (forced-colors: active) {
        .track {
          forced-color-adjust: none;
          --_accent: Highlight;
          --_on-accent: HighlightText;
          --_muted: ButtonText;
          --_border: ButtonText;
          --_surface-raised: Canvas;
        }
        button:disabled .track {
          --_accent: GrayText;
          --_muted: GrayText;
          --_border: GrayText;
          --_on-accent: Canvas;
        }
      }
    `,
  ];

  /** The visible label, which names the switch. */
  @property() label = '';
  /** On or off. */
  @property({ type: Boolean }) checked = false;
  /** Not operable. */
  @property({ type: Boolean }) disabled = false;

  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector('button')?.focus(options);
  }

  private toggle(): void {
    if (this.disabled) return;
    this.dispatchEvent(
      new CustomEvent<SwitchToggleDetail>('lk-toggle', {
        detail: { checked: !this.checked },
        bubbles: true,
        composed: false,
      }),
    );
  }

  override render() {
    return html`<button
      part="button"
      type="button"
      role="switch"
      aria-checked=${this.checked ? 'true' : 'false'}
      ?disabled=${this.disabled}
      @click=${this.toggle}
    >
      <span class="track" part="track"><span class="thumb" part="thumb"></span></span>
      <span part="label">${this.label}</span>
    </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-switch': Switch;
  }
}
