import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import '../src/elements/licence-cart/licence-cart.js';
import type { LicenceCart } from '../src/elements/licence-cart/licence-cart.component.js';
import '../src/elements/licence-card/licence-card.js';
import '../src/elements/licence-provider/licence-provider.js';
import { sharedStoreFor } from '../src/state/controller.js';
import { smallSeed } from './helpers/fixtures.js';
import { deepQueryAll, deepText, describeWidgetStates } from './helpers/widget-states.js';
import { settle } from './helpers/settle.js';

async function cart(adapter: LicensingAdapter = new MemoryAdapter(smallSeed())) {
  const el = await fixture<LicenceCart>(html`<licence-cart .adapter=${adapter}></licence-cart>`);
  await settle(el);
  return el;
}

const button = (el: Element, name: string | RegExp) =>
  deepQueryAll<HTMLButtonElement>(el, 'button').find((b) =>
    typeof name === 'string' ? b.textContent!.trim() === name : name.test(b.textContent!),
  )!;
const dialog = (el: LicenceCart) => el.shadowRoot!.querySelector('dialog')!;

/** Counts commit requests reaching the backend. */
function counting(backend: MemoryAdapter) {
  const commits: string[] = [];
  const adapter: LicensingAdapter = {
    load: (o) => backend.load(o),
    listUsage: (q, o) => backend.listUsage(q, o),
    commit: (c, o) => (commits.push(o.idempotencyKey), backend.commit(c, o)),
  };
  return { adapter, commits };
}

describeWidgetStates({
  tag: 'licence-cart',
  render: (adapter) => html`<licence-cart .adapter=${adapter}></licence-cart>`,
  seed: () => smallSeed(),
  readyText: 'No pending changes',
});

