// Loads the review's "When it applies" column and "Download summary" (cart-timeline.ts) when the
// review first opens; the bar never needs them. A chunk that fails to load (a deploy replaced it)
// leaves the review without them rather than without a way to save.
import type { LocaleController } from '../../i18n/locale.js';
import type { CartTimeline, TimelineHost } from './cart-timeline.js';

/** The review's timeline for `host`, or undefined when its module cannot be loaded. */
export function loadTimeline(
  host: TimelineHost,
  locale: LocaleController,
): Promise<CartTimeline | undefined> {
  return import('./cart-timeline.js').then(
    (module) => new module.CartTimeline(host, locale),
    () => undefined,
  );
}
