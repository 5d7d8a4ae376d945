// Which sections <licence-manager> shows for what the account has and what the host hides, and
// where focus goes when the usage overview closes.
import './helpers/lit-warnings.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import type { LicensingSnapshot } from '../src/core/index.js';
import '../src/elements/licence-manager/licence-manager.js';
import type { LicenceManager } from '../src/elements/licence-manager/licence-manager.component.js';
import { smallSeed, smallSnapshot } from './helpers/fixtures.js';
import { settle } from './helpers/settle.js';
import { deepQueryAll, deepText } from './helpers/widget-states.js';

async function manager(adapter: LicensingAdapter = new MemoryAdapter(smallSeed()), hide = '') {
  const el = await fixture<LicenceManager>(
    html`<licence-manager .adapter=${adapter} hide=${hide}></licence-manager>`,
  );
  await settle(el);
  return el;
}

/** A memory adapter over the small seed without the parts named. */
function without(...parts: ('recording' | 'speechToText' | 'powerPack')[]): MemoryAdapter {
  const snapshot: Record<string, unknown> = { ...smallSnapshot() };
  for (const part of parts) delete snapshot[part];
  return new MemoryAdapter({ ...smallSeed(), snapshot: snapshot as unknown as LicensingSnapshot });
}

const cardTypes = (el: LicenceManager) =>
  deepQueryAll(el, 'licence-card').map((c) => c.getAttribute('type-id'));
const usageButton = (el: LicenceManager) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="usage-button"]')!;
const dialog = (el: LicenceManager) => el.shadowRoot!.querySelector('dialog');

describe('licence-manager: sections', () => {
  it('leaves out the cart with hide="cart", keeping the cards', async () => {
    const el = await manager(undefined, 'cart');
    expect(deepQueryAll(el, 'licence-cart')).to.have.length(0);
    expect(el.shadowRoot!.querySelector('[part~="cart"]') === null, 'no cart part').to.equal(true);
    expect(cardTypes(el)).to.include('voice');
  });

  it('leaves out the seat cards and the retention with hide="seats", keeping Speech-to-Text', async () => {
    const el = await manager(undefined, 'seats');
    expect(el.shadowRoot!.querySelector('[part~="seats"]') === null, 'no seats section').to.equal(true);
    expect(deepQueryAll(el, 'retention-picker')).to.have.length(0);
    expect(cardTypes(el)).to.deep.equal(['speech-to-text']);
    expect(deepQueryAll(el, 'licence-cart')).to.have.length(1);
  });

  it('without call recording, shows no retention picker and every type as a seat card', async () => {
    const el = await manager(without('recording'));
    expect(deepQueryAll(el, 'retention-picker')).to.have.length(0);
    const seats = el.shadowRoot!.querySelector('[part~="seats"]')!;
    expect([...seats.querySelectorAll('licence-card')].map((c) => c.getAttribute('type-id'))).to.deep.equal([
      'voice',
      'outbound',
      'email',
      'call-recording',
    ]);
    await expect(el).to.be.accessible();
  });

  it('shows only the Power Pack limits under usage-based services when there is no Speech-to-Text', async () => {
    const el = await manager(without('speechToText'));
    const section = el.shadowRoot!.querySelector('[part~="usage-based"]')!;
    expect(section.querySelectorAll('licence-card')).to.have.length(0);
    expect(section.querySelectorAll('power-pack-limits')).to.have.length(1);
    expect(cardTypes(el)).not.to.include('speech-to-text');
  });

  it('shows only the Speech-to-Text card under usage-based services when there is no Power Pack', async () => {
    const el = await manager(without('powerPack'));
    const section = el.shadowRoot!.querySelector('[part~="usage-based"]')!;
    expect([...section.querySelectorAll('licence-card')].map((c) => c.getAttribute('type-id'))).to.deep.equal(
      ['speech-to-text'],
    );
    expect(deepQueryAll(el, 'power-pack-limits')).to.have.length(0);
  });

  it('shows no usage-based section when there is neither', async () => {
    const el = await manager(without('speechToText', 'powerPack'));
    expect(el.shadowRoot!.querySelector('[part~="usage-based"]') === null, 'no usage-based section').to.equal(
      true,
    );
    expect(deepText(el)).not.to.contain('Usage-based services');
  });
});

