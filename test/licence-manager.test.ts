import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import '../src/elements/licence-manager/licence-manager.js';
import type { LicenceManager } from '../src/elements/licence-manager/licence-manager.component.js';
import { smallSeed } from './helpers/fixtures.js';
import { deepQueryAll, deepText, describeWidgetStates } from './helpers/widget-states.js';
import { settle } from './helpers/settle.js';
import { typeText } from './helpers/keys.js';

function counting(backend = new MemoryAdapter(smallSeed())) {
  const calls = { load: 0 };
  const adapter: LicensingAdapter = {
    load: (o) => (calls.load++, backend.load(o)),
    listUsage: (q, o) => backend.listUsage(q, o),
    commit: (c, o) => backend.commit(c, o),
  };
  return { adapter, calls };
}

async function manager(adapter: LicensingAdapter = new MemoryAdapter(smallSeed()), hide = '') {
  const el = await fixture<LicenceManager>(
    html`<licence-manager .adapter=${adapter} hide=${hide}></licence-manager>`,
  );
  await settle(el);
  return el;
}

describeWidgetStates({
  tag: 'licence-manager',
  render: (adapter) => html`<licence-manager .adapter=${adapter}></licence-manager>`,
  seed: () => smallSeed(),
  readyText: 'Licensing',
});

