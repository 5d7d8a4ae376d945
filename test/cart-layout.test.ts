// Where the cart sits on the page (issue #15): no room taken while nothing is pending; stuck to the
// bottom it never covers what has focus, and toasts appear above it; the review is wide enough on
// a desktop, its amounts on one line at the right, its footer in view, and on a phone each change
// is one block with nothing cut off. Layout only, so the memory adapter alone.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import '../src/elements/licence-cart/licence-cart.js';
import type { LicenceCart } from '../src/elements/licence-cart/licence-cart.component.js';
import '../src/locales/cs.js';
import { sharedStoreFor } from '../src/state/controller.js';
import type { Toast } from '../src/ui/toast.js';
import { smallSeed } from './helpers/fixtures.js';
import { settle } from './helpers/settle.js';
import { deepText } from './helpers/widget-states.js';

/** A page taller than the window whose cart sticks to the bottom, as licence-manager lays it out. */
async function stickyPage() {
  const adapter = new MemoryAdapter(smallSeed());
  const page = await fixture(
    html`<main>
      <p class="above">Above</p>
      <label>Last field <input /></label>
      <p class="below">Below</p>
      <licence-cart .adapter=${adapter}></licence-cart>
    </main>`,
  );
  const cart = page.querySelector<LicenceCart>('licence-cart')!;
  page.querySelector<HTMLElement>('.above')!.style.height = '1500px';
  page.querySelector<HTMLElement>('.below')!.style.height = '600px';
  cart.style.position = 'sticky';
  cart.style.bottom = '0';
  await settle(cart);
  return { page, cart, store: sharedStoreFor(adapter), input: page.querySelector('input')! };
}

const bar = (cart: LicenceCart) => cart.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;
const dialog = (cart: LicenceCart) => cart.shadowRoot!.querySelector('dialog')!;

describe('licence-cart on the page', () => {
  afterEach(() => window.scrollTo(0, 0));

  it('takes no room while nothing is pending, and its bar once something is', async () => {
    const { cart, store } = await stickyPage();
    expect(cart.getBoundingClientRect().height).to.be.below(2);
    expect(deepText(cart)).to.contain('No pending changes.'); // still said to a screen reader
    store.setCount('email', 5);
    await settle(cart);
    expect(cart.getBoundingClientRect().height).to.be.above(30);
    expect(deepText(bar(cart))).to.contain('1 change');
  });

  it('moves nothing on the page when focus leaves it after a save', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const page = await fixture(
      html`<div><licence-cart .adapter=${adapter}></licence-cart><button>After the cart</button></div>`,
    );
    const cart = page.querySelector<LicenceCart>('licence-cart')!;
    const store = sharedStoreFor(adapter);
    await settle(cart);
    store.setCount('email', 5);
    await settle(cart);
    await store.commit();
    await settle(cart);
    // After the save the cart holds focus and says so, over the page rather than in it.
    const status = cart.shadowRoot!.querySelector<HTMLElement>('[part~="summary"]')!;
    status.focus();
    await settle(cart);
    const after = page.querySelector('button')!;
    const top = after.getBoundingClientRect().top;
    expect(bar(cart).getBoundingClientRect().height).to.be.above(20, 'shown while it has focus');
    after.focus();
    await settle(cart);
    expect(after.getBoundingClientRect().top).to.equal(top, 'the button did not move under the pointer');
  });

  it('never covers the field that takes focus, and gives the room back once saved', async () => {
    const { cart, store, input } = await stickyPage();
    store.setCount('email', 5);
    await settle(cart);
    await waitUntil(() => document.documentElement.style.getPropertyValue('--licence-cart-height'));
    // The field sits just above the window's bottom edge, where the bar is.
    window.scrollTo(0, input.getBoundingClientRect().bottom + window.scrollY - innerHeight + 4);
    expect(input.getBoundingClientRect().bottom).to.be.above(bar(cart).getBoundingClientRect().top);
    input.focus();
    // WebKit may scroll the focused field into view a frame or more later.
    await waitUntil(
      () => input.getBoundingClientRect().bottom <= bar(cart).getBoundingClientRect().top,
      'the focused field scrolls clear of the bar',
      { timeout: 3000 },
    );
    store.discard();
    await settle(cart);
    await waitUntil(() => !document.documentElement.style.getPropertyValue('--licence-cart-height'));
    expect(document.documentElement.style.scrollPaddingBottom).to.equal('');
  });

  it('shows its toasts above the bar, never over Discard and Save', async () => {
    const { cart, store } = await stickyPage();
    store.setCount('email', 5);
    await settle(cart);
    await waitUntil(() => document.documentElement.style.getPropertyValue('--licence-cart-height'));
    const toast = cart.shadowRoot!.querySelector<Toast>('lk-toast')!;
    toast.show('Something to say', 'error');
    await settle(toast);
    const box = toast.shadowRoot!.querySelector('[part="toast"]')!.getBoundingClientRect();
    expect(box.bottom).to.be.at.most(bar(cart).getBoundingClientRect().top);
  });
});

