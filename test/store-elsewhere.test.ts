// Another admin's change and a failed refresh, as the store reports them, in both ways a page learns
// of the backend: the memory adapter pushes another admin's change (subscribe), the REST adapter
// (over MSW, the same backend behind the contract) shows it on the next reload or on a save's
// conflict. The notices must be the same whichever adapter brought the change (issue #15).
import { expect } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import { RestAdapter } from '../src/adapters/rest/index.js';
import type { ChangeSet } from '../src/core/index.js';
import { ruleBook } from '../src/core/rule-book.js';
import { createLicensingHandlers } from '../src/mocks/index.js';
import { LicensingStore } from '../src/state/licensing-store.js';
import { smallSeed } from './helpers/fixtures.js';
import { settle } from './helpers/settle.js';

const worker = setupWorker();
before(() => worker.start({ quiet: true, onUnhandledFrame: 'bypass' }));
after(() => worker.stop());

interface Mode {
  name: string;
  /** The page's adapter over `backend`. */
  adapter: (backend: MemoryAdapter) => LicensingAdapter;
  /** What the page does to learn of the backend's change: nothing when the adapter pushes it. */
  learn: (store: LicensingStore) => Promise<unknown>;
}

const modes: Mode[] = [
  { name: 'memory adapter (pushed)', adapter: (backend) => backend, learn: () => settle() },
  {
    name: 'REST adapter over MSW (reloaded)',
    adapter: (backend) => {
      worker.resetHandlers(...createLicensingHandlers({ backend, baseUrl: '/elsewhere' }).handlers);
      return new RestAdapter({ baseUrl: '/elsewhere', retryDelay: 1 });
    },
    learn: async (store) => {
      await store.reload();
      await settle();
    },
  },
];

/** Another admin saves `changes` on the backend's current version. */
async function otherAdmin(backend: MemoryAdapter, changes: ChangeSet) {
  const { version } = await backend.load();
  return backend.commit(changes, { expectedVersion: version, idempotencyKey: `other-${version}` });
}

/** A page on `mode`'s adapter; `watching`: a widget subscribes (the memory adapter then pushes). */
async function page(mode: Mode, watching = true) {
  const backend = new MemoryAdapter(smallSeed());
  const store = new LicensingStore(mode.adapter(backend), { rules: ruleBook });
  if (watching) store.subscribe(() => {});
  await store.load();
  return { backend, store };
}

