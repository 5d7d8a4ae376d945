// One polite announcement per settled change (issue #23): a figure that changes on every keystroke
// (the cart's total while "120" is typed) is announced once, after it has stopped changing, in a
// live region of its own, rather than by making the visible figure a live region.
import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';

/** How long (ms) a text must stay the same before it is announced. */
export const ANNOUNCE_DELAY = 700;

/**
 * A polite live region for one figure. The host calls `say(text)` on every render with what the
 * figure says now and renders `region()` (with the `visually-hidden` class in its styles); the text
 * is put in the region once it has stayed the same for `ANNOUNCE_DELAY` ms and differs from what
 * was last announced. An empty text announces nothing and forgets what was announced.
 */
export class PoliteAnnouncer implements ReactiveController {
  private wanted = '';
  private spoken = '';
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** What the figure says now; announced once it settles. */
  say(text: string): void {
    if (text === this.wanted) return;
    this.wanted = text;
    clearTimeout(this.timer);
    if (!text) this.spoken = '';
    else
      this.timer = setTimeout(() => {
        if (this.spoken !== text) {
          this.spoken = text;
          this.host.requestUpdate();
        }
      }, ANNOUNCE_DELAY);
  }

  /** The live region: always rendered, so that a screen reader is listening before it speaks. */
  region() {
    return html`<span class="visually-hidden" role="status">${this.spoken}</span>`;
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.wanted = '';
  }
}
