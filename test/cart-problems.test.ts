// Nothing blocking waits for the review (issue #15): the bar counts the problems, leaves their
// lines out of its totals, goes to the first one, offers no Save and never opens the review on
// them; what another admin changed under the draft shows in the bar. In the memory adapter and in
// the REST adapter over MSW, where the way a change made elsewhere arrives differs.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SetupWorker } from 'msw/browser';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import '../src/elements/licence-card/licence-card.js';
import '../src/elements/licence-cart/licence-cart.js';
import type { LicenceCart } from '../src/elements/licence-cart/licence-cart.component.js';
import '../src/elements/licence-provider/licence-provider.js';
import { smallSeed } from './helpers/fixtures.js';
import { settle } from './helpers/settle.js';
import { deepQueryAll, deepText } from './helpers/widget-states.js';

let worker: SetupWorker | undefined;
let mounts = 0;

/** The two ways a page reaches its data: the backend itself, or the REST contract over MSW. */
const modes: { name: string; adapter: (backend: MemoryAdapter) => Promise<LicensingAdapter> }[] = [
  { name: 'memory', adapter: (backend) => Promise.resolve(backend) },
  {
    name: 'REST over MSW',
    adapter: async (backend) => {
      const { setupWorker } = await import('msw/browser');
      const { createLicensingHandlers } = await import('../src/mocks/index.js');
      const { RestAdapter, liveUpdates } = await import('../src/adapters/rest/index.js');
      const baseUrl = `/cart-problems-${++mounts}`;
      const { handlers } = createLicensingHandlers({ backend, baseUrl });
      if (!worker) {
        worker = setupWorker(...handlers);
        await worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
      } else worker.use(...handlers);
      // With live updates, as the demo: another admin's change arrives as it does in memory.
      return new RestAdapter({ baseUrl, liveUpdates });
    },
  },
];

after(() => worker?.stop());

const button = (el: Element, name: string) =>
  deepQueryAll<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.trim() === name);

/** What has focus, through every shadow root. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function page(adapter: LicensingAdapter) {
  const provider = await fixture(
    html`<licence-provider .adapter=${adapter}>
      <licence-card type-id="voice"></licence-card>
      <licence-card type-id="email"></licence-card>
      <licence-cart></licence-cart>
    </licence-provider>`,
  );
  const cart = provider.querySelector<LicenceCart>('licence-cart')!;
  await waitUntil(() => deepText(cart).includes('No pending changes.'), 'the cart loads');
  return { provider, cart, card: (id: string) => provider.querySelector(`licence-card[type-id="${id}"]`)! };
}

/** Types `value` into a card's count, as a user does. */
async function type(card: Element, value: string) {
  const input = deepQueryAll<HTMLInputElement>(card, '[role="spinbutton"]')[0]!;
  input.focus();
  input.select();
  await sendKeys({ type: value });
  await settle(card);
}

