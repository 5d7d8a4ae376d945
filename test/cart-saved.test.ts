// What the cart says once a save went through, and a cart that is gone before it does: an admin who
// reviewed a change request in the cart learns whether the save approved it (everything it asked
// for) or left it pending (edited first); a cart the host took off the page mid-save throws
// nothing and the save still lands. Memory and REST over MSW.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import '../src/elements/licence-cart/licence-cart.js';
import '../src/elements/licence-manager/licence-manager.js';
import '../src/locales/cs.js';
import type { LicenceCart } from '../src/elements/licence-cart/licence-cart.component.js';
import { savedChunk } from '../src/elements/licence-cart/cart-saved-load.js';
import type { LicenceManager } from '../src/elements/licence-manager/licence-manager.component.js';
import { sharedStoreFor } from '../src/state/controller.js';
import { adapterModes, adapterOver, loaded } from './helpers/adapter-modes.js';
import { smallSeed } from './helpers/fixtures.js';
import { settle } from './helpers/settle.js';
import { deepQueryAll, deepText } from './helpers/widget-states.js';

/** The visible button named `name` anywhere inside `el`. */
function button(el: Element, name: string): HTMLButtonElement {
  const found = deepQueryAll<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.trim() === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

async function until(el: Element, text: string) {
  await waitUntil(() => deepText(el).includes(text), `"${text}"`, { timeout: 5000 });
  await settle(el);
}

const cartOf = (el: Element) => deepQueryAll<LicenceCart>(el, 'licence-cart')[0]!;
const summary = (cart: LicenceCart) =>
  cart.shadowRoot!.querySelector('[part~="summary"]')!.textContent!.trim();
const voiceCount = async (backend: MemoryAdapter) =>
  (await backend.load()).lines.find((l) => l.typeId === 'voice')!.count;

/** Eva asked for Voice 10 → 14; the admin's manager, with Eva's request reviewed in the cart. */
async function reviewing(
  mode: (typeof adapterModes)[number],
  lang = 'en',
  tweak: (adapter: LicensingAdapter) => void = () => {},
) {
  const backend = new MemoryAdapter(smallSeed({ permission: 'view' }), { user: 'Eva' });
  await backend.requestChange({ counts: { voice: 14 } }, 'Four agents start Monday', {
    idempotencyKey: 'k1',
  });
  backend.setPermission('update');
  const adapter: LicensingAdapter = await adapterOver(mode, backend);
  tweak(adapter);
  const el = await fixture<LicenceManager>(
    html`<licence-manager lang=${lang} requests .adapter=${adapter}></licence-manager>`,
  );
  await loaded(el, adapter);
  await until(el, 'Eva,'); // the panel lists the requests once its chunk and the list have loaded
  button(el, lang === 'cs' ? 'Zkontrolovat v košíku' : 'Review in cart').click();
  await until(el, lang === 'cs' ? 'Žádost je v košíku' : 'The request is in the cart');
  return { backend, adapter, el, cart: cartOf(el) };
}

/**
 * Eva's request (Voice 10 → 14) reviewed in a `<licence-cart>` on its own, on an adapter that
 * cannot approve a request with a save (neither `commitsRequests` nor `decideRequest`): the host
 * hands the request to the store itself, so nothing ever loads the store's request list.
 */
async function reviewingAlone(mode: (typeof adapterModes)[number], lang = 'en') {
  const backend = new MemoryAdapter(smallSeed({ permission: 'view' }), { user: 'Eva' });
  const request = await backend.requestChange({ counts: { voice: 14 } }, 'Four agents start Monday', {
    idempotencyKey: 'k1',
  });
  backend.setPermission('update');
  const adapter: LicensingAdapter = await adapterOver(mode, backend);
  Object.assign(adapter, { commitsRequests: false, decideRequest: undefined });
  const cart = await fixture<LicenceCart>(
    html`<licence-cart lang=${lang} .adapter=${adapter}></licence-cart>`,
  );
  await loaded(cart, adapter);
  const store = sharedStoreFor(adapter);
  expect(await store.requests.review(request)).to.equal(true);
  await until(cart, '10 → 14');
  return { backend, adapter, cart, store };
}

/** Voice one lower in its card: the admin edits the request before saving. */
function lowerVoice(el: Element, label = 'Decrease') {
  const card = deepQueryAll(el, 'licence-card').find((c) => c.getAttribute('type-id') === 'voice')!;
  deepQueryAll<HTMLButtonElement>(card, 'button')
    .find((b) => b.getAttribute('aria-label')?.startsWith(label))!
    .click();
}

async function save(el: Element, names = ['Save', 'Save changes']) {
  button(el, names[0]!).click();
  await settle(el);
  button(el, names[1]!).click();
}

for (const mode of adapterModes) {
  describe(`licence-cart after saving a change request (${mode})`, () => {
    it('says the request stays pending when the admin saved less than it asked for', async () => {
      const { backend, el, cart } = await reviewing(mode);
      lowerVoice(el);
      await settle(el);
      lowerVoice(el);
      await settle(el);
      expect(deepText(cart)).to.contain('10 → 12');
      await save(el);
      const words = "Saved. Eva's request stays pending: this save did not include everything it asked for.";
      await waitUntil(() => summary(cart) === words, 'the bar says the request stays pending', {
        timeout: 5000,
      });
      // Focus lands on the bar's summary, which says it; the cart's live region announces it once, and
      // no toast covers the bar with the same words.
      expect(cart.shadowRoot!.activeElement?.getAttribute('part')).to.equal('summary');
      await waitUntil(
        () => deepText(cart.shadowRoot!.querySelector('.visually-hidden[role="status"]')!) === words,
        'announced',
        {
          timeout: 5000,
        },
      );
      expect(deepText(cart.shadowRoot!.querySelector('lk-toast')!)).not.to.contain(words);
      expect(deepText(cart)).not.to.contain('is approved');
      // What it says is what happened: the admin's 12 are saved, the request still waits.
      expect(await voiceCount(backend)).to.equal(12);
      expect((await backend.listRequests())[0]).to.deep.include({ status: 'pending' });
      await until(el, 'Waiting for approval');
      expect(deepText(el)).not.to.contain('Approved and saved');
      // The panel no longer says the request is in the cart: the cart says what became of it.
      expect(deepText(el)).not.to.contain('The request is in the cart');
      await expect(cart).to.be.accessible();
      // The next change replaces the words with the new draft's count.
      lowerVoice(el);
      await settle(el);
      expect(summary(cart)).to.contain('1 change');
      expect(summary(cart)).not.to.contain('stays pending');
    });

    it('says the request is approved when the save held everything it asked for', async () => {
      const { backend, el, cart } = await reviewing(mode);
      expect(deepText(cart)).to.contain('10 → 14');
      await save(el);
      const words = "Saved. Eva's request is approved: this save included everything it asked for.";
      await waitUntil(() => summary(cart) === words, 'the bar says the request is approved', {
        timeout: 5000,
      });
      expect(await voiceCount(backend)).to.equal(14);
      expect((await backend.listRequests())[0]).to.deep.include({ status: 'approved' });
      await until(el, 'Approved and saved');
      await expect(cart).to.be.accessible();
    });
  });
}

/** The words in the bar once they are `words`. */
const says = (cart: LicenceCart, words: string) =>
  waitUntil(() => summary(cart) === words, `the bar says "${words}"`, { timeout: 5000 });

for (const mode of adapterModes) {
  describe(`licence-cart says what became of a saved change request, from the request list (${mode})`, () => {
    it('says the request is approved when an adapter without commitsRequests approves it after the save', async () => {
      const { backend, el, cart } = await reviewing(mode, 'en', (adapter) =>
        Object.assign(adapter, { commitsRequests: false }),
      );
      await save(el);
      await says(cart, "Saved. Eva's request is approved: this save included everything it asked for.");
      expect((await backend.listRequests())[0]).to.deep.include({ status: 'approved' });
      await expect(cart).to.be.accessible();
    });

    it('does not say approved when the approval after the save fails', async () => {
      const { backend, el, cart } = await reviewing(mode, 'en', (adapter) =>
        Object.assign(adapter, {
          commitsRequests: false,
          decideRequest: () => Promise.reject(new Error('The approval was lost on the way.')),
        }),
      );
      await save(el);
      await says(cart, "Saved. Whether Eva's request is approved could not be checked.");
      expect(deepText(cart)).not.to.contain('is approved:');
      expect(await voiceCount(backend)).to.equal(14);
      expect((await backend.listRequests())[0]).to.deep.include({ status: 'pending' });
      await expect(cart).to.be.accessible();
    });

    it('says the request stays pending when the adapter cannot approve it at all', async () => {
      const { backend, el, cart } = await reviewing(mode, 'en', (adapter) =>
        Object.assign(adapter, { commitsRequests: false, decideRequest: undefined }),
      );
      await save(el);
      await says(cart, "Saved. Eva's request stays pending: it was not approved with this save.");
      expect(await voiceCount(backend)).to.equal(14);
      expect((await backend.listRequests())[0]).to.deep.include({ status: 'pending' });
      await expect(cart).to.be.accessible();
    });

    it('says the request stays pending when another admin saved the same change first', async () => {
      const { backend, adapter, el, cart } = await reviewing(mode);
      // Admin B sets Voice to 14 while A saves: A's save meets a 409, the rebase leaves nothing to
      // save, and the request was never sent with a commit.
      const commit = adapter.commit.bind(adapter);
      Object.assign(adapter, {
        commit: async (...args: Parameters<LicensingAdapter['commit']>) => {
          Object.assign(adapter, { commit });
          const { version } = await backend.load();
          await backend.commit({ counts: { voice: 14 } }, { expectedVersion: version, idempotencyKey: 'b' });
          return commit(...args);
        },
      });
      await save(el);
      await says(cart, "Saved. Eva's request stays pending: it was not approved with this save.");
      expect(await voiceCount(backend)).to.equal(14);
      expect((await backend.listRequests())[0]).to.deep.include({ status: 'pending' });
      await until(el, 'Waiting for approval');
      await expect(cart).to.be.accessible();
    });

    it('says only that it saved when the request list cannot be loaded after the save', async () => {
      const { backend, adapter, el, cart } = await reviewing(mode);
      Object.assign(adapter, { listRequests: () => Promise.reject(new Error('The list is unavailable.')) });
      await save(el);
      await says(cart, "Saved. Whether Eva's request is approved could not be checked.");
      expect(await voiceCount(backend)).to.equal(14);
      expect(deepText(cart)).not.to.contain('stays pending');
      await expect(cart).to.be.accessible();
    });

    it('says the request stays pending when nothing here can approve it and its list was never loaded', async () => {
      const { backend, adapter, cart, store } = await reviewingAlone(mode);
      await save(cart);
      await says(cart, "Saved. Eva's request stays pending: it was not approved with this save.");
      expect(deepText(cart)).not.to.contain('could not be checked');
      // Nothing read the list (no panel lists requests here), and nothing approved the request.
      expect(store.state.requests.list.status).to.equal('idle');
      expect(adapter.decideRequest).to.equal(undefined);
      expect(await voiceCount(backend)).to.equal(14);
      expect((await backend.listRequests())[0]).to.deep.include({ status: 'pending' });
      await expect(cart).to.be.accessible();
    });
  });
}

describe('licence-cart when what it says of a saved request cannot be loaded', () => {
  it('says a plain "saved" and leaks no rejection; the unknown status in Czech', async () => {
    const load = savedChunk.load;
    savedChunk.load = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    const rejections: unknown[] = [];
    const onRejection = (e: PromiseRejectionEvent) => rejections.push(e.reason);
    window.addEventListener('unhandledrejection', onRejection);
    try {
      const { backend, el, cart } = await reviewing('memory');
      await save(el);
      await says(cart, 'Your changes are saved. You can use your licences now.');
      await settle(el);
      expect(rejections).to.deep.equal([]);
      expect(await voiceCount(backend)).to.equal(14);
    } finally {
      savedChunk.load = load;
      window.removeEventListener('unhandledrejection', onRejection);
    }
    const { adapter, el, cart } = await reviewing('memory', 'cs');
    Object.assign(adapter, { listRequests: () => Promise.reject(new Error('The list is unavailable.')) });
    await save(el, ['Uložit', 'Uložit změny']);
    await says(cart, 'Uloženo. Nepodařilo se ověřit, zda je žádost od uživatele Eva schválená.');
    // Nor when the store cannot say (its requests part failed to load): not checked, no rejection.
    const again = await reviewing('memory');
    Object.assign(sharedStoreFor(again.adapter).requests, {
      settled: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
    });
    await save(again.el);
    await says(again.cart, "Saved. Whether Eva's request is approved could not be checked.");
    expect(await voiceCount(again.backend)).to.equal(14);
  });
});

describe('licence-cart after saving a change request, in Czech', () => {
  it('says the edited request stays pending, and a whole one is approved, in Czech', async () => {
    const { el, cart } = await reviewing('memory', 'cs');
    lowerVoice(el, 'Snížit');
    await settle(el);
    await save(el, ['Uložit', 'Uložit změny']);
    await waitUntil(
      () =>
        summary(cart) ===
        'Uloženo. Žádost od uživatele Eva dál čeká na schválení: uložené změny nezahrnují vše, o co žádala.',
      'the Czech words for a pending request',
      { timeout: 5000 },
    );
    // Reviewed again, the rest of it (13 → 14) is everything it still asks for: approved.
    await until(el, 'Čeká na schválení');
    button(el, 'Zkontrolovat v košíku').click();
    await settle(el);
    await save(el, ['Uložit', 'Uložit změny']);
    await waitUntil(
      () =>
        summary(cart) ===
        'Uloženo. Žádost od uživatele Eva je schválená: uložené změny zahrnují vše, o co žádala.',
      'the Czech words for an approved request',
      { timeout: 5000 },
    );
  });
});

describe('licence-cart after saving a change request nothing here can approve, in Czech', () => {
  it('says the request stays pending, in Czech', async () => {
    const { cart } = await reviewingAlone('memory', 'cs');
    await save(cart, ['Uložit', 'Uložit změny']);
    await says(
      cart,
      'Uloženo. Žádost od uživatele Eva dál čeká na schválení: tímto uložením schválena nebyla.',
    );
  });
});

describe('licence-cart taken off the page while saving', () => {
  it('throws nothing and the save still lands in the store and the backend', async () => {
    const backend = new MemoryAdapter(smallSeed(), { latency: 40 });
    const el = await fixture<LicenceCart>(html`<licence-cart .adapter=${backend}></licence-cart>`);
    await loaded(el, backend);
    const store = sharedStoreFor(backend);
    store.setCount('voice', 12);
    await settle(el);
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error ?? e.message);
    const onRejection = (e: PromiseRejectionEvent) => errors.push(e.reason);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    const committed: unknown[] = [];
    el.addEventListener('licence-commit', (e) => committed.push(e.detail.snapshot.version));
    try {
      await save(el);
      await waitUntil(() => store.state.commit.status === 'saving', 'the save under way');
      // The host navigates away mid-save, and the review closes after (a second Escape the browser
      // did not let the cart cancel, closed in a task of its own): the cart cannot reopen it there.
      el.remove();
      el.shadowRoot!.querySelector('dialog')!.close();
      await waitUntil(() => store.state.commit.status === 'saved', 'the save done', { timeout: 5000 });
      await settle(el, { latency: 60 });
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    }
    expect(errors).to.deep.equal([]);
    expect(store.state.dirty).to.equal(false);
    expect(committed).to.have.length(1);
    expect(await voiceCount(backend)).to.equal(12);
  });
});
