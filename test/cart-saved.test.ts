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
async function reviewing(mode: (typeof adapterModes)[number], lang = 'en') {
  const backend = new MemoryAdapter(smallSeed({ permission: 'view' }), { user: 'Eva' });
  await backend.requestChange({ counts: { voice: 14 } }, 'Four agents start Monday', {
    idempotencyKey: 'k1',
  });
  backend.setPermission('update');
  const adapter: LicensingAdapter = await adapterOver(mode, backend);
  const el = await fixture<LicenceManager>(
    html`<licence-manager lang=${lang} requests .adapter=${adapter}></licence-manager>`,
  );
  await loaded(el, adapter);
  await until(el, 'Eva,'); // the panel lists the requests once its chunk and the list have loaded
  button(el, lang === 'cs' ? 'Zkontrolovat v košíku' : 'Review in cart').click();
  await until(el, lang === 'cs' ? 'Žádost je v košíku' : 'The request is in the cart');
  return { backend, el, cart: cartOf(el) };
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