describe('licence-manager', () => {
  it('lays out every licence type, retention, STT, Power Pack and the cart on one load', async () => {
    const { adapter, calls } = counting();
    const el = await manager(adapter);
    const cards = deepQueryAll(el, 'licence-card').map((c) => c.getAttribute('type-id'));
    expect(cards).to.have.members(['voice', 'outbound', 'email', 'call-recording', 'speech-to-text']);
    // One Power Pack switch on the page: the one in power-pack-limits.
    expect(deepQueryAll(el, '[role="switch"]').map((s) => s.textContent!.trim())).to.deep.equal([
      'Speech-to-Text',
      'Power Pack',
    ]);
    expect(deepQueryAll(el, 'retention-picker')).to.have.length(1);
    expect(deepQueryAll(el, 'power-pack-limits')).to.have.length(1);
    expect(deepQueryAll(el, 'licence-cart')).to.have.length(1);
    expect(deepText(el)).to.contain('Any changes you make here will affect your monthly invoice!');
    expect(calls.load).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('shares one draft between its widgets: a card change shows in the cart', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const el = await manager(adapter);
    const email = deepQueryAll<HTMLElement>(el, 'licence-card').find(
      (c) => c.getAttribute('type-id') === 'email',
    )!;
    const plus = deepQueryAll<HTMLButtonElement>(email, 'button').find(
      (b) => b.getAttribute('aria-label') === 'Increase Email licences',
    )!;
    plus.click();
    await settle(el);
    const cart = deepQueryAll(el, 'licence-cart')[0]!;
    expect(deepText(cart)).to.contain('1 change');
  });

  it('opens the usage overview filtered from a blocked reduction, and returns focus to the link', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const el = await manager(adapter);
    const voice = deepQueryAll<HTMLElement>(el, 'licence-card').find(
      (c) => c.getAttribute('type-id') === 'voice',
    )!;
    // The stepper stops at what is in use (issue #15): a blocked reduction is a lower count typed.
    const input = deepQueryAll<HTMLInputElement>(voice, '[role="spinbutton"]')[0]!;
    input.focus();
    input.select();
    await typeText('1');
    await settle(el);
    const link = deepQueryAll<HTMLButtonElement>(voice, 'button').find((b) =>
      b.textContent!.includes('See who uses Voice'),
    )!;
    link.focus();
    link.click();
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    // The overview's code loads on the first open.
    await waitUntil(() => dialog.open, 'the usage dialog opens');
    await settle(el);
    const overview = dialog.querySelector('usage-overview')!;
    expect(overview.getAttribute('type-id')).to.equal('voice');
    expect(overview).to.be.instanceOf(customElements.get('usage-overview')!);
    dialog.close();
    // The close event is a task of its own: wait for the focus, not a fixed number of rounds.
    await waitUntil(() => voice.shadowRoot!.activeElement === link, 'focus back on the card link');
  });

  it('lets the host handle "see who uses" itself by cancelling the event', async () => {
    const el = await manager(new MemoryAdapter(smallSeed()));
    const cancel = (e: Event) => e.preventDefault();
    document.addEventListener('licence-show-usage', cancel);
    try {
      const card = deepQueryAll<HTMLElement>(el, 'licence-card')[0]!;
      card.dispatchEvent(
        new CustomEvent('licence-show-usage', {
          detail: { typeId: 'voice' },
          bubbles: true,
          composed: true,
          cancelable: true,
        }),
      );
      await settle(el);
      expect(el.shadowRoot!.querySelector('dialog')!.open).to.equal(false);
    } finally {
      document.removeEventListener('licence-show-usage', cancel);
    }
  });

  it('leaves out the sections named in hide', async () => {
    const el = await manager(undefined, 'invoice-warning usage-based usage');
    expect(deepText(el)).not.to.contain('monthly invoice!');
    expect(deepQueryAll(el, 'power-pack-limits')).to.have.length(0);
    expect(deepQueryAll(el, '[part~="usage-button"]')).to.have.length(0);
    expect(deepQueryAll(el, 'licence-card').length).to.equal(4);
  });

  it('takes hide as a property too, as frameworks set it, matching whole section names', async () => {
    const el = await manager();
    // Vue and React 19 set a static `hide="…"` as the property, in its string form.
    (el as unknown as { hide: string }).hide = 'usage-based';
    await settle(el);
    expect(deepQueryAll(el, 'power-pack-limits')).to.have.length(0);
    expect(deepQueryAll(el, '[part~="usage-button"]'), 'usage is not usage-based').to.have.length(1);
    el.hide = ['usage'];
    await settle(el);
    expect(deepQueryAll(el, '[part~="usage-button"]')).to.have.length(0);
    expect(deepQueryAll(el, 'power-pack-limits')).to.have.length(1);
  });

  it('follows permission: view shows everything read-only, none only the notice', async () => {
    const view = await manager(new MemoryAdapter(smallSeed({ permission: 'view' })));
    expect(deepQueryAll(view, 'licence-card').length).to.be.greaterThan(0);
    expect(
      deepQueryAll<HTMLInputElement>(view, '[role="spinbutton"]').every((i) => i.readOnly || i.disabled),
    ).to.equal(true);
    const none = await manager(new MemoryAdapter(smallSeed({ permission: 'none' })));
    expect(deepQueryAll(none, 'licence-card')).to.have.length(0);
    expect(deepText(none)).to.contain('You have no access to licensing');
  });

  it("forwards the cards' and the cart's parts, so licence-manager::part(…) styles them as outside", async () => {
    const style = document.createElement('style');
    style.textContent =
      'licence-manager::part(name) { color: rgb(1, 2, 3); } licence-manager::part(save-button) { color: rgb(4, 5, 6); }' +
      ' licence-manager::part(header) { color: rgb(7, 8, 9); }';
    document.head.append(style);
    try {
      const el = await manager();
      const cards = deepQueryAll(el, 'licence-card');
      expect(cards.length).to.be.greaterThan(1);
      for (const card of cards) {
        const name = card.shadowRoot!.querySelector('[part~="name"]')!;
        expect(getComputedStyle(name).color, card.getAttribute('type-id')!).to.equal('rgb(1, 2, 3)');
      }
      const save = deepQueryAll(el, 'licence-cart')[0]!.shadowRoot!.querySelector('[part~="save-button"]')!;
      expect(getComputedStyle(save).color).to.equal('rgb(4, 5, 6)');
      // `header` is the page's own part: it styles the page's header, not the cards' headers.
      expect(getComputedStyle(el.shadowRoot!.querySelector('[part~="header"]')!).color).to.equal(
        'rgb(7, 8, 9)',
      );
      const cardHeader = cards[0]!.shadowRoot!.querySelector('[part~="header"]')!;
      expect(getComputedStyle(cardHeader).color).not.to.equal('rgb(7, 8, 9)');
    } finally {
      style.remove();
    }
  });

  it('offers the installation licence only when the adapter has it', async () => {
    const without = await manager(new MemoryAdapter(smallSeed()));
    expect(deepQueryAll(without, '[part~="installation"]')).to.have.length(0);
    const withLicence = await manager(new MemoryAdapter());
    expect(deepQueryAll(withLicence, '[part~="installation"]')).to.have.length(1);
  });
});
