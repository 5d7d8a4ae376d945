// What the cart's review says for each kind of change (the switches, a cap that had none), what its
// conflict notice lists for each kind of change made underneath, and the review's edges: a
// conflict with nothing to list, a permission lost meanwhile, a close while saving, a save that
// ends on another data source, amounts no quote can hold.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { ConflictError } from '../src/adapters/errors.js';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import type { ChangeSet, LicensingSnapshot } from '../src/core/index.js';
import '../src/elements/licence-cart/licence-cart.js';
import type { LicenceCart } from '../src/elements/licence-cart/licence-cart.component.js';
import '../src/elements/licence-provider/licence-provider.js';
import type { LicenceProvider } from '../src/elements/licence-provider/licence-provider.component.js';
import { LicensingStore } from '../src/state/licensing-store.js';
import { ruleBook } from '../src/core/rule-book.js';
import { sharedStoreFor } from '../src/state/controller.js';
import { smallSeed, smallSnapshot } from './helpers/fixtures.js';
import { settle } from './helpers/settle.js';
import { deepQueryAll, deepText } from './helpers/widget-states.js';

/** Like a REST backend: no push of other admins' changes, so a save meets the conflict. */
function noPush(backend: MemoryAdapter, patch: Partial<LicensingAdapter> = {}): LicensingAdapter {
  return {
    load: (o) => backend.load(o),
    listUsage: (q, o) => backend.listUsage(q, o),
    commit: (c, o) => backend.commit(c, o),
    ...patch,
  };
}

async function cart(adapter: LicensingAdapter) {
  const el = await fixture<LicenceCart>(html`<licence-cart .adapter=${adapter}></licence-cart>`);
  await settle(el);
  await sharedStoreFor(adapter).load();
  return el;
}

const dialog = (el: LicenceCart) => el.shadowRoot!.querySelector('dialog')!;
const button = (el: Element, name: string) =>
  deepQueryAll<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.trim() === name);
const rows = (el: LicenceCart) =>
  [...dialog(el).querySelectorAll('tbody tr')].map((tr) =>
    [...tr.children].map((c) => c.textContent!.trim()),
  );

async function reviewed(el: LicenceCart, edit: (store: LicensingStore) => void, adapter: LicensingAdapter) {
  edit(sharedStoreFor(adapter));
  await settle(el);
  await el.review();
  await settle(el);
}

async function save(el: LicenceCart) {
  button(el, 'Save changes')!.click();
  await new Promise((resolve) => setTimeout(resolve, 30));
  await settle(el);
}

describe('licence-cart review: the switches and caps', () => {
  it('turning Speech-to-Text and the Power Pack off reads "on → off", usage-based', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const el = await cart(adapter);
    await reviewed(
      el,
      (s) => {
        s.setSpeechToText({ enabled: false });
        s.setPowerPackEnabled(false);
      },
      adapter,
    );
    const table = rows(el);
    expect(table.find((r) => r[0] === 'Speech-to-Text')?.slice(1, 3)).to.deep.equal([
      'on → off',
      'usage-based',
    ]);
    expect(table.find((r) => r[0] === 'Power Pack')?.slice(1, 3)).to.deep.equal(['on → off', 'usage-based']);
    await expect(el).to.be.accessible();
  });

  it('turning them on reads "off → on"', async () => {
    const base = smallSnapshot();
    const adapter = new MemoryAdapter(
      smallSeed({
        speechToText: { ...base.speechToText!, enabled: false },
        powerPack: { ...base.powerPack!, enabled: false },
      }),
    );
    const el = await cart(adapter);
    await reviewed(
      el,
      (s) => {
        s.setSpeechToText({ enabled: true });
        s.setPowerPackEnabled(true);
      },
      adapter,
    );
    const table = rows(el);
    expect(table.find((r) => r[0] === 'Speech-to-Text')?.[1]).to.equal('off → on');
    expect(table.find((r) => r[0] === 'Power Pack')?.[1]).to.equal('off → on');
  });

  it('a limit set where there was none reads "no cap → at most …"', async () => {
    const base = smallSnapshot();
    const adapter = new MemoryAdapter(
      smallSeed({ speechToText: { ...base.speechToText!, limitOverBase: null } }),
    );
    const el = await cart(adapter);
    await reviewed(el, (s) => s.setSpeechToText({ limitOverBase: 1000 }), adapter);
    const row = rows(el).find((r) => r[0] === 'Speech-to-Text')!;
    expect(row[1]).to.equal('no limit → 1,000 minutes');
    expect(row[3]).to.match(/^no cap → at most €/);
  });
});