for (const mode of modes) {
  describe(`LicensingStore, another admin's change, ${mode.name}`, () => {
    it('under a draft of the same licence: the cart is in conflict and the card has what changed', async () => {
      const { backend, store } = await page(mode);
      store.setCount('voice', 12); // +2
      await otherAdmin(backend, { counts: { voice: 11 } });
      await mode.learn(store);
      const { commit, changedElsewhere, draft, quote } = store.state;
      const voice = { kind: 'count', typeId: 'voice', from: 10, to: 11 };
      expect(draft).to.deep.equal({ counts: { voice: 12 } });
      // The cart's +2 (€48) is +1 (€24) now: said, not silent.
      expect(quote!.totals.nextMonth.delta.amount).to.equal(2400);
      expect(commit.status === 'conflict' && commit.changes).to.deep.equal([voice]);
      expect(changedElsewhere!.byType).to.deep.equal({ voice: [voice] });
    });

    it('with no draft, or one it does not touch, the change is noted on its card and the cart stays as it was', async () => {
      const { backend, store } = await page(mode);
      store.setCount('email', 3);
      await otherAdmin(backend, {
        counts: { voice: 11 },
        retention: { months: 6 },
        speechToText: { limitOverBase: 1000 },
        powerPack: { limits: { 'smart-routing': 12 } },
      });
      await mode.learn(store);
      expect(store.state.commit.status).to.equal('idle');
      expect(store.state.draft).to.deep.equal({ counts: { email: 3 } });
      expect(store.state.changedElsewhere!.byType).to.deep.equal({
        voice: [{ kind: 'count', typeId: 'voice', from: 10, to: 11 }],
        'call-recording': [{ kind: 'retention', from: { months: 9 }, to: { months: 6 } }],
        'speech-to-text': [{ kind: 'speech-to-text-limit', from: 2000, to: 1000 }],
        'power-pack': [{ kind: 'power-pack-limit', serviceId: 'smart-routing', from: 10, to: 12 }],
      });
    });

    it('counts from what the page showed across two changes, and is forgotten once the user saves', async () => {
      const { backend, store } = await page(mode);
      await otherAdmin(backend, { counts: { voice: 11 } });
      await mode.learn(store);
      await otherAdmin(backend, { counts: { voice: 13, email: 4 } });
      await mode.learn(store);
      expect(store.state.changedElsewhere!.changes).to.deep.equal([
        { kind: 'count', typeId: 'voice', from: 10, to: 13 },
        { kind: 'count', typeId: 'email', from: 2, to: 4 },
      ]);
      store.setCount('outbound', 5);
      expect((await store.commit()).ok).to.equal(true);
      expect(store.state.changedElsewhere).to.equal(undefined);
    });

    it('is forgotten when asked (its notices were read), and starts again with the next change', async () => {
      const { backend, store } = await page(mode);
      await otherAdmin(backend, { counts: { voice: 11 } });
      await mode.learn(store);
      store.forgetChangedElsewhere();
      expect(store.state.changedElsewhere).to.equal(undefined);
      await otherAdmin(backend, { counts: { voice: 12 } });
      await mode.learn(store);
      expect(store.state.changedElsewhere!.changes).to.deep.equal([
        { kind: 'count', typeId: 'voice', from: 11, to: 12 },
      ]);
    });

    it('a save that meets the conflict lists the same change, in the cart and on the card', async () => {
      // Nothing subscribes, so even the memory adapter pushes nothing: the save finds out.
      const { backend, store } = await page(mode, false);
      store.setCount('voice', 12);
      await otherAdmin(backend, { counts: { voice: 11 } });
      expect(await store.commit()).to.deep.include({ ok: false, reason: 'conflict' });
      await settle();
      const voice = { kind: 'count', typeId: 'voice', from: 10, to: 11 };
      const { commit, changedElsewhere } = store.state;
      expect(commit.status === 'conflict' && commit.error.kind).to.equal('conflict');
      expect(commit.status === 'conflict' && commit.changes).to.deep.equal([voice]);
      expect(changedElsewhere!.byType.voice).to.deep.equal([voice]);
    });
  });

  describe(`LicensingStore, a refresh that fails, ${mode.name}`, () => {
    it('keeps the data and the draft, says why and from when the data is, and a retry clears it', async () => {
      const { backend, store } = await page(mode);
      const { snapshot, loadedAt } = store.state;
      expect(loadedAt).to.be.a('number');
      store.setCount('voice', 12);
      backend.failNext('load', 'server');
      expect(await store.reload()).to.equal(undefined);
      expect(store.state.status).to.equal('ready');
      expect(store.state.snapshot).to.equal(snapshot);
      expect(store.state.draft).to.deep.equal({ counts: { voice: 12 } });
      expect(store.state.error!.kind).to.equal('server');
      expect(store.state.loadedAt).to.equal(loadedAt);
      // The retry keeps the notice until it ends: its button keeps the focus meanwhile.
      const retry = store.reload();
      expect(store.state.error!.kind).to.equal('server');
      expect(await retry).to.not.equal(undefined);
      expect(store.state.error).to.equal(undefined);
      expect(store.state.loadedAt).to.be.at.least(loadedAt!);
      expect(store.state.draft).to.deep.equal({ counts: { voice: 12 } });
    });

    it('a first load that fails is still the error state, with no data', async () => {
      const backend = new MemoryAdapter(smallSeed());
      backend.failNext('load', 'server');
      const store = new LicensingStore(mode.adapter(backend), { rules: ruleBook });
      expect(await store.load()).to.equal(undefined);
      expect(store.state.status).to.equal('error');
      expect(store.state.snapshot).to.equal(undefined);
      expect(store.state.loadedAt).to.equal(undefined);
    });
  });
}