for (const mode of modes) {
  describe(`licence-cart problems and changes made elsewhere (${mode.name})`, () => {
    it('counts the problems in the bar, leaves their lines out of the totals, offers no Save and no review', async () => {
      const { cart, card } = await page(await mode.adapter(new MemoryAdapter(smallSeed())));
      await type(card('voice'), '1'); // 3 in use (R3), and 4 Outbound need 4 Voice (R4): two problems
      await type(card('email'), '5'); // +3 × €9, this month too (peak 2)
      await waitUntil(() => deepText(cart).includes('2 changes'));
      const bar = deepText(cart.shadowRoot!.querySelector('[part="base"]')!);
      expect(bar).to.contain('2 problems to fix before saving');
      // Voice 10 → 1 would be −€216.00 next month: not in the totals while it cannot be saved.
      expect(bar).to.contain('This month +€27.00');
      expect(bar).to.contain('Next month +€27.00');
      expect(button(cart, 'Save')!.disabled).to.equal(true);
      await cart.review();
      await settle(cart);
      expect(cart.shadowRoot!.querySelector('dialog')!.open).to.equal(false);
      await expect(cart).to.be.accessible();
    });

    it('goes to the card with the first problem and focuses its count', async () => {
      const { cart, card } = await page(await mode.adapter(new MemoryAdapter(smallSeed())));
      await type(card('voice'), '1');
      await waitUntil(() => button(cart, 'Go to Voice'));
      button(cart, 'Go to Voice')!.focus();
      button(cart, 'Go to Voice')!.click();
      const input = deepQueryAll<HTMLInputElement>(card('voice'), '[role="spinbutton"]')[0]!;
      expect(focused()).to.equal(input);
      expect(input.value).to.equal('1');
      await type(card('voice'), '4');
      await waitUntil(() => !deepText(cart).includes('problem'));
      expect(button(cart, 'Save')!.disabled).to.equal(false);
    });

    it("shows another admin's change in the bar, with the totals it leaves", async () => {
      const backend = new MemoryAdapter(smallSeed());
      const { cart, card } = await page(await mode.adapter(backend));
      await type(card('voice'), '14');
      await waitUntil(() => deepText(cart).includes('Next month +€96.00'));
      await backend.commit(
        { counts: { voice: 20 } },
        { expectedVersion: 'v1', idempotencyKey: 'another-admin' },
      );
      await waitUntil(() => cart.shadowRoot!.querySelector('[part="base"] [part="conflict"]'), 'in the bar', {
        timeout: 5000,
      });
      const bar = deepText(cart.shadowRoot!.querySelector('[part="base"]')!);
      expect(bar).to.contain('Someone else changed the licences meanwhile.');
      expect(bar).to.contain('Voice: was 10, now 20');
      // The draft still sets 14, now a reduction from 20: 6 × €24 less next month.
      expect(bar).to.contain('Next month −€144.00');
      await expect(cart).to.be.accessible();
    });
  });
}

describe('licence-cart problems: the host decides where to show them', () => {
  it('a host that cancels licence-show-problem shows it itself; focus stays', async () => {
    const { cart, card } = await page(new MemoryAdapter(smallSeed()));
    await type(card('voice'), '1');
    const shown: string[] = [];
    cart.addEventListener('licence-show-problem', (e) => {
      shown.push(e.detail.issue.code);
      e.preventDefault();
    });
    await waitUntil(() => button(cart, 'Go to Voice'));
    button(cart, 'Go to Voice')!.focus();
    button(cart, 'Go to Voice')!.click();
    expect(shown).to.deep.equal(['reduce-below-in-use']);
    expect(focused()).to.equal(button(cart, 'Go to Voice'));
  });
});

describe('licence-cart conflict on save (REST over MSW, no live updates)', () => {
  it("Back works the moment the review shows another admin's change, and the bar keeps saying it", async () => {
    const { setupWorker } = await import('msw/browser');
    const { createLicensingHandlers } = await import('../src/mocks/index.js');
    const { RestAdapter } = await import('../src/adapters/rest/index.js');
    const backend = new MemoryAdapter(smallSeed());
    const baseUrl = `/cart-problems-${++mounts}`;
    const { handlers } = createLicensingHandlers({ backend, baseUrl });
    if (!worker) {
      worker = setupWorker(...handlers);
      await worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
    } else worker.use(...handlers);
    const { cart, card } = await page(new RestAdapter({ baseUrl }));
    await type(card('voice'), '14');
    await waitUntil(() => deepText(cart).includes('Next month +€96.00'));
    await backend.commit(
      { counts: { voice: 20 } },
      { expectedVersion: 'v1', idempotencyKey: 'another-admin' },
    );
    button(cart, 'Save')!.click();
    await settle(cart);
    // Back is pressed as soon as the review shows the conflict with Back enabled: the reload shows
    // it before the draft is rebased, and a Back that looked enabled then used to do nothing.
    const pressedBack = new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        const back = button(cart, 'Back');
        if (!cart.shadowRoot!.querySelector('dialog [part="conflict"]') || !back || back.disabled) return;
        observer.disconnect();
        back.click();
        resolve();
      });
      observer.observe(cart.shadowRoot!, { subtree: true, childList: true, attributes: true });
    });
    button(cart, 'Save changes')!.click();
    await pressedBack;
    await waitUntil(() => cart.shadowRoot!.querySelector('[part="base"] [part="conflict"]'), 'in the bar', {
      timeout: 3000,
    });
    expect(cart.shadowRoot!.querySelector('dialog')!.open, 'the review is closed').to.equal(false);
    expect(deepText(cart.shadowRoot!.querySelector('[part="base"]')!)).to.contain('Voice: was 10, now 20');
  });
});
