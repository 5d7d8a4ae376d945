import { LitElement, css, type CSSResultGroup } from 'lit';
import { property } from 'lit/decorators.js';
import { defineElement } from './define.js';
// Type-only in effect (events.js registers nothing): every element class's .d.ts reaches this one, so
// the events' global declarations come with `licence-kit/dist/elements/<tag>/<tag>.component.js` too.
import '../events.js';

/**
 * The thin base class of every licence-kit element: the design tokens, shared host styles, `lang`
 * and custom states. Nothing a single element could own itself.
 *
 * Theming is layered: public tokens (`--lk-color-accent`, …) that a host sets once on any
 * ancestor; each element's own custom properties fall back to them; private `--_` variables are
 * what the styles use. Colours follow the page's `color-scheme` through `light-dark()`, so a host
 * in dark mode gets dark widgets without a class or an inline style.
 */
export class LicenceElement extends LitElement {
  static override styles: CSSResultGroup = css`
    :host {
      --_accent: var(--lk-color-accent, light-dark(#0b5cad, #6cb6ff));
      --_on-accent: var(--lk-color-on-accent, light-dark(#ffffff, #0d1117));
      --_text: var(--lk-color-text, light-dark(#1f2328, #e6edf3));
      --_muted: var(--lk-color-muted, light-dark(#57606a, #9da7b3));
      --_surface: var(--lk-color-surface, light-dark(#ffffff, #161b22));
      --_surface-raised: var(--lk-color-surface-raised, light-dark(#f6f8fa, #21262d));
      --_border: var(--lk-color-border, light-dark(#d0d7de, #3d444d));
      --_danger: var(--lk-color-danger, light-dark(#b3261e, #ff7b72));
      --_warning: var(--lk-color-warning, light-dark(#7d4e00, #e3b341));
      --_success: var(--lk-color-success, light-dark(#1a7f37, #56d364));
      --_focus: var(--lk-color-focus, light-dark(#0b5cad, #6cb6ff));
      --_radius: var(--lk-radius, 0.5rem);
      --_space-xs: var(--lk-space-xs, 0.25rem);
      --_space-s: var(--lk-space-s, 0.5rem);
      --_space-m: var(--lk-space-m, 1rem);
      --_space-l: var(--lk-space-l, 1.5rem);

      box-sizing: border-box;
      color: var(--_text);
      font-family: var(--lk-font-family, system-ui, sans-serif);
      font-size: var(--lk-font-size, 1rem);
      line-height: 1.5;
    }
    :host([hidden]) {
      display: none !important;
    }
    *,
    *::before,
    *::after {
      box-sizing: inherit;
    }
    :focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }
    /* Forced colours (issue #23): the focus ring in the system's Highlight. */
    @media (forced-colors: active) {
      :focus-visible {
        outline-color: Highlight;
      }
    }
  `;

  /**
   * Internal elements this one renders, registered when the first instance is made. Keeping the
   * registration here (not as a side effect of importing the primitive) lets bundlers drop
   * everything but the files that `sideEffects` names, without losing a primitive.
   */
  static dependencies: Record<string, CustomElementConstructor> = {};

  constructor() {
    super();
    for (const [tag, ctor] of Object.entries((this.constructor as typeof LicenceElement).dependencies)) {
      defineElement(tag, ctor);
    }
  }

  /** The language of this element's text; when unset, the nearest ancestor's `lang` applies. */
  @property() override lang!: string;

  private attachedInternals: ElementInternals | undefined;

  /** This element's ElementInternals (form association, custom states, default ARIA). */
  protected get internals(): ElementInternals {
    return (this.attachedInternals ??= this.attachInternals());
  }

  /** Sets a custom state, so hosts can style e.g. `licence-card:state(loading)`. */
  protected setState(name: string, on: boolean): void {
    const states = this.internals.states as CustomStateSet | undefined;
    if (!states) return;
    try {
      if (on) states.add(name);
      else states.delete(name);
    } catch {
      // Engines that only accepted the old `--name` form; the state is cosmetic, so skip it.
    }
  }
}
