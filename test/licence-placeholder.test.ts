import { expect, fixture, html } from '@open-wc/testing';
import '../src/elements/licence-placeholder/licence-placeholder.js';
import { LicencePlaceholder } from '../src/elements/licence-placeholder/licence-placeholder.component.js';

describe('licence-placeholder', () => {
  it('renders its heading and slotted text', async () => {
    const el = await fixture<LicencePlaceholder>(
      html`<licence-placeholder heading="Licences">Nothing here yet.</licence-placeholder>`,
    );
    const heading = el.shadowRoot!.querySelector('h2')!;
    expect(heading.textContent).to.equal('Licences');
    expect(el.textContent).to.equal('Nothing here yet.');
    const region = el.shadowRoot!.querySelector('section')!;
    expect(region.getAttribute('aria-labelledby')).to.equal(heading.id);
  });

  it('re-renders when the heading property changes', async () => {
    const el = await fixture<LicencePlaceholder>(html`<licence-placeholder></licence-placeholder>`);
    el.heading = 'Seat licences';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Seat licences');
  });

  it('is accessible', async () => {
    const el = await fixture(html`<licence-placeholder heading="Licences">Text</licence-placeholder>`);
    await expect(el).to.be.accessible();
  });

  it('warns instead of throwing when a second copy registers the same tag', async () => {
    const { defineElement } = await import('../src/base/define.js');
    class Impostor extends HTMLElement {}
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      expect(() => defineElement('licence-placeholder', Impostor)).not.to.throw();
    } finally {
      console.warn = original;
    }
    expect(customElements.get('licence-placeholder')).to.equal(LicencePlaceholder);
    expect(String(warnings[0]?.[0])).to.contain('<licence-placeholder> is already registered');
  });
});
