// What a screen reader is told (issue #23): the cart's total once per change, not per keystroke,
// and each stepper's limit read as the input's description, inside the stepper's own shadow root.
// The accessibility tree of the whole page is walked in test/e2e/screen-reader.test.mjs.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import { ANNOUNCE_DELAY } from '../src/base/announcer.js';
import '../src/elements/licence-card/licence-card.js';
import type { LicenceCart } from '../src/elements/licence-cart/licence-cart.component.js';
import '../src/elements/licence-cart/licence-cart.js';
import { sharedStoreFor } from '../src/state/controller.js';
import '../src/ui/number-stepper.js';
import type { NumberStepper } from '../src/ui/number-stepper.js';
import { adapterFor, adapterModes, loaded } from './helpers/adapter-modes.js';
import { smallSeed } from './helpers/fixtures.js';
import { typeText } from './helpers/keys.js';
import { settle } from './helpers/settle.js';
import { deepQueryAll } from './helpers/widget-states.js';

const wait = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A card and the cart on one store, and every text the cart's live regions take from now on. */
async function page(adapter: LicensingAdapter = new MemoryAdapter(smallSeed())) {
  const host = await fixture(
    html`<div>
      <licence-card type-id="email" .adapter=${adapter}></licence-card>
      <licence-cart .adapter=${adapter}></licence-cart>
    </div>`,
  );
  const cart = host.querySelector<LicenceCart>('licence-cart')!;
  await loaded(cart, adapter);
  await settle(host.querySelector('licence-card'));
  // A region's text each time it changes to something (what a screen reader reads out).
  const heard: string[] = [];
  const last = new Map<Element, string>();
  new MutationObserver(() => {
    for (const region of cart.shadowRoot!.querySelectorAll('[role="status"], [aria-live]')) {
      const text = region.textContent!.trim();
      if (text && last.get(region) !== text) heard.push(text);
      last.set(region, text);
    }
  }).observe(cart.shadowRoot!, { subtree: true, childList: true, characterData: true });
  return { adapter, host, cart, heard };
}

describe('screen-reader announcements', () => {
  for (const mode of adapterModes)
    it(`says the cart total once after typing "12", not at each keystroke (${mode})`, async () => {
      const { host, cart, heard } = await page(await adapterFor(mode, smallSeed()));
      const input = deepQueryAll<HTMLInputElement>(
        host.querySelector('licence-card')!,
        'input[role="spinbutton"]',
      )[0]!;
      input.focus();
      input.select();
      await typeText('12');
      await settle(cart);
      expect(heard).to.deep.equal([]);
      await wait(ANNOUNCE_DELAY + 100);
      await settle(cart);
      // Email 2 → 12, €9 each: +€90 this month (its peak was 2).
      expect(heard).to.deep.equal(['Cart total this month +€90.00']);
    });

  it('says a new total again, nothing for the same one, and nothing once the cart is emptied', async () => {
    const { adapter, cart, heard } = await page();
    const store = sharedStoreFor(adapter);
    store.setCount('email', 3);
    await settle(cart);
    store.setCount('email', 4);
    await wait(ANNOUNCE_DELAY + 100);
    await settle(cart);
    expect(heard).to.deep.equal(['Cart total this month +€18.00']);
    // There and back before it settles: the total it ends on was said already.
    store.setCount('email', 5);
    await settle(cart);
    store.setCount('email', 4);
    await wait(ANNOUNCE_DELAY + 100);
    await settle(cart);
    expect(heard).to.deep.equal(['Cart total this month +€18.00']);
    store.discard();
    await wait(ANNOUNCE_DELAY + 100);
    await settle(cart);
    const region = cart.shadowRoot!.querySelector('.visually-hidden[role="status"]')!;
    expect(region.textContent!.trim()).to.equal('');
    // After the cart was emptied the same total is news again.
    store.setCount('email', 4);
    await wait(ANNOUNCE_DELAY + 100);
    await settle(cart);
    expect(heard).to.deep.equal(['Cart total this month +€18.00', 'Cart total this month +€18.00']);
  });

  it("says a request's total once too, not at each keystroke", async () => {
    const { adapter, host, cart, heard } = await page(new MemoryAdapter(smallSeed({ permission: 'view' })));
    sharedStoreFor(adapter).allowRequests();
    await settle(cart);
    const input = deepQueryAll<HTMLInputElement>(
      host.querySelector('licence-card')!,
      'input[role="spinbutton"]',
    )[0]!;
    input.focus();
    input.select();
    await typeText('12');
    // The request mode's module loads on the first request.
    await waitUntil(
      () => cart.shadowRoot!.querySelector('[data-mode="request"]'),
      'the cart in request mode',
    );
    expect(heard).to.deep.equal([]);
    await wait(ANNOUNCE_DELAY + 100);
    await settle(cart);
    expect(heard).to.deep.equal(['Cart total this month +€90.00']);
  });

  it('says nothing for a change left pending when the cart leaves the page', async () => {
    const { adapter, host, cart, heard } = await page();
    sharedStoreFor(adapter).setCount('email', 3);
    await settle(cart);
    cart.remove();
    await wait(ANNOUNCE_DELAY + 100);
    expect(heard).to.deep.equal([]);
    host.append(cart);
    await settle(cart);
    await wait(ANNOUNCE_DELAY + 100);
    await settle(cart);
    expect(heard).to.deep.equal(['Cart total this month +€9.00']);
  });

  it("describes a stepper's input by its message and by its owner's description, in its own root", async () => {
    const el = await fixture<NumberStepper>(
      html`<lk-number-stepper label="Email licences" description="In use: 1 of 2"></lk-number-stepper>`,
    );
    const input = el.shadowRoot!.querySelector('input')!;
    const described = () =>
      input
        .getAttribute('aria-describedby')!
        .split(' ')
        .map((id) => el.shadowRoot!.getElementById(id)!.textContent!.trim());
    expect(described()).to.deep.equal(['In use: 1 of 2']);
    // Described, not shown: the owner shows it where it belongs.
    expect(el.shadowRoot!.getElementById('description')!.hidden).to.equal(true);
    el.message = "1 in use — can't go lower";
    await el.updateComplete;
    expect(described()).to.deep.equal(["1 in use — can't go lower", 'In use: 1 of 2']);
    el.description = '';
    el.message = '';
    await el.updateComplete;
    expect(input.hasAttribute('aria-describedby')).to.equal(false);
  });
});
