import { css, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { parseCount, parseLimit } from '../core/index.js';
import { countCeiling } from '../core/ceiling.js';
import { LicenceElement } from '../base/licence-element.js';
import { formatNumber } from '../i18n/format.js';
import { LocaleController } from '../i18n/locale.js';
import { messages as uiMessages } from './ui.messages.js';

/** Detail of `lk-value`: the new value, `null` meaning "no limit" (only with `optional`). */
export interface StepperValueDetail {
  value: number | null;
}

/**
 * @tagname lk-number-stepper
 * @summary Internal: a whole-number field with − / + buttons (ARIA spinbutton).
 *
 * Typing, ArrowUp/Down (±1), PageUp/Down (±10), Home/End (min/max). Text that is not a whole
 * number (R2) is answered with a message at the field and never leaves it; only valid values are
 * announced with `lk-value`.
 *
 * @event lk-value - A valid value was entered (typing, keys or buttons); `detail.value`.
 * @csspart label - The label.
 * @csspart control - The row of buttons and input.
 * @csspart input - The text input.
 * @csspart decrease - The − button.
 * @csspart increase - The + button.
 * @csspart message - The message under the field (parse error, rule message or hint).
 *
 * `description` ties what the owner shows about the field elsewhere (its limit, its usage) to the
 * input: `aria-describedby` cannot reach into another shadow root, so the text is repeated in a
 * hidden element of this one, which screen readers read as the description and nobody sees.
 */
export class NumberStepper extends LicenceElement {
  static override styles = [
    LicenceElement.styles,
    css`
      :host {
        display: block;
      }
      label {
        display: block;
        font-weight: 600;
        margin-bottom: var(--_space-xs);
      }
      .control {
        display: inline-flex;
        align-items: stretch;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
        overflow: hidden;
      }
      /* WCAG 2.4.11: the ring goes round the whole control; the input's own would be clipped. */
      .control:has(:focus-visible) {
        outline: 2px solid var(--_focus);
        outline-offset: 2px;
      }
      input:focus-visible {
        outline: none;
      }
      :host([invalid]) .control {
        border-color: var(--_danger);
      }
      button {
        min-width: 2.5rem;
        border: 0;
        background: var(--_surface-raised);
        color: var(--_text);
        font: inherit;
        font-size: 1.25rem;
        cursor: pointer;
      }
      button:disabled {
        cursor: not-allowed;
        color: var(--_muted);
      }
      input {
        width: var(--lk-number-stepper-width, 8ch);
        min-height: 2.25rem;
        border: 0;
        border-inline: 1px solid var(--_border);
        background: transparent;
        color: inherit;
        font: inherit;
        text-align: center;
      }
      input:read-only {
        color: var(--_muted);
      }
      /* A placeholder longer than the width ("Bez limitu") widens the field, in every engine. */
      input.wide {
        width: max(var(--lk-number-stepper-width, 8ch), 11ch);
      }
      .message {
        margin: var(--_space-xs) 0 0;
        font-size: 0.875rem;
        color: var(--_muted);
      }
      .message.error {
        color: var(--_danger);
      }
      .message.warning {
        color: var(--_warning);
      }
      /* Forced colours (issue #23): the ring is Highlight; an invalid value gets a double frame, as
         its colour alone would vanish. (A disabled button is GrayText as is.) */
      @media (forced-colors: active) {
        .control:has(:focus-visible) {
          outline-color: Highlight;
        }
        :host([invalid]) .control {
          border: 3px double CanvasText;
        }
      }
    `,
  ];

  /** Visible label; also names the buttons ("Increase Voice licences"). */
  @property() label = '';
  /** The current value; `null` shows an empty field (no limit). */
  @property({ type: Number }) value: number | null = 0;
  /** Lowest value. */
  @property({ type: Number }) min = 0;
  /** Highest value; none when undefined. */
  @property({ type: Number }) max: number | undefined;
  /** Empty text means `null` ("no limit") instead of an error. */
  @property({ type: Boolean }) optional = false;
  /** Shown but not editable (view permission). */
  @property({ type: Boolean }) readonly = false;
  /** Not usable at all (e.g. the feature is switched off). */
  @property({ type: Boolean }) disabled = false;
  /** A rule's message from the caller; shown under the field. */
  @property() message = '';
  /** How the caller's message reads: an error marks the field invalid. */
  @property({ attribute: 'message-kind' }) messageKind: 'error' | 'warning' | 'hint' = 'hint';
  /**
   * What the owner shows about the field outside it (its limit, what is used), read by screen
   * readers after the message as the input's description; not shown (the owner shows it).
   */
  @property() description = '';
  /** Placeholder for an empty optional field, e.g. "No limit". */
  @property() placeholder = '';
  /** Reflected when the field holds an error, for styling. */
  @property({ type: Boolean, reflect: true }) invalid = false;

  @state() private text = '';
  /** True while the input has focus; the value it had then is what bad text falls back to. */
  private editing = false;
  private valueAtFocus: number | null = null;
  /** The last value sent, which may be ahead of `value` until the owner re-renders. */
  private lastEmitted: number | null = null;
  @state() private parseError = '';
  @query('input') private input!: HTMLInputElement;

  private readonly locale = new LocaleController(this);

  /** Moves focus into the text field. */
  override focus(options?: FocusOptions): void {
    this.input?.focus(options);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new value from outside (a discard, a commit) replaces the text, but never while the user
    // is typing: their text, valid or not, stays as typed.
    if (changed.has('value') && !this.editing) {
      this.lastEmitted = this.value;
      if (!this.matchesText()) {
        this.text = this.value === null ? '' : String(this.value);
        this.parseError = '';
      }
    }
    this.invalid = Boolean(this.parseError) || (Boolean(this.message) && this.messageKind === 'error');
  }

  private matchesText(): boolean {
    const parsed = this.optional ? parseLimit(this.text) : parseCount(this.text);
    return parsed.ok && parsed.value === this.value;
  }

  private get t() {
    return this.locale.section('ui', uiMessages);
  }

  private emit(value: number | null): void {
    this.lastEmitted = value;
    this.dispatchEvent(
      new CustomEvent<StepperValueDetail>('lk-value', { detail: { value }, bubbles: true, composed: false }),
    );
  }

  /** The highest value the field accepts: the caller's `max`, never above R2's one ceiling. */
  private get upper(): number {
    return countCeiling(this.max);
  }

  /**
   * The owner refused the last value (the store did not take it): the field shows `value` again,
   * the draft's, and `message` says why.
   */
  refuse(message: string): void {
    this.text = this.value === null ? '' : String(this.value);
    // The input holds the refused text; the binding's last value is the draft's, so set it here.
    if (this.input) this.input.value = this.text;
    this.lastEmitted = this.valueAtFocus = this.value;
    this.parseError = message;
  }

  private clamp(n: number): number {
    return Math.max(this.min, Math.min(this.upper, n));
  }

  private step(by: number): void {
    if (this.readonly || this.disabled) return;
    // Step from what the field shows: two quick clicks must add two, even before a re-render.
    const shown = this.optional ? parseLimit(this.text) : parseCount(this.text);
    const from = (shown.ok ? shown.value : this.value) ?? this.min;
    const next = this.clamp(from + by);
    this.text = String(next);
    this.parseError = '';
    if (next !== this.lastEmitted) this.emit(next);
  }

  private onInput(event: InputEvent): void {
    this.text = (event.target as HTMLInputElement).value;
    const parsed = this.optional
      ? parseLimit(this.text, { max: this.upper })
      : parseCount(this.text, { max: this.upper });
    if (!parsed.ok) {
      const reason = this.t.parse[parsed.reason];
      this.parseError =
        typeof reason === 'function' ? reason(parsed.reason === 'too-large' ? parsed.max : 0) : reason;
      // R2: bad text changes nothing. Typing "1.5" passes through a valid "1" on the way; take
      // the value back to what it was before this edit began.
      if (this.lastEmitted !== this.valueAtFocus) this.emit(this.valueAtFocus);
      return;
    }
    this.parseError = '';
    if (parsed.value !== this.lastEmitted) this.emit(parsed.value);
  }

  private onKeydown(event: KeyboardEvent): void {
    const moves: Record<string, () => void> = {
      ArrowUp: () => this.step(1),
      ArrowDown: () => this.step(-1),
      PageUp: () => this.step(10),
      PageDown: () => this.step(-10),
      Home: () => this.step(this.min - (this.value ?? this.min)),
      End: () => this.max !== undefined && this.step(this.upper - (this.value ?? this.min)),
    };
    const move = moves[event.key];
    if (move && !this.readonly && !this.disabled) {
      event.preventDefault();
      move();
    }
  }

  override render() {
    const lang = this.locale.lang;
    const value = this.value;
    const message = this.parseError || this.message;
    const kind = this.parseError ? 'error' : this.messageKind;
    const locked = this.readonly || this.disabled;
    return html`
      <label part="label" id="label" for="input">${this.label}</label>
      <div class="control" part="control">
        <button
          part="decrease"
          type="button"
          tabindex="-1"
          aria-label=${this.t.decrease(this.label)}
          ?disabled=${locked || (value ?? this.min) <= this.min}
          @click=${() => this.step(-1)}
        >
          −
        </button>
        <input
          id="input"
          part="input"
          role="spinbutton"
          aria-labelledby="label"
          inputmode="numeric"
          autocomplete="off"
          .value=${this.text}
          placeholder=${this.placeholder || nothing}
          class=${this.placeholder.length > 7 ? 'wide' : ''}
          aria-valuenow=${value ?? nothing}
          aria-valuetext=${value === null ? this.placeholder || nothing : formatNumber(value, lang)}
          aria-valuemin=${this.min}
          aria-valuemax=${this.max === undefined ? nothing : this.upper}
          aria-invalid=${this.invalid ? 'true' : 'false'}
          aria-describedby=${[message && 'message', this.description && 'description'].filter(Boolean).join(' ') || nothing}
          ?readonly=${this.readonly}
          ?disabled=${this.disabled}
          @input=${this.onInput}
          @focus=${() => {
            this.editing = true;
            this.valueAtFocus = this.lastEmitted = this.value;
          }}
          @blur=${() => (this.editing = false)}
          @keydown=${this.onKeydown}
        />
        <button
          part="increase"
          type="button"
          tabindex="-1"
          aria-label=${this.t.increase(this.label)}
          ?disabled=${locked || (value ?? this.min) >= this.upper}
          @click=${() => this.step(1)}
        >
          +
        </button>
      </div>
      ${
        message
          ? html`<p id="message" part="message" class="message ${kind}" aria-live="polite">${message}</p>`
          : nothing
      }
      ${this.description ? html`<span id="description" hidden>${this.description}</span>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-number-stepper': NumberStepper;
  }
}