describe('licence-manager: the usage overview', () => {
  it('with usage hidden, leaves a card\'s "see who uses" to the host and fetches no agents', async () => {
    const backend = new MemoryAdapter(smallSeed());
    let listed = 0;
    const adapter: LicensingAdapter = {
      load: (o) => backend.load(o),
      commit: (c, o) => backend.commit(c, o),
      listUsage: (q, o) => (listed++, backend.listUsage(q, o)),
    };
    const el = await manager(adapter, 'usage');
    const seen: boolean[] = [];
    const onShow = (e: Event) => seen.push(e.defaultPrevented);
    document.addEventListener('licence-show-usage', onShow);
    try {
      deepQueryAll(el, 'licence-card')[0]!.dispatchEvent(
        new CustomEvent('licence-show-usage', {
          detail: { typeId: 'voice' },
          bubbles: true,
          composed: true,
          cancelable: true,
        }),
      );
      // Time enough for the overview's code to load, were it asked for.
      await settle(el, { latency: 300 });
      expect(seen).to.deep.equal([false]);
      expect(dialog(el) === null, 'no dialog').to.equal(true);
      // Showing the usage section later opens nothing by itself, and asks for no agents.
      el.hide = [];
      await settle(el);
      expect(dialog(el)!.open).to.equal(false);
      expect(dialog(el)!.querySelector('usage-overview') === null, 'no overview rendered').to.equal(true);
      expect(listed).to.equal(0);
      // Once shown, the same request opens it, filtered to that type.
      deepQueryAll(el, 'licence-card')[0]!.dispatchEvent(
        new CustomEvent('licence-show-usage', {
          detail: { typeId: 'voice' },
          bubbles: true,
          composed: true,
          cancelable: true,
        }),
      );
      await waitUntil(() => dialog(el)!.open, 'the usage dialog opens');
      expect(dialog(el)!.querySelector('usage-overview')!.getAttribute('type-id')).to.equal('voice');
      await waitUntil(() => listed > 0, 'the agents asked for');
    } finally {
      document.removeEventListener('licence-show-usage', onShow);
    }
  });

  it('puts focus on the Licence usage button on close when the host opened it with nothing focused', async () => {
    const el = await manager();
    (document.activeElement as HTMLElement | null)?.blur();
    expect(document.activeElement === document.body, 'nothing focused').to.equal(true);
    await el.openUsage('email');
    await waitUntil(() => dialog(el)!.open, 'the dialog opens');
    expect(dialog(el)!.querySelector('usage-overview')!.getAttribute('type-id')).to.equal('email');
    dialog(el)!.close();
    // The dialog's close event is a task of its own; under three browsers on two cores it can come
    // after a fixed number of timer rounds, so wait for the focus itself.
    await waitUntil(() => el.shadowRoot!.activeElement === usageButton(el), 'focus on the usage button');
  });

  it('puts focus on the Licence usage button on close when what opened it is gone', async () => {
    const el = await manager();
    const opener = document.createElement('button');
    opener.textContent = 'Who uses what?';
    el.after(opener);
    opener.focus();
    await el.openUsage();
    await waitUntil(() => dialog(el)!.open, 'the dialog opens');
    opener.remove();
    dialog(el)!.close();
    // The dialog's close event is a task of its own; under three browsers on two cores it can come
    // after a fixed number of timer rounds, so wait for the focus itself.
    await waitUntil(() => el.shadowRoot!.activeElement === usageButton(el), 'focus on the usage button');
  });

  it('gives focus back to the host control that opened it', async () => {
    const el = await manager();
    const opener = document.createElement('button');
    opener.textContent = 'Who uses what?';
    el.after(opener);
    try {
      opener.focus();
      await el.openUsage();
      await waitUntil(() => dialog(el)!.open, 'the dialog opens');
      dialog(el)!.close();
      await waitUntil(() => document.activeElement === opener, 'focus on the opener');
    } finally {
      opener.remove();
    }
  });
});