describe('licence-cart review: what the conflict notice lists', () => {
  const cases: { name: string; mine: (s: LicensingStore) => void; theirs: ChangeSet; says: string }[] = [
    {
      name: 'retention',
      mine: (s) => s.setRetention({ months: 12 }),
      theirs: { retention: { months: 6 } },
      says: 'Call recording retention: was 9 months, now 6 months',
    },
    {
      name: 'Speech-to-Text switch',
      mine: (s) => s.setSpeechToText({ limitOverBase: 3000 }),
      theirs: { speechToText: { enabled: false } },
      says: 'Speech-to-Text: was on, now off',
    },
    {
      name: 'Speech-to-Text limit',
      mine: (s) => s.setSpeechToText({ limitOverBase: 3000 }),
      theirs: { speechToText: { limitOverBase: null } },
      says: 'Speech-to-Text: was 2,000, now no limit',
    },
    {
      name: 'Power Pack switch',
      mine: (s) => s.setPowerPackLimit('smart-routing', 20),
      theirs: { powerPack: { enabled: false } },
      says: 'Power Pack: was on, now off',
    },
    {
      name: 'Power Pack limit',
      mine: (s) => s.setPowerPackLimit('smart-routing', 20),
      theirs: { powerPack: { limits: { 'smart-routing': 15 } } },
      says: 'Smart routing limit per month: was 10, now 15',
    },
  ];

  for (const { name, mine, theirs, says } of cases) {
    it(`another admin's ${name} change`, async () => {
      const backend = new MemoryAdapter(smallSeed());
      const adapter = noPush(backend);
      const el = await cart(adapter);
      await reviewed(el, mine, adapter);
      await backend.commit(theirs, { expectedVersion: 'v1', idempotencyKey: 'another-admin' });
      await save(el);
      expect(dialog(el).open).to.equal(true);
      const items = [...dialog(el).querySelectorAll('[part="conflict"] li')].map((li) => li.textContent);
      expect(items).to.deep.equal([says]);
    });
  }

  it('a conflict with nothing visible changed says so without an empty list', async () => {
    const backend = new MemoryAdapter(smallSeed());
    let conflicts = 1;
    const adapter = noPush(backend, {
      commit: (c, o) =>
        conflicts-- > 0 ? Promise.reject(new ConflictError('Version moved.')) : backend.commit(c, o),
    });
    const el = await cart(adapter);
    await reviewed(el, (s) => s.setCount('voice', 12), adapter);
    await save(el);
    const notice = dialog(el).querySelector('[part="conflict"]')!;
    expect(notice.textContent).to.contain('Someone else changed the licences meanwhile.');
    expect(notice.querySelector('ul')).to.equal(null);
    await expect(el).to.be.accessible();
    await save(el);
    expect(dialog(el).open).to.equal(false);
  });

  it('a permission lowered to view meanwhile: the review goes, and the bar only offers Discard', async () => {
    const backend = new MemoryAdapter(smallSeed());
    let permission: LicensingSnapshot['permission'] = 'update';
    const adapter = noPush(backend, {
      load: async (o) => ({ ...(await backend.load(o)), permission }),
      commit: () => {
        permission = 'view';
        return Promise.reject(new ConflictError('Version moved.'));
      },
    });
    const el = await cart(adapter);
    await reviewed(el, (s) => s.setCount('voice', 12), adapter);
    await save(el);
    const { commit } = sharedStoreFor(adapter).state;
    expect(commit.status === 'conflict' && commit.changes).to.deep.equal([
      { kind: 'permission', from: 'update', to: 'view' },
    ]);
    expect(dialog(el)).to.equal(null);
    expect(deepText(el)).to.contain('These changes can no longer be saved: you may now only view licences.');
    expect(button(el, 'Save')).to.equal(undefined);
    expect(button(el, 'Discard')!.disabled).to.equal(false);
  });
});

describe('licence-cart review: a kept cart over a permission given back', () => {
  it('lists the permission that changed since the cart was kept', async () => {
    const backend = new MemoryAdapter(smallSeed());
    const items = new Map<string, string>();
    const storage = {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
    };
    // The first page: a draft, then the admin's access drops to view (the cart is kept as it is).
    const before = new LicensingStore(noPush(backend, { subscribe: (f) => backend.subscribe(f) }), {
      rules: ruleBook,
    }).keepCart('acme', storage);
    const stop = before.subscribe(() => {});
    await before.load();
    before.setCount('voice', 12);
    backend.setPermission('view');
    await settle();
    stop();
    // Access is given back; the page is loaded again.
    backend.setPermission('update');
    const adapter = noPush(backend);
    sharedStoreFor(adapter).keepCart('acme', storage);
    const el = await cart(adapter);
    await settle(el);
    expect(sharedStoreFor(adapter).state.draft).to.deep.equal({ counts: { voice: 12 } });
    await el.review();
    await settle(el);
    const listed = [...dialog(el).querySelectorAll('[part="conflict"] li')].map((li) => li.textContent);
    expect(listed).to.deep.equal(['Your permission: was view, now update']);
  });
});

