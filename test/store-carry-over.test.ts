// The store's carried-over drafts (carry-over.ts) and the save paths around them: another admin's
// change of each kind under a draft, a kept cart that is broken, already applied or refused by the
// storage, a conflict whose draft the backend already holds, and a save that meets a reload.
import { expect } from '@open-wc/testing';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { ConflictError, NetworkError } from '../src/adapters/errors.js';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import type { ChangeSet, LicensingSnapshot } from '../src/core/index.js';
import { ruleBook } from '../src/core/rule-book.js';
import { LicensingStore } from '../src/state/licensing-store.js';
import { smallSeed } from './helpers/fixtures.js';
import { settle } from './helpers/settle.js';

function wrap(backend: MemoryAdapter, patch: Partial<LicensingAdapter> = {}): LicensingAdapter {
  return {
    load: (o) => backend.load(o),
    listUsage: (q, o) => backend.listUsage(q, o),
    commit: (c, o) => backend.commit(c, o),
    subscribe: (f) => backend.subscribe(f),
    ...patch,
  };
}

/** Another admin saves `changes` on the backend's current version. */
async function otherAdmin(backend: MemoryAdapter, changes: ChangeSet) {
  const { version } = await backend.load();
  return backend.commit(changes, { expectedVersion: version, idempotencyKey: `other-${version}` });
}

/** An in-memory `sessionStorage` that records its writes. */
function memoryStorage(items = new Map<string, string>()) {
  const writes: string[] = [];
  return {
    items,
    writes,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void (writes.push(k), items.set(k, v)),
    removeItem: (k: string) => void items.delete(k),
  };
}

const CART = 'licence-kit:cart:acme';

async function watched(adapter: LicensingAdapter) {
  const store = new LicensingStore(adapter, { rules: ruleBook });
  store.subscribe(() => {});
  await store.load();
  return store;
}

describe('LicensingStore: another admin changes something under a draft', () => {
  // The conflict code is loaded on first use; here it is loaded, so a quiet result is the rule's.
  before(() => import('../src/state/carry-over.js'));

  const cases: { name: string; draft: (s: LicensingStore) => void; theirs: ChangeSet; kind: string }[] = [
    {
      name: 'retention',
      draft: (s) => s.setRetention({ months: 12 }),
      theirs: { retention: { months: 6 } },
      kind: 'retention',
    },
    {
      name: 'Speech-to-Text',
      draft: (s) => s.setSpeechToText({ limitOverBase: 3000 }),
      theirs: { speechToText: { limitOverBase: 1000 } },
      kind: 'speech-to-text-limit',
    },
    {
      name: 'Power Pack',
      draft: (s) => s.setPowerPackLimit('smart-routing', 20),
      theirs: { powerPack: { limits: { 'smart-routing': 15 } } },
      kind: 'power-pack-limit',
    },
  ];

  for (const { name, draft, theirs, kind } of cases) {
    it(`a ${name} change under a ${name} draft puts the cart in conflict and lists it`, async () => {
      const backend = new MemoryAdapter(smallSeed());
      const store = await watched(wrap(backend));
      draft(store);
      const mine = store.state.draft;
      await otherAdmin(backend, theirs);
      await settle();
      expect(store.state.snapshot!.version).to.equal('v2');
      expect(store.state.draft).to.deep.equal(mine);
      const { commit } = store.state;
      expect(commit.status).to.equal('conflict');
      expect(commit.status === 'conflict' && commit.changes.map((c) => c.kind)).to.deep.equal([kind]);
    });

    it(`a ${name} change under a draft of counts only is taken quietly`, async () => {
      const backend = new MemoryAdapter(smallSeed());
      const store = await watched(wrap(backend));
      store.setCount('voice', 12);
      await otherAdmin(backend, theirs);
      await settle();
      expect(store.state.snapshot!.version).to.equal('v2');
      expect(store.state.draft).to.deep.equal({ counts: { voice: 12 } });
      expect(store.state.commit.status).to.equal('idle');
    });
  }

  it('Speech-to-Text turned off under a limit draft puts the cart in conflict; under counts it is quiet', async () => {
    const backend = new MemoryAdapter(smallSeed());
    const store = await watched(wrap(backend));
    store.setCount('voice', 12);
    await otherAdmin(backend, { speechToText: { enabled: false } });
    await settle();
    expect(store.state.commit.status).to.equal('idle');
    store.setSpeechToText({ limitOverBase: 3000 });
    await otherAdmin(backend, { speechToText: { enabled: true } });
    await settle();
    const { commit } = store.state;
    expect(commit.status === 'conflict' && commit.changes).to.deep.equal([
      { kind: 'speech-to-text-enabled', from: false, to: true },
    ]);
  });

  it('without a draft, another admin’s change is simply shown', async () => {
    const backend = new MemoryAdapter(smallSeed());
    const store = await watched(wrap(backend));
    await otherAdmin(backend, { counts: { email: 5 } });
    await settle();
    expect(store.state.snapshot!.lines.find((l) => l.typeId === 'email')!.count).to.equal(5);
    expect(store.state.dirty).to.equal(false);
    expect(store.state.commit.status).to.equal('idle');
  });
});

