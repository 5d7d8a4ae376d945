// A cart the host took off the page mid-save throws nothing and the save still lands.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import '../src/elements/licence-cart/licence-cart.js';
import type { LicenceCart } from '../src/elements/licence-cart/licence-cart.component.js';
import { sharedStoreFor } from '../src/state/controller.js';
import { loaded } from './helpers/adapter-modes.js';
import { smallSeed } from './helpers/fixtures.js';
import { settle } from './helpers/settle.js';
import { deepQueryAll } from './helpers/widget-states.js';

/** The visible button named `name` anywhere inside `el`. */
function button(el: Element, name: string): HTMLButtonElement {
  const found = deepQueryAll<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.trim() === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

const voiceCount = async (backend: MemoryAdapter) =>
  (await backend.load()).lines.find((l) => l.typeId === 'voice')!.count;

async function save(el: Element, names = ['Save', 'Save changes']) {
  button(el, names[0]!).click();
  await settle(el);
  button(el, names[1]!).click();
}

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
