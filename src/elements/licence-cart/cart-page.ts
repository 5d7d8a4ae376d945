// What the cart does to the page around it: while it sticks to the bottom of the page it publishes
// its height, so the document scrolls with that much padding and toasts sit above it (the bar never
// covers what has focus); and it goes to the widget where a problem is fixed.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

const HEIGHT = '--licence-cart-height';
const PADDING = `calc(var(${HEIGHT}) + 0.5rem)`;

/**
 * While its host is `position: sticky` or `fixed` (as `licence-manager` makes it) and shows a bar,
 * sets `--licence-cart-height` on the document element and, unless the page set its own,
 * `scroll-padding-bottom` on the document's scroller, so focus and `scrollIntoView` stop above the
 * bar. A page that scrolls inside an element of its own opts in with
 * `scroll-padding-bottom: var(--licence-cart-height, 0px)` on that element.
 */
export class StickyPadding implements ReactiveController {
  private observer: ResizeObserver | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new ResizeObserver(() => {
      const { position } = getComputedStyle(this.host);
      this.apply(/sticky|fixed/.test(position) ? this.host.offsetHeight : 0);
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.apply(0);
  }

  private apply(height: number): void {
    const { style } = document.documentElement;
    const scroller = (document.scrollingElement as HTMLElement | null)?.style;
    if (height) {
      style.setProperty(HEIGHT, `${height}px`);
      if (scroller && !scroller.scrollPaddingBottom) scroller.scrollPaddingBottom = PADDING;
    } else {
      style.removeProperty(HEIGHT);
      if (scroller?.scrollPaddingBottom === PADDING) scroller.scrollPaddingBottom = '';
    }
  }
}

/** The enabled fields inside `root`, shadow roots included, in document order. */
function fields(root: Element): HTMLElement[] {
  return [...(root.shadowRoot ?? root).querySelectorAll<HTMLElement>('*')].flatMap((el) =>
    el.matches('input:enabled,select:enabled') ? [el] : el.shadowRoot ? fields(el) : [],
  );
}

/**
 * Scrolls to the widget `selector` finds in `from`'s root (the document, or the shadow root of
 * the page that lays both out) and focuses its `field`-th field.
 */
export function goTo(from: Element, { selector, field }: { selector: string; field: number }): void {
  const target = (from.getRootNode() as ParentNode).querySelector(selector);
  if (!target) return;
  target.scrollIntoView({ block: 'center' });
  fields(target)[field]?.focus({ preventScroll: true });
}