describe('LicensingStore: a save that conflicts or fails', () => {
  it('a conflict on a draft the backend already holds ends as saved, not as a conflict', async () => {
    const backend = new MemoryAdapter(smallSeed());
    // The backend applies the save, but the answer is a conflict (a retried request, a proxy).
    const adapter = wrap(backend, {
      commit: async (c, o) => {
        await backend.commit(c, o);
        throw new ConflictError('Version moved.');
      },
    });
    const store = await watched(adapter);
    store.setCount('voice', 12);
    const result = await store.commit();
    expect(result.ok).to.equal(true);
    expect(store.state.commit.status).to.equal('saved');
    expect(store.state.dirty).to.equal(false);
    expect(store.state.snapshot!.lines.find((l) => l.typeId === 'voice')!.count).to.equal(12);
  });

  it('a conflict whose reload fails says the reload failed and keeps the draft', async () => {
    const backend = new MemoryAdapter(smallSeed());
    let loads = 0;
    const store = await watched(
      wrap(backend, {
        commit: () => Promise.reject(new ConflictError('Version moved.')),
        load: (o) => (loads++ === 0 ? backend.load(o) : Promise.reject(new NetworkError('Offline.'))),
      }),
    );
    store.setCount('voice', 12);
    const result = await store.commit();
    expect(result).to.deep.include({ ok: false, reason: 'failed' });
    const { commit } = store.state;
    expect(commit.status === 'failed' && commit.error.kind).to.equal('network');
    expect(store.state.draft).to.deep.equal({ counts: { voice: 12 } });
  });

  it('another admin’s change during a save that then fails is taken, and the draft kept', async () => {
    const backend = new MemoryAdapter(smallSeed());
    let fail!: () => void;
    const store = await watched(
      wrap(backend, {
        commit: () => new Promise((_, reject) => (fail = () => reject(new NetworkError('Offline.')))),
      }),
    );
    store.setCount('voice', 12);
    const saving = store.commit();
    await settle();
    await otherAdmin(backend, { counts: { email: 5 } });
    expect(store.state.snapshot!.version, 'held during the save').to.equal('v1');
    fail();
    expect(await saving).to.deep.include({ ok: false, reason: 'failed' });
    expect(store.state.snapshot!.version).to.equal('v2');
    expect(store.state.snapshot!.lines.find((l) => l.typeId === 'email')!.count).to.equal(5);
    expect(store.state.draft).to.deep.equal({ counts: { voice: 12 } });
  });

  it('Discard during a save does nothing: the save ends and is shown', async () => {
    const backend = new MemoryAdapter(smallSeed());
    let answer!: () => void;
    const store = await watched(
      wrap(backend, {
        commit: async (c, o) => {
          await new Promise<void>((resolve) => (answer = resolve));
          return backend.commit(c, o);
        },
      }),
    );
    store.setCount('voice', 12);
    const saving = store.commit();
    await settle();
    store.discard();
    expect(store.state.commit.status).to.equal('saving');
    expect(store.state.draft).to.deep.equal({ counts: { voice: 12 } });
    answer();
    expect((await saving).ok).to.equal(true);
    expect(store.state.snapshot!.lines.find((l) => l.typeId === 'voice')!.count).to.equal(12);
  });

  it('a reload still running when a save ends is dropped: the saved state stays', async () => {
    const backend = new MemoryAdapter(smallSeed());
    const before = await backend.load();
    let loads = 0;
    let answerLoad!: () => void;
    const store = await watched(
      wrap(backend, {
        load: async (o) => {
          if (loads++ === 0) return backend.load(o);
          // The second load answers with the state from before the save, after the save.
          await new Promise<void>((resolve) => (answerLoad = resolve));
          return before;
        },
      }),
    );
    store.setCount('voice', 12);
    const reloading = store.reload();
    expect((await store.commit()).ok).to.equal(true);
    answerLoad();
    await reloading;
    await settle();
    expect(store.state.snapshot!.version).to.equal('v2');
    expect(store.state.snapshot!.lines.find((l) => l.typeId === 'voice')!.count).to.equal(12);
  });
});

