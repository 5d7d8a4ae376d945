import { expect } from '@open-wc/testing';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import { ruleBook } from '../src/core/rule-book.js';
import { LicensingStore } from '../src/state/licensing-store.js';
import { smallSeed } from './helpers/fixtures.js';

/** Counts calls and records commit options, around a real memory adapter. */
function spy(adapter: MemoryAdapter) {
  const calls = { load: 0, commit: [] as { expectedVersion: string; idempotencyKey: string }[] };
  const wrapped: LicensingAdapter = {
    load: (o) => (calls.load++, adapter.load(o)),
    listUsage: (q, o) => adapter.listUsage(q, o),
    commit: (c, o) => (
      calls.commit.push({ expectedVersion: o.expectedVersion, idempotencyKey: o.idempotencyKey }),
      adapter.commit(c, o)
    ),
  };
  return { adapter: wrapped, calls };
}

describe('LicensingStore', () => {
  it('loads once however many callers ask at the same time', async () => {
    const { adapter, calls } = spy(new MemoryAdapter(smallSeed(), { latency: 20 }));
    const store = new LicensingStore(adapter);
    expect(store.state.status).to.equal('idle');
    const all = Promise.all([
      store.load(),
      store.load(),
      store.load(),
      store.load(),
      store.load(),
      store.load(),
    ]);
    expect(store.state.status).to.equal('loading');
    await all;
    await store.load();
    expect(calls.load).to.equal(1);
    expect(store.state.status).to.equal('ready');
  });

  it('derives the quote and issues from the rule book as the draft changes', async () => {
    const store = new LicensingStore(new MemoryAdapter(smallSeed()), { rules: ruleBook });
    await store.load();
    expect(store.state.dirty).to.equal(false);
    expect(store.setCount('voice', 12)).to.deep.equal({ ok: true });
    expect(store.state.draft).to.deep.equal({ counts: { voice: 12 } });
    expect(store.state.canSave).to.equal(true);
    expect(store.state.quote!.totals.nextMonth.delta.amount).to.equal(2 * 2400);
    store.setCount('voice', 2);
    expect(store.state.issues.map((i) => i.code)).to.include('reduce-below-in-use');
    expect(store.state.canSave).to.equal(false);
    // Back to the current value: nothing left to save.
    store.setCount('voice', 10);
    expect(store.state.draft).to.deep.equal({});
    expect(store.state.dirty).to.equal(false);
  });

  it('refuses every change without update permission, and changes nothing', async () => {
    const store = new LicensingStore(new MemoryAdapter(smallSeed({ permission: 'view' })));
    await store.load();
    const before = store.state;
    expect(store.setCount('voice', 12)).to.deep.equal({ ok: false, reason: 'permission' });
    expect(store.setRetention({ days: 14 })).to.deep.equal({ ok: false, reason: 'permission' });
    expect(store.state).to.equal(before);
    expect((await store.commit()).ok).to.equal(false);
  });

  it('refuses numbers that are not whole and non-negative', async () => {
    const store = new LicensingStore(new MemoryAdapter(smallSeed()));
    await store.load();
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60]) {
      expect(store.setCount('voice', bad)).to.deep.equal({ ok: false, reason: 'invalid' }, String(bad));
      expect(store.setPowerPackLimit('smart-routing', bad)).to.deep.equal({ ok: false, reason: 'invalid' });
    }
    expect(store.state.draft).to.deep.equal({});
  });

  it('commits with the snapshot version and one key, then clears the draft', async () => {
    const backend = new MemoryAdapter(smallSeed());
    const { adapter, calls } = spy(backend);
    const store = new LicensingStore(adapter);
    await store.load();
    store.setCount('email', 4);
    const result = await store.commit();
    expect(result.ok).to.equal(true);
    expect(calls.commit).to.have.length(1);
    expect(calls.commit[0]!.expectedVersion).to.equal('v1');
    expect(store.state.snapshot!.version).to.equal('v2');
    expect(store.state.draft).to.deep.equal({});
    expect(store.state.commit.status).to.equal('saved');
  });

  it('ten rapid commits make exactly one mutation on the backend', async () => {
    const backend = new MemoryAdapter(smallSeed(), { latency: 5 });
    const { adapter, calls } = spy(backend);
    const store = new LicensingStore(adapter);
    await store.load();
    store.setCount('email', 4);
    const results = await Promise.all(Array.from({ length: 10 }, () => store.commit()));
    expect(results.every((r) => r.ok)).to.equal(true);
    // One request, not ten deduplicated by the backend's idempotency keys.
    expect(calls.commit).to.have.length(1);
    expect(backend.mutations).to.equal(1);
  });

  it('keeps the draft whole on failure and retries with the same idempotency key', async () => {
    const backend = new MemoryAdapter(smallSeed());
    const { adapter, calls } = spy(backend);
    const store = new LicensingStore(adapter);
    await store.load();
    store.setCount('email', 4);
    store.setRetention({ months: 12 });
    const draft = store.state.draft;
    backend.failNext('commit', 'network');
    const failed = await store.commit();
    expect(failed).to.include({ ok: false, reason: 'failed' });
    expect(store.state.commit.status).to.equal('failed');
    expect(store.state.draft).to.equal(draft);
    const retried = await store.commit();
    expect(retried.ok).to.equal(true);
    expect(calls.commit[1]!.idempotencyKey).to.equal(calls.commit[0]!.idempotencyKey);
    expect(backend.mutations).to.equal(1);
  });

  it('makes a new idempotency key when the cart changes after a failure', async () => {
    const backend = new MemoryAdapter(smallSeed());
    const { adapter, calls } = spy(backend);
    const store = new LicensingStore(adapter);
    await store.load();
    store.setCount('email', 4);
    backend.failNext('commit', 'server');
    await store.commit();
    store.setCount('email', 5);
    await store.commit();
    expect(calls.commit[1]!.idempotencyKey).not.to.equal(calls.commit[0]!.idempotencyKey);
  });

  it('on a conflict reloads, keeps the user’s draft, re-validates and says what changed', async () => {
    const backend = new MemoryAdapter(smallSeed());
    const alice = new LicensingStore(backend);
    const bob = new LicensingStore(backend);
    await Promise.all([alice.load(), bob.load()]);
    alice.setCount('voice', 20);
    bob.setCount('voice', 14);
    bob.setCount('email', 6);
    expect((await alice.commit()).ok).to.equal(true);
    const result = await bob.commit();
    expect(result).to.include({ ok: false, reason: 'conflict' });
    const { commit, draft, snapshot } = bob.state;
    expect(snapshot!.version).to.equal('v2');
    expect(draft).to.deep.equal({ counts: { voice: 14, email: 6 } });
    expect(commit.status).to.equal('conflict');
    if (commit.status === 'conflict') {
      expect(commit.changes).to.deep.equal([{ kind: 'count', typeId: 'voice', from: 10, to: 20 }]);
    }
    // The review shows the re-validated draft; saving again now succeeds against v2.
    expect((await bob.commit()).ok).to.equal(true);
    expect((await backend.load()).lines.find((l) => l.typeId === 'voice')!.count).to.equal(14);
    expect(backend.mutations).to.equal(2);
  });

  it('after a reload onto a newer version, drops no-op entries and never reuses the cart key', async () => {
    const backend = new MemoryAdapter(smallSeed());
    const { adapter, calls } = spy(backend);
    const store = new LicensingStore(adapter);
    await store.load();
    store.setCount('email', 4);
    store.setCount('voice', 12);
    backend.failNext('commit', 'network');
    await store.commit();
    // Another administrator sets email to 4 meanwhile; this store reloads.
    await backend.commit({ counts: { email: 4 } }, { expectedVersion: 'v1', idempotencyKey: 'other' });
    await store.reload();
    expect(store.state.draft).to.deep.equal({ counts: { voice: 12 } });
    expect((await store.commit()).ok).to.equal(true);
    expect(calls.commit[1]!.expectedVersion).to.equal('v2');
    expect(calls.commit[1]!.idempotencyKey).not.to.equal(calls.commit[0]!.idempotencyKey);
  });

  it('refuses a retention the rules do not allow (R6)', async () => {
    const store = new LicensingStore(new MemoryAdapter(smallSeed()));
    await store.load();
    expect(store.setRetention({ months: 4 })).to.deep.equal({ ok: false, reason: 'invalid' });
    expect(store.setRetention({ months: 27 })).to.deep.equal({ ok: false, reason: 'invalid' }); // max 24
    expect(store.setRetention({ months: 24 }).ok).to.equal(true);
  });

  it('discards the draft', async () => {
    const store = new LicensingStore(new MemoryAdapter(smallSeed()));
    await store.load();
    store.setSpeechToText({ enabled: false });
    store.discard();
    expect(store.state.draft).to.deep.equal({});
  });

  it('shows the error state on a failed first load and recovers on retry', async () => {
    const backend = new MemoryAdapter(smallSeed());
    backend.failNext('load', 'unavailable');
    const store = new LicensingStore(backend);
    await store.load();
    expect(store.state.status).to.equal('error');
    expect(store.state.error!.kind).to.equal('server');
    await store.reload();
    expect(store.state.status).to.equal('ready');
    expect(store.state.error).to.equal(undefined);
  });

  it('never lets a stale load answer overwrite a newer one', async () => {
    const resolvers: ((v: number) => void)[] = [];
    const base = new MemoryAdapter(smallSeed());
    const adapter: LicensingAdapter = {
      load: async () => {
        const n = await new Promise<number>((resolve) => resolvers.push(resolve));
        return { ...(await base.load()), version: `v${n}` };
      },
      listUsage: (q) => base.listUsage(q),
      commit: (c, o) => base.commit(c, o),
    };
    const store = new LicensingStore(adapter);
    const first = store.load();
    const second = store.reload();
    resolvers[1]!(2); // the newer answer arrives first: v2
    await second;
    resolvers[0]!(1); // then the older one: v1
    await first;
    expect(store.state.snapshot!.version).to.equal('v2');
  });

  it('tells subscribers about every new state and stops when asked', async () => {
    const store = new LicensingStore(new MemoryAdapter(smallSeed()));
    const seen: string[] = [];
    const stop = store.subscribe((state) => seen.push(state.status));
    await store.load();
    stop();
    store.setCount('voice', 11);
    expect(seen).to.deep.equal(['loading', 'ready']);
  });

  it('takes another tab’s change from a subscribing adapter and keeps the draft', async () => {
    const backend = new MemoryAdapter(smallSeed());
    const store = new LicensingStore(backend);
    const stop = store.subscribe(() => {});
    await store.load();
    store.setCount('email', 7);
    await backend.commit({ counts: { voice: 11 } }, { expectedVersion: 'v1', idempotencyKey: 'other-tab' });
    expect(store.state.snapshot!.version).to.equal('v2');
    expect(store.state.draft).to.deep.equal({ counts: { email: 7 } });
    stop();
  });

  it('reports a missing installation licence as unsupported', async () => {
    const store = new LicensingStore(new MemoryAdapter(smallSeed()));
    await store.loadInstallation();
    expect(store.state.installation.status).to.equal('unsupported');
    expect(store.capabilities.installationLicense).to.equal(false);
  });

  it('loads the installation licence once and applies a key', async () => {
    const backend = new MemoryAdapter();
    const store = new LicensingStore(backend);
    await Promise.all([store.loadInstallation(), store.loadInstallation()]);
    expect(store.state.installation.status).to.equal('ready');
    let refused: unknown;
    try {
      await store.applyLicenseKey('nonsense');
    } catch (error) {
      refused = error;
    }
    expect((refused as Error).name).to.equal('ValidationError');
    expect(store.state.installation.status).to.equal('ready');
  });
});