/** The cart with a change of every kind, its review open. */
async function reviewOfEverything(lang = 'en') {
  const adapter = new MemoryAdapter(smallSeed());
  const cart = await fixture<LicenceCart>(
    html`<licence-cart .adapter=${adapter} lang=${lang}></licence-cart>`,
  );
  await settle(cart);
  const store = sharedStoreFor(adapter);
  store.setCount('voice', 14);
  store.setCount('outbound', 6);
  store.setCount('email', 1);
  store.setCount('call-recording', 4);
  store.setRetention({ months: 12 });
  store.setSpeechToText({ limitOverBase: 3000 });
  store.setPowerPackLimit('smart-routing', 12);
  store.setPowerPackLimit('ai-topics', 3);
  await settle(cart);
  await cart.review();
  await settle(cart);
  expect(dialog(cart).open).to.equal(true);
  return cart;
}

/** The lines `el`'s text takes. */
function lines(el: Element): number {
  const range = document.createRange();
  range.selectNodeContents(el);
  return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
}

// The review is sized by the window (min(60rem, 95vw)) and lays out by its own width, so these run
// in every engine (WebKit's driver cannot resize the window): the phone case narrows the dialog.
describe('licence-cart review layout', () => {
  it('on a desktop: wide, amounts on one line at the right, the footer in view', async () => {
    const cart = await reviewOfEverything();
    const wide = Math.min(960, 0.95 * document.documentElement.clientWidth);
    expect(dialog(cart).getBoundingClientRect().width).to.be.closeTo(wide, 24);
    // A short window: the list scrolls and the footer stays.
    dialog(cart).style.maxHeight = '400px';
    await settle(cart);
    const amounts = [...dialog(cart).querySelectorAll<HTMLElement>('td[data-label]')].filter((td) =>
      td.textContent!.trim(),
    );
    expect(amounts.length).to.be.above(6);
    for (const td of amounts) {
      expect(lines(td), td.textContent!).to.equal(1);
      const range = document.createRange();
      range.selectNodeContents(td);
      expect(td.getBoundingClientRect().right - range.getBoundingClientRect().right).to.be.below(16);
    }
    const footer = dialog(cart).querySelector('footer')!.getBoundingClientRect();
    expect(dialog(cart).scrollHeight).to.be.above(dialog(cart).clientHeight); // it does scroll
    expect(footer.bottom).to.be.at.most(dialog(cart).getBoundingClientRect().bottom);
    expect(deepText(dialog(cart).querySelector('tfoot')!)).to.match(/Total \+€[\d.,]+ \+€[\d.,]+/);
  });

  it('on a phone: one block per change, each amount under its name, nothing cut off', async () => {
    const cart = await reviewOfEverything();
    const d = dialog(cart);
    d.style.width = '360px'; // 390 px of a phone, less the page's margins
    await settle(cart);
    expect(d.scrollWidth).to.be.at.most(d.clientWidth);
    const rows = [...d.querySelectorAll('tbody tr')];
    for (const row of rows) {
      const box = row.getBoundingClientRect();
      expect(box.left).to.be.at.least(d.getBoundingClientRect().left);
      expect(box.right).to.be.at.most(d.getBoundingClientRect().right);
    }
    // One block per change: the rows stack, each below the one before.
    const tops = rows.map((r) => r.getBoundingClientRect().top);
    expect(tops).to.deep.equal([...tops].sort((a, b) => a - b));
    // Each amount is labelled by its column's name (Firefox reports the attr() it came from).
    const amount = rows[0]!.querySelector<HTMLElement>('td[data-label]')!;
    expect(amount.dataset.label).to.equal('This month');
    expect(getComputedStyle(amount, '::before').content).to.be.oneOf(['"This month"', 'attr(data-label)']);
    expect(getComputedStyle(d.querySelector('thead')!).display).to.equal('none');
    const footer = d.querySelector('footer')!.getBoundingClientRect();
    expect(footer.bottom).to.be.at.most(d.getBoundingClientRect().bottom);
  });
  it('on a 320 px screen in Czech: a wider amount wraps at " → ", never inside an amount, and nothing is cut off', async () => {
    const cart = await reviewOfEverything('cs');
    const d = dialog(cart);
    d.style.width = '280px'; // a 320 px screen (400 % zoom) less the page's margins
    await settle(cart);
    const amounts = [...d.querySelectorAll<HTMLElement>('td[data-label]')].filter((td) =>
      td.textContent!.trim(),
    );
    expect(amounts.length).to.be.above(6);
    for (const td of amounts) {
      expect(td.scrollWidth, td.textContent!).to.be.at.most(td.clientWidth + 1);
      const range = document.createRange();
      range.selectNodeContents(td);
      expect(range.getBoundingClientRect().right, td.textContent!).to.be.at.most(
        d.getBoundingClientRect().right,
      );
    }
  });
});