describe('licence-cart', () => {
  it('says there is nothing pending and offers no save', async () => {
    const el = await cart();
    expect(deepText(el)).to.contain('No pending changes.');
    expect(button(el, 'Save').disabled).to.equal(true);
    expect(button(el, 'Discard').disabled).to.equal(true);
  });

  it('sums the draft in the bar: changes, this month and next month', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const el = await cart(adapter);
    await sharedStoreFor(adapter).load();
    sharedStoreFor(adapter).setCount('voice', 14); // +4 × €24 next month; this month: peak 12 → 14 = +€48
    sharedStoreFor(adapter).setCount('email', 1); // −1 × €9 next month; this month stays at peak 2
    await settle(el);
    const text = deepText(el);
    expect(text).to.contain('2 changes');
    expect(text).to.contain('This month +€48.00');
    expect(text).to.contain('Next month +€87.00');
    await expect(el).to.be.accessible();
  });

  it('reviews every change with the invoice warning and the high-water rule, then commits once', async () => {
    const backend = new MemoryAdapter(smallSeed());
    const { adapter, commits } = counting(backend);
    const el = await cart(adapter);
    sharedStoreFor(adapter).setCount('voice', 8);
    await settle(el);
    const committed: unknown[] = [];
    el.addEventListener('licence-commit', (e) => committed.push(e.detail.snapshot.version));
    button(el, 'Save').click();
    await settle(el);
    expect(dialog(el).open).to.equal(true);
    const review = deepText(dialog(el));
    expect(review).to.contain('Any changes you make here will affect your monthly invoice.');
    expect(review).to.contain('Voice');
    expect(review).to.contain('10 → 8');
    // This month stays at the peak of 12: €288 → €288; next month €240 → €192.
    expect(review).to.contain('€288.00 → €288.00 (€0.00)');
    // Signed with a real minus sign (U+2212), the totals too.
    expect(review).to.contain('€240.00 → €192.00 (−€48.00)');
    expect(review).to.contain('Total €0.00 −€48.00');
    expect(review).to.contain('charged for the highest number of licences');
    await expect(el).to.be.accessible();
    const confirm = button(el, 'Save changes');
    confirm.click();
    confirm.click();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await settle(el);
    expect(commits).to.have.length(1);
    expect(backend.mutations).to.equal(1);
    expect(dialog(el).open).to.equal(false);
    expect(committed).to.deep.equal(['v2']);
    expect(deepText(el)).to.contain('Your changes are saved.');
    // Save is disabled now (nothing pending): focus lands on the summary, not on the page body.
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('summary');
    expect(sharedStoreFor(adapter).state.draft).to.deep.equal({});
  });

  it('never opens the review on a blocking error; one that arrives while it is open disables Save there (R3)', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const el = await cart(adapter);
    await sharedStoreFor(adapter).load();
    sharedStoreFor(adapter).setCount('voice', 1);
    await settle(el);
    await el.review();
    await settle(el);
    expect(dialog(el).open).to.equal(false);
    expect(deepText(el.shadowRoot!.querySelector('[part="problems"]')!)).to.contain(
      '2 problems to fix before saving',
    );
    sharedStoreFor(adapter).setCount('voice', 8);
    await settle(el);
    await el.review();
    await settle(el);
    expect(dialog(el).open).to.equal(true);
    sharedStoreFor(adapter).setCount('voice', 1);
    await settle(el);
    expect(deepText(dialog(el))).to.contain('Fix these before saving');
    expect(deepText(dialog(el))).to.contain('Free 2 agents first');
    expect(button(el, 'Save changes').disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows warnings without blocking (R6 shortening)', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const el = await cart(adapter);
    await sharedStoreFor(adapter).load();
    sharedStoreFor(adapter).setRetention({ months: 3 });
    await settle(el);
    await el.review();
    await settle(el);
    const review = deepText(dialog(el));
    expect(review).to.contain('Call recording retention');
    expect(review).to.contain('9 months → 3 months');
    expect(review).to.contain('older than the new period will no longer be kept');
    expect(button(el, 'Save changes').disabled).to.equal(false);
  });

  it('counts one retention change as one change, priced on its own row', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const el = await cart(adapter);
    await sharedStoreFor(adapter).load();
    sharedStoreFor(adapter).setRetention({ months: 12 }); // ×3 → ×4 units for 3 recording licences
    await settle(el);
    expect(deepText(el)).to.contain('1 change');
    expect(deepText(el)).to.contain('Next month +€9.00');
    await el.review();
    await settle(el);
    const rows = [...dialog(el).querySelectorAll('tbody tr')].map((tr) => deepText(tr));
    expect(rows).to.have.length(1);
    expect(rows[0]).to.contain('Call recording retention');
    expect(rows[0]).to.contain('9 months → 1 year');
    expect(rows[0]).to.contain('€27.00 → €36.00 (+€9.00)');
    // With the recording count changed too: two changes, the money once, on the count's row.
    el.closeReview();
    sharedStoreFor(adapter).setCount('call-recording', 4);
    await settle(el);
    expect(deepText(el)).to.contain('2 changes');
  });

  it('shows Speech-to-Text and Power Pack as maximum spend', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const el = await cart(adapter);
    await sharedStoreFor(adapter).load();
    sharedStoreFor(adapter).setSpeechToText({ limitOverBase: null });
    sharedStoreFor(adapter).setPowerPackLimit('smart-routing', 12);
    await settle(el);
    await el.review();
    await settle(el);
    const review = deepText(dialog(el));
    expect(review).to.contain('2,000 minutes → no limit');
    expect(review).to.contain('at most €40.00 → no cap');
    expect(review).to.contain('Smart routing limit per month');
    expect(review).to.contain('10 packs → 12 packs');
    expect(review).to.contain('at most €490.00 → at most €588.00');
  });

  it('keeps the draft on failure, says what happened, and a retry saves it', async () => {
    const backend = new MemoryAdapter(smallSeed());
    const el = await cart(backend);
    await sharedStoreFor(backend).load();
    sharedStoreFor(backend).setCount('email', 5);
    await settle(el);
    const errors: string[] = [];
    el.addEventListener('licence-commit-error', (e) => errors.push(e.detail.error.kind));
    backend.failNext('commit', 'network');
    await el.review();
    button(el, 'Save changes').click();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await settle(el);
    expect(errors).to.deep.equal(['network']);
    expect(dialog(el).open).to.equal(true);
    expect(deepText(dialog(el))).to.contain('could not be reached');
    expect(deepText(dialog(el))).to.contain('Your changes are kept');
    expect(sharedStoreFor(backend).state.draft).to.deep.equal({ counts: { email: 5 } });
    await expect(el).to.be.accessible();
    button(el, 'Save changes').click();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await settle(el);
    expect(backend.mutations).to.equal(1);
    expect(dialog(el).open).to.equal(false);
  });

  it('after a conflict shows what changed underneath and saves on the second try', async () => {
    const backend = new MemoryAdapter(smallSeed());
    // Like a REST backend: no push of other people's changes, so the commit meets the conflict.
    const { adapter } = counting(backend);
    const el = await cart(adapter);
    await sharedStoreFor(adapter).load();
    sharedStoreFor(adapter).setCount('voice', 14);
    await settle(el);
    await backend.commit(
      { counts: { voice: 20 } },
      { expectedVersion: 'v1', idempotencyKey: 'another-admin' },
    );
    await el.review();
    button(el, 'Save changes').click();
    await new Promise((resolve) => setTimeout(resolve, 30));
    await settle(el);
    expect(dialog(el).open).to.equal(true);
    const review = deepText(dialog(el));
    expect(review).to.contain('Someone else changed the licences meanwhile.');
    expect(review).to.contain('Voice: was 10, now 20');
    expect(review).to.contain('20 → 14');
    await expect(el).to.be.accessible();
    button(el, 'Save changes').click();
    await new Promise((resolve) => setTimeout(resolve, 30));
    await settle(el);
    expect(dialog(el).open).to.equal(false);
    expect((await backend.load()).lines.find((l) => l.typeId === 'voice')!.count).to.equal(14);
  });

  it('shows a change made in another tab as soon as the adapter reports it', async () => {
    const backend = new MemoryAdapter(smallSeed());
    const el = await cart(backend);
    sharedStoreFor(backend).setCount('voice', 14);
    await settle(el);
    await backend.commit({ counts: { voice: 20 } }, { expectedVersion: 'v1', idempotencyKey: 'other-tab' });
    await el.review();
    await settle(el);
    expect(deepText(dialog(el))).to.contain('Voice: was 10, now 20');
  });

  it('lets the host veto a commit', async () => {
    const backend = new MemoryAdapter(smallSeed());
    const el = await cart(backend);
    await sharedStoreFor(backend).load();
    sharedStoreFor(backend).setCount('email', 5);
    await settle(el);
    el.addEventListener('licence-before-commit', (e) => e.preventDefault());
    await el.review();
    button(el, 'Save changes').click();
    await settle(el);
    expect(backend.mutations).to.equal(0);
  });

  it('discards the draft', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const el = await cart(adapter);
    await sharedStoreFor(adapter).load();
    sharedStoreFor(adapter).setCount('email', 5);
    await settle(el);
    button(el, 'Discard').click();
    await settle(el);
    expect(sharedStoreFor(adapter).state.draft).to.deep.equal({});
    expect(deepText(el)).to.contain('No pending changes.');
  });

  it('closes the review with Escape and returns focus to Save', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const el = await cart(adapter);
    await sharedStoreFor(adapter).load();
    sharedStoreFor(adapter).setCount('email', 5);
    await settle(el);
    button(el, 'Save').focus();
    button(el, 'Save').click();
    await settle(el);
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(dialog(el).open).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(button(el, 'Save'));
  });

  it('goes with the cards: a count typed in a card appears in the cart', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const provider = await fixture(
      html`<licence-provider .adapter=${adapter}>
        <licence-card type-id="email"></licence-card>
        <licence-cart></licence-cart>
      </licence-provider>`,
    );
    const cardEl = provider.querySelector('licence-card')!;
    const cartEl = provider.querySelector('licence-cart')!;
    await settle(cardEl);
    const input = deepQueryAll<HTMLInputElement>(cardEl, '[role="spinbutton"]')[0]!;
    input.focus();
    input.select();
    await sendKeys({ type: '6' });
    await settle(cartEl);
    expect(deepText(cartEl)).to.contain('1 change');
    expect(deepText(cartEl)).to.contain('Next month +€36.00');
  });
});
