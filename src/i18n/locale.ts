import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Messages are kept per language and per section: `common` for what every widget says, and one
 * section per element, whose English text lives next to the element. A language is opt-in: import
 * `licence-kit/locales/cs.js` and every section gets its Czech text, so a page pays only for the
 * languages and elements it uses.
 */
const registry = new Map<string, Map<string, unknown>>();
const hosts = new Set<ReactiveControllerHost>();
let observer: MutationObserver | undefined;

/** Adds one section of one language (`registerMessages('cs', 'licence-card', {...})`). */
export function registerMessages<T extends object>(lang: string, section: string, messages: T): void {
  const tag = lang.toLowerCase();
  let sections = registry.get(tag);
  if (!sections) registry.set(tag, (sections = new Map()));
  sections.set(section, messages);
  for (const host of hosts) host.requestUpdate();
}

/** The section's messages for a BCP 47 tag: exact, then its language ("cs-CZ" → "cs"), then English. */
export function lookupMessages<T extends object>(lang: string, section: string, english: T): T {
  const tag = lang.toLowerCase();
  const found = registry.get(tag)?.get(section) ?? registry.get(tag.split('-')[0]!)?.get(section);
  return (found as T | undefined) ?? english;
}

/** The language tag that Intl should use: English when no catalogue of the language is loaded. */
function effectiveLang(lang: string): string {
  const tag = lang.toLowerCase();
  return registry.has(tag) || registry.has(tag.split('-')[0]!) ? lang : 'en';
}

/** The nearest `lang` above `element`, across shadow roots, else the document's, else 'en'. */
export function langOf(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return document.documentElement.lang || 'en';
}

/**
 * Follows `lang` on the element or any ancestor in the document: one MutationObserver for all
 * widgets while any is connected, so a host switching `<html lang>` re-renders every widget.
 */
export class LocaleController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /**
   * The BCP 47 tag in effect, for Intl. Text and numbers must agree, so a language without a
   * loaded catalogue formats numbers in English too.
   */
  get lang(): string {
    return effectiveLang(langOf(this.host));
  }

  /** A section's messages in the language in effect. */
  section<T extends object>(name: string, english: T): T {
    return lookupMessages(langOf(this.host), name, english);
  }

  hostConnected(): void {
    hosts.add(this.host);
    if (!observer) {
      observer = new MutationObserver(() => {
        for (const host of hosts) host.requestUpdate();
      });
      observer.observe(document.documentElement, {
        attributes: true,
        attributeFilter: ['lang'],
        subtree: true,
      });
    }
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
    if (hosts.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  }
}
