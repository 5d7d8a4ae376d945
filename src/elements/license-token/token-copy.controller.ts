// Copying an installation token: the clipboard when the page may use it, else the token selected
// for Ctrl+C (Cmd+C), with the feedback next to the token it was about.
import { html, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { emit } from '../../events.js';
import { copyIcon } from '../../ui/icons.js';
import type { LicenseTokenMessages } from './license-token.messages.js';

/** Which token a copy was about: the server's (the new one of a move), or the old one of a move. */
export type TokenSource = 'main' | 'old';

/** How long "copied" stays on screen. */
const FEEDBACK_MS = 4000;

/** The keys that copy on this platform, for the manual-copy instruction. */
function copyKeys(): string {
  const data = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData;
  const platform = data?.platform || navigator.platform || navigator.userAgent;
  return /mac|iphone|ipad/i.test(platform) ? 'Cmd+C' : 'Ctrl+C';
}

export class TokenCopyController implements ReactiveController {
  /** The last copy's feedback, shown next to the token it was about. */
  private feedback: { source: TokenSource; text: string } | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveElement,
    private readonly words: () => LicenseTokenMessages,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  private show(feedback: { source: TokenSource; text: string } | undefined): void {
    this.feedback = feedback;
    this.host.requestUpdate();
  }

  async copy(source: TokenSource, token: string): Promise<void> {
    clearTimeout(this.timer);
    let copied = false;
    try {
      // `navigator.clipboard` is missing outside secure contexts (an admin page on plain http).
      if (typeof navigator.clipboard?.writeText !== 'function') throw new Error('No clipboard');
      await navigator.clipboard.writeText(token);
      copied = true;
    } catch {
      // Refused (no permission, no user activation) or missing: the user copies it by hand.
    }
    if (copied) {
      this.show({ source, text: this.words().copied });
      this.timer = setTimeout(() => this.show(undefined), FEEDBACK_MS);
    } else {
      this.show({ source, text: this.words().copyManually(copyKeys()) });
      this.selectToken(source);
    }
    emit(this.host, 'licence-token-copy', { token, copied });
  }

  /** Focuses the token and selects its text, so Ctrl+C (Cmd+C) copies it. */
  private selectToken(source: TokenSource): void {
    const element = this.host.renderRoot.querySelector<HTMLElement>(`[data-token="${source}"]`);
    if (!element) return;
    element.focus();
    window.getSelection()?.selectAllChildren(element);
  }

  private onKey(event: KeyboardEvent, source: TokenSource, token: string): void {
    // The token acts as a button: Enter and Space copy it (Space must not scroll the page).
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    void this.copy(source, token);
  }

  /** A token with its label, a copy button and the copy's feedback. */
  row(source: TokenSource, label: string, token: string, copyLabel: string): TemplateResult {
    const feedback = this.feedback?.source === source ? this.feedback.text : '';
    return html`<div part="token-row">
      <span part="token-label" id="${source}-label">${label}</span>
      <span
        part="token"
        class="token"
        id="${source}-token"
        data-token=${source}
        role="button"
        tabindex="0"
        aria-labelledby="${source}-label ${source}-token"
        aria-describedby="token-hint"
        @click=${() => this.copy(source, token)}
        @keydown=${(event: KeyboardEvent) => this.onKey(event, source, token)}
        >${token}</span
      >
      <button
        part="copy-button"
        class="button"
        type="button"
        aria-label=${copyLabel}
        @click=${() => this.copy(source, token)}
      >
        ${copyIcon}<span>${this.words().copy}</span>
      </button>
      <span part="copy-status" class="copy-status" role="status">${feedback}</span>
    </div>`;
  }
}
