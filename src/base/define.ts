/**
 * Registers a custom element without throwing when the tag is taken.
 *
 * Two copies of the library on one page (a host bundling us twice, or two micro-frontends) is
 * common; `customElements.define` would throw on the second copy and break the whole host page.
 * We warn instead, so the first registration keeps working.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  // A server or worker runtime with no registry at all: nothing renders there, but importing an
  // element entry must not throw (server-rendering hosts import us). Lit's Node build installs a
  // registry of its own, so under plain Node and @lit-labs/ssr tags are still registered.
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(tag);
  if (existing) {
    // `existing` may be the stand-in subclass made below: that is this copy's own registration.
    if (existing !== ctor && !(existing.prototype instanceof ctor)) {
      console.warn(
        `licence-kit: <${tag}> is already registered by another copy of the library; ` +
          `this copy will not register it. Register the exported class under another name if you need both.`,
      );
    }
    return;
  }
  try {
    customElements.define(tag, ctor);
  } catch (error) {
    // A class holds one name only. When the host registered it under its own name
    // (`customElements.define('acme-licence-card', LicenceCard)`), our own templates still render
    // the tag (licence-manager renders <licence-card>), so a subclass takes the tag instead.
    if (!(error instanceof DOMException && error.name === 'NotSupportedError')) throw error;
    customElements.define(tag, class extends ctor {});
  }
}