describe('LicensingStore: the rule book is given, not imported', () => {
  it('derives nothing from the rules before it has them, and everything at once when they come', async () => {
    const store = new LicensingStore(new MemoryAdapter(smallSeed()));
    await store.load();
    store.setCount('voice', 2);
    expect(store.hasRules).to.equal(false);
    expect(store.state.dirty).to.equal(true);
    expect(store.state.issues).to.deep.equal([]);
    expect(store.state.quote).to.equal(undefined);
    expect(store.state.planned).to.equal(store.state.snapshot);
    // No one can say that no error blocks the draft: Save stays off (R9).
    expect(store.state.canSave).to.equal(false);
    const seen: string[][] = [];
    store.subscribe((state) => seen.push(state.issues.map((i) => i.code)));
    expect(store.useRules(ruleBook)).to.equal(store);
    expect(store.hasRules).to.equal(true);
    expect(seen).to.have.length(1);
    expect(seen[0]).to.include('reduce-below-in-use');
    expect(store.state.quote).not.to.equal(undefined);
    expect(store.state.planned!.lines.find((l) => l.typeId === 'voice')!.count).to.equal(2);
    // The same rules again: nothing to recompute, no new state.
    const before = store.state;
    store.useRules(ruleBook);
    expect(store.state).to.equal(before);
    expect(seen).to.have.length(1);
  });

  it('refuses to commit a draft that breaks a rule without rules given, as it does with them (R3, R9)', async () => {
    const outcome = async (rules: typeof ruleBook | undefined) => {
      const { adapter, calls } = spy(new MemoryAdapter(smallSeed()));
      const store = new LicensingStore(adapter, { rules });
      await store.load();
      store.setCount('voice', 1); // 3 in use
      const result = await store.commit();
      return { result, sent: calls.commit.length, draft: store.state.draft, state: store.state };
    };
    const given = await outcome(ruleBook);
    const loaded = await outcome(undefined);
    expect(given.result).to.deep.equal({ ok: false, reason: 'invalid' });
    expect(loaded.result).to.deep.equal(given.result);
    // Judged in the store, never sent for the backend to refuse.
    expect(loaded.sent).to.equal(0);
    expect(loaded.draft).to.deep.equal({ counts: { voice: 1 } });
    // The rules it loaded stay: the state now says why.
    expect(loaded.state.issues.map((i) => i.code)).to.deep.equal(given.state.issues.map((i) => i.code));
    expect(loaded.state.issues.map((i) => i.code)).to.include('reduce-below-in-use');
    expect(loaded.state.canSave).to.equal(false);
  });

  it('without rules given, judges the draft as it is once they have loaded', async () => {
    const { adapter, calls } = spy(new MemoryAdapter(smallSeed()));
    const store = new LicensingStore(adapter);
    await store.load();
    store.setCount('email', 4);
    const pending = store.commit();
    // Broken while the rules load: that draft is the one judged, and it is refused.
    store.setCount('voice', 1);
    expect(await pending).to.deep.equal({ ok: false, reason: 'invalid' });
    expect(calls.commit).to.have.length(0);
    // Put right, it commits.
    store.setCount('voice', 10);
    expect((await store.commit()).ok).to.equal(true);
    expect(calls.commit).to.have.length(1);
  });
});

describe('LicensingStore: deprecated names a host may still use', () => {
  it('state.after is state.planned, with and without rules, before and after a commit', async () => {
    const store = new LicensingStore(new MemoryAdapter(smallSeed()));
    expect(store.state.after).to.equal(undefined);
    await store.load();
    store.setCount('voice', 12);
    expect(store.state.after).to.equal(store.state.planned);
    store.useRules(ruleBook);
    expect(store.state.planned!.lines.find((l) => l.typeId === 'voice')!.count).to.equal(12);
    expect(store.state.after).to.equal(store.state.planned);
    await store.commit();
    expect(store.state.planned!.lines.find((l) => l.typeId === 'voice')!.count).to.equal(12);
    expect(store.state.after).to.equal(store.state.planned);
  });
});