describe('LicensingStore.keepCart: kept carts that cannot be used as they are', () => {
  for (const [name, text] of [
    ['not JSON', '{"draft":'],
    ['not an object', '[1,2]'],
    [
      'a cart with a key that is not a string',
      '{"draft":{},"base":{"version":"v1","lines":[],"catalog":[]},"key":42}',
    ],
  ] as const) {
    it(`a kept cart that is ${name} is dropped and the store starts clean`, async () => {
      const storage = memoryStorage(new Map([[CART, text]]));
      const store = new LicensingStore(wrap(new MemoryAdapter(smallSeed())), { rules: ruleBook });
      store.keepCart('acme', storage);
      await store.load();
      expect(store.state.dirty).to.equal(false);
      expect(store.state.status).to.equal('ready');
      expect(storage.items.has(CART)).to.equal(false);
    });
  }

  it('a broken kept cart in a storage that also refuses to remove it still starts clean', async () => {
    const storage = {
      ...memoryStorage(new Map([[CART, 'broken']])),
      removeItem: () => {
        throw new DOMException('Forbidden', 'SecurityError');
      },
    };
    const store = new LicensingStore(wrap(new MemoryAdapter(smallSeed())), { rules: ruleBook });
    store.keepCart('acme', storage);
    await store.load();
    expect(store.state.status).to.equal('ready');
    expect(store.state.dirty).to.equal(false);
  });

  it('a kept cart another admin already applied meanwhile restores as nothing pending', async () => {
    const backend = new MemoryAdapter(smallSeed());
    const storage = memoryStorage();
    const before = new LicensingStore(wrap(backend), { rules: ruleBook }).keepCart('acme', storage);
    await before.load();
    before.setCount('voice', 12);
    await otherAdmin(backend, { counts: { voice: 12 } });
    const after = new LicensingStore(wrap(backend), { rules: ruleBook }).keepCart('acme', storage);
    await after.load();
    expect(after.state.snapshot!.version).to.equal('v2');
    expect(after.state.dirty).to.equal(false);
    expect(after.state.commit.status).to.equal('idle');
  });

  it('a storage that refuses to write leaves the draft working for the page', async () => {
    const storage = {
      ...memoryStorage(),
      setItem: () => {
        throw new DOMException('Quota exceeded', 'QuotaExceededError');
      },
    };
    const store = new LicensingStore(wrap(new MemoryAdapter(smallSeed())), { rules: ruleBook });
    store.keepCart('acme', storage);
    await store.load();
    expect(store.setCount('voice', 12)).to.deep.equal({ ok: true });
    expect(store.state.draft).to.deep.equal({ counts: { voice: 12 } });
    expect((await store.commit()).ok).to.equal(true);
  });

  it('restores only on the first load: a reload does not bring back a cart kept since by another tab', async () => {
    const backend = new MemoryAdapter(smallSeed());
    const storage = memoryStorage();
    const store = new LicensingStore(wrap(backend), { rules: ruleBook }).keepCart('acme', storage);
    await store.load();
    const snapshot = store.state.snapshot as LicensingSnapshot;
    storage.items.set(CART, JSON.stringify({ draft: { counts: { voice: 30 } }, base: snapshot }));
    await store.reload();
    expect(store.state.dirty).to.equal(false);
  });

  it('loading and reloading write nothing to the storage; an edit writes the cart once', async () => {
    const storage = memoryStorage();
    const store = new LicensingStore(wrap(new MemoryAdapter(smallSeed())), { rules: ruleBook });
    store.keepCart('acme', storage);
    await settle();
    await store.load();
    await store.reload();
    expect(storage.writes).to.deep.equal([]);
    store.setCount('voice', 12);
    expect(storage.writes).to.deep.equal([CART]);
    expect(JSON.parse(storage.items.get(CART)!).draft).to.deep.equal({ counts: { voice: 12 } });
  });

  it('asking to keep the same account’s cart again keeps it where it was first kept', async () => {
    const first = memoryStorage();
    const second = memoryStorage();
    const store = new LicensingStore(wrap(new MemoryAdapter(smallSeed())), { rules: ruleBook });
    expect(store.keepCart('acme', first).keepCart('acme', second)).to.equal(store);
    await store.load();
    store.setCount('voice', 12);
    expect(first.items.has(CART)).to.equal(true);
    expect(second.items.size).to.equal(0);
  });
});