describe('licence-cart review: edges', () => {
  it('review() opens nothing without pending changes, and once when asked twice', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const el = await cart(adapter);
    await el.review();
    expect(dialog(el).open).to.equal(false);
    sharedStoreFor(adapter).setCount('voice', 12);
    await el.review();
    await el.review();
    expect(dialog(el).open).to.equal(true);
  });

  it('a review closed while saving opens again and shows the outcome', async () => {
    const backend = new MemoryAdapter(smallSeed());
    let answer!: () => void;
    const adapter = noPush(backend, {
      commit: async (c, o) => {
        await new Promise<void>((resolve) => (answer = resolve));
        return backend.commit(c, o);
      },
    });
    const el = await cart(adapter);
    await reviewed(el, (s) => s.setCount('voice', 12), adapter);
    button(el, 'Save changes')!.click();
    await settle(el);
    dialog(el).close();
    // The close event is a task of its own; the cart opens the review again there.
    await waitUntil(() => dialog(el).open, 'the review open again while saving');
    await settle(el);
    expect(dialog(el).open).to.equal(true);
    expect(button(el, 'Saving…')).to.exist;
    answer();
    await settle(el);
    expect(dialog(el).open).to.equal(false);
    expect(deepText(el)).to.contain('Your changes are saved.');
  });

  it('a save that ends after the provider changed data source says where it went', async () => {
    const first = new MemoryAdapter(smallSeed());
    let answer!: () => void;
    const adapter = noPush(first, {
      commit: async (c, o) => {
        await new Promise<void>((resolve) => (answer = resolve));
        return first.commit(c, o);
      },
    });
    const provider = await fixture<LicenceProvider>(
      html`<licence-provider .adapter=${adapter}><licence-cart></licence-cart></licence-provider>`,
    );
    const el = provider.querySelector('licence-cart') as LicenceCart;
    await settle(el);
    await sharedStoreFor(adapter).load();
    await reviewed(el, (s) => s.setCount('voice', 12), adapter);
    button(el, 'Save changes')!.click();
    await settle(el);
    provider.adapter = new MemoryAdapter(smallSeed());
    await settle(el);
    answer();
    await settle(el);
    expect(dialog(el).open).to.equal(false);
    expect(deepText(el)).to.contain(
      'Your changes were saved to the data source this page used before; it now shows another one.',
    );
    expect(deepText(el)).not.to.contain('Your changes are saved. You can use your licences now.');
  });

  it('a save that fails after the provider changed data source says so, not "saved"', async () => {
    const first = new MemoryAdapter(smallSeed());
    let fail!: () => void;
    const adapter = noPush(first, {
      commit: () => new Promise((_, reject) => (fail = () => reject(new ConflictError('Version moved.')))),
    });
    const provider = await fixture<LicenceProvider>(
      html`<licence-provider .adapter=${adapter}><licence-cart></licence-cart></licence-provider>`,
    );
    const el = provider.querySelector('licence-cart') as LicenceCart;
    await settle(el);
    await sharedStoreFor(adapter).load();
    await reviewed(el, (s) => s.setCount('voice', 12), adapter);
    button(el, 'Save changes')!.click();
    await settle(el);
    provider.adapter = new MemoryAdapter(smallSeed());
    await settle(el);
    fail();
    await new Promise((resolve) => setTimeout(resolve, 30));
    await settle(el);
    expect(dialog(el).open).to.equal(false);
    expect(deepText(el)).to.contain(
      'The save to the data source this page used before did not succeed; it now shows another one.',
    );
    expect((await first.load()).version).to.equal('v1');
  });

  it('amounts no quote can hold: the bar counts the change without sums, calls it a problem, and the review has no total', async () => {
    const snapshot = smallSnapshot({
      catalog: [
        { id: 'voice', name: 'Voice', unitPrice: { amount: Number.MAX_SAFE_INTEGER, currency: 'EUR' } },
      ],
      lines: [{ typeId: 'voice', count: 10, inUse: 3, peak: 12 }],
    });
    const backend = new MemoryAdapter(smallSeed());
    const adapter = noPush(backend, { load: () => Promise.resolve(snapshot) });
    const el = await cart(adapter);
    await reviewed(el, (s) => s.setCount('voice', 14), adapter);
    expect(sharedStoreFor(adapter).state.draft).to.deep.equal({ counts: { voice: 14 } });
    const bar = deepText(el.shadowRoot!.querySelector('[part="summary"]')!);
    expect(bar).to.equal('1 change');
    // The bar says so, with nowhere to go (no card holds it), and the review does not open.
    expect(deepText(el.shadowRoot!.querySelector('[part="problems"]')!)).to.equal(
      '1 problem to fix before saving',
    );
    expect(el.shadowRoot!.querySelector('[part="problem-button"]')).to.equal(null);
    expect(dialog(el).open).to.equal(false);
    expect(dialog(el).querySelector('tfoot')).to.equal(null);
    expect(deepText(dialog(el))).to.contain('Fix these before saving');
  });
});
