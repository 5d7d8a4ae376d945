import { css, html, nothing, type CSSResultGroup, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { LicensingAdapter } from '../adapters/adapter.js';
import type { LicensingError } from '../adapters/errors.js';
import { canEdit, canView, type RuleBook } from '../core/index.js';
import { LocaleController } from '../i18n/locale.js';
import { common, type CommonMessages } from '../i18n/common.js';
import { LicensingController } from '../state/controller.js';
import type { LicensingState, LicensingStore } from '../state/licensing-store.js';
import { LicenceElement } from './licence-element.js';

/**
 * What every data widget shares: it finds its store (own `.store`, own `.adapter`, or the nearest
 * `<licence-provider>`), follows `lang`, and renders the common states — not connected, loading,
 * load failed (with retry), and no access (R1) — the same way everywhere. A refresh that fails
 * while data is shown keeps the data, and "Couldn't refresh — showing data from 10:42 · Try again"
 * shows once per store, above the first widget of the page not inside another licence-kit widget
 * (the manager on its page; the first stand-alone widget otherwise): refresh-notice.ts, loaded then.
 *
 * @cssstate loading - The snapshot is being loaded (or no load has started yet).
 * @cssstate error - The snapshot failed to load; the widget shows the error and a retry button.
 * @cssstate no-access - The user has no access to licensing (permission `none`).
 * @cssstate read-only - The user may look but not change anything (permission `view`).
 */
export class LicensingWidget extends LicenceElement {
  static override styles: CSSResultGroup = [
    LicenceElement.styles,
    css`
      [part~='status'] {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--_space-s);
        padding: var(--_space-m);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
        color: var(--_muted);
      }
      [part~='status'][data-kind='error'] {
        color: var(--_danger);
      }
      /* A rule's message at a field (EditingWidget's renderIssue), or a widget's own notice. */
      [part~='message'] {
        margin: 0;
        font-size: 0.875rem;
      }
      [part~='message'][data-kind='error'] {
        color: var(--_danger);
      }
      [part~='message'][data-kind='warning'] {
        color: var(--_warning);
      }
      .skeleton {
        display: block;
        width: 100%;
        height: 0.75rem;
        border-radius: var(--_radius);
        background: linear-gradient(90deg, var(--_surface-raised), var(--_border), var(--_surface-raised));
        background-size: 200% 100%;
        animation: shimmer 1.2s ease-in-out infinite;
      }
      @media (prefers-reduced-motion: reduce) {
        .skeleton {
          animation: none;
        }
      }
      @keyframes shimmer {
        from {
          background-position: 100% 0;
        }
        to {
          background-position: -100% 0;
        }
      }
      button {
        font: inherit;
      }
      .button {
        display: inline-flex;
        align-items: center;
        gap: var(--_space-xs);
        min-height: 2.25rem;
        padding: 0 var(--_space-m);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
        color: var(--_text);
        cursor: pointer;
      }
      .button.primary {
        border-color: var(--_accent);
        background: var(--_accent);
        color: var(--_on-accent);
      }
      .button:disabled {
        cursor: not-allowed;
        opacity: 0.6;
      }
      .visually-hidden {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
      /* Forced colours (issue #23): a loading placeholder's gradient is dropped, so it is outlined;
         an error status has a double frame. (Buttons, fields and links get system colours as is.) */
      @media (forced-colors: active) {
        .skeleton {
          border: 1px dashed GrayText;
        }
        [part~='status'][data-kind='error'] {
          border: 3px double CanvasText;
        }
      }
    `,
  ];

  /** Where this widget's data comes from, when it is not inside a `<licence-provider>`. */
  @property({ attribute: false }) adapter: LicensingAdapter | undefined;

  /** A store to use instead of the provider's or one made from `adapter`. */
  @property({ attribute: false }) store: LicensingStore | undefined;

  protected readonly licensing = new LicensingController(this, {
    installation: this.needsInstallation(),
    rules: this.storeRules(),
  });
  protected readonly locale = new LocaleController(this);

  /** Whether this widget shows the installation licence (the store then loads it too). */
  protected needsInstallation(): boolean {
    return false;
  }

  /**
   * The rule book, for a widget that reads `issues`, `quote`, `after` or `canSave`; the controller
   * gives it to the store. Undefined here, so a widget that only shows data ships no rules.
   */
  protected storeRules(): RuleBook | undefined {
    return undefined;
  }

  /** What every widget says, in the language in effect. */
  protected get t(): CommonMessages {
    return this.locale.section('common', common);
  }

  /** The state to render; undefined while no store is connected. */
  protected get state(): LicensingState | undefined {
    return this.licensing.state;
  }

  /** A failure in the user's words: the kind's message, and the server's own detail as text. */
  protected errorText(error: LicensingError): string {
    const base = this.t.errors[error.kind] ?? this.t.errors.server;
    return error.detail ? `${base} ${error.detail}` : base;
  }

  /**
   * The common states, or `undefined` when the snapshot is there and the user may see it. Custom
   * states (`:state(loading)`, `:state(error)`, `:state(no-access)`, `:state(read-only)`) follow.
   */
  protected renderStatus(): TemplateResult | undefined {
    const state = this.state;
    const status = state?.status;
    this.setState('loading', status === 'loading' || status === 'idle');
    this.setState('error', status === 'error');
    // A failed refresh over data shown: the notice (refresh-notice.ts) decides where it shows.
    if (state?.error && state.snapshot)
      void import('./refresh-notice.js').then((m) => m.attachRefreshNotice(this, LicensingWidget));
    const permission = state?.snapshot?.permission;
    // R1 (src/core/permissions.ts): no access without view; read-only with view but not edit.
    const noAccess = permission !== undefined && !canView(permission);
    this.setState('no-access', noAccess);
    this.setState('read-only', permission !== undefined && !noAccess && !canEdit(permission));
    if (!state) {
      return html`<div part="status" role="status">${this.t.notConnected}</div>`;
    }
    if (status === 'idle' || status === 'loading') {
      return html`<div part="status" role="status" aria-busy="true">
        <span class="visually-hidden">${this.t.loading}</span>
        <span class="skeleton" aria-hidden="true"></span>
      </div>`;
    }
    if (status === 'error' || !state.snapshot) {
      return html`<div part="status" data-kind="error" role="alert">
        <span>${this.t.loadFailed} ${state.error ? this.errorText(state.error) : nothing}</span>
        <button class="button" part="retry-button" @click=${() => this.licensing.store?.reload()}>
          ${this.t.retry}
        </button>
      </div>`;
    }
    if (noAccess) {
      return html`<div part="status" data-kind="no-access" role="status">${this.t.noAccess}</div>`;
    }
    return undefined;
  }
}
