// MemoryAdapter with `storageKey`: tabs on the same storage are one backend. A commit re-reads
// storage and meets a conflict instead of overwriting another tab's change; `storage` events reach
// subscribers; a write storage refuses is not reported as saved; stored data of a broken or older
// shape is never half-loaded.
import { expect } from '@open-wc/testing';
import { ConflictError, StorageError } from '../src/adapters/errors.js';
import { MemoryAdapter, createDemoSeed, makeLicenseKey } from '../src/adapters/memory/index.js';
import type { LicensingSnapshot } from '../src/core/index.js';
import { smallSeed } from './helpers/fixtures.js';
import { rejection as rejectionOf } from './helpers/rejection.js';

const KEY = 'lk-tabs';

/** One storage two tabs share; `full` makes every write throw as a full localStorage does. */
function sharedStorage() {
  const items = new Map<string, string>();
  const storage = {
    full: false,
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (storage.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      items.set(k, v);
    },
    removeItem: (k: string) => void items.delete(k),
  };
  return storage;
}

const count = (s: LicensingSnapshot, typeId: string) => s.lines.find((l) => l.typeId === typeId)!.count;

/** Warnings written to the console while `body` runs. */
async function warningsDuring(body: () => Promise<void> | void): Promise<string[]> {
  const original = console.warn;
  const seen: string[] = [];
  console.warn = (...args: unknown[]) => void seen.push(args.map(String).join(' '));
  try {
    await body();
  } finally {
    console.warn = original;
  }
  return seen;
}

describe('MemoryAdapter with storageKey: two tabs', () => {
  it("a commit made against a version another tab replaced is a ConflictError, and does not overwrite the other tab's change", async () => {
    const storage = sharedStorage();
    const tabA = new MemoryAdapter(smallSeed(), { storageKey: KEY, storage });
    const tabB = new MemoryAdapter(smallSeed(), { storageKey: KEY, storage });
    const loadedA = await tabA.load();
    const loadedB = await tabB.load();
    await tabA.commit({ counts: { email: 5 } }, { expectedVersion: loadedA.version, idempotencyKey: 'a' });
    const error = await rejectionOf(
      tabB.commit({ counts: { voice: 11 } }, { expectedVersion: loadedB.version, idempotencyKey: 'b' }),
    );
    expect(error).to.be.instanceOf(ConflictError);
    expect((error as ConflictError).currentVersion).to.equal('v2');
    // Tab A's change survives, in tab B and in storage (what a reload reads).
    const reloaded = await new MemoryAdapter(smallSeed(), { storageKey: KEY, storage }).load();
    expect(count(reloaded, 'email')).to.equal(5);
    expect(count(reloaded, 'voice')).to.equal(10);
    const seenByB = await tabB.load();
    expect(seenByB.version).to.equal('v2');
    expect(count(seenByB, 'email')).to.equal(5);
    // Against the version it now knows, tab B commits on top of tab A's change.
    const next = await tabB.commit(
      { counts: { voice: 11 } },
      { expectedVersion: 'v2', idempotencyKey: 'b2' },
    );
    expect([count(next, 'email'), count(next, 'voice')]).to.deep.equal([5, 11]);
  });

  it("tells subscribers of another tab's commit when a storage event arrives", async () => {
    const storage = sharedStorage();
    const tabA = new MemoryAdapter(smallSeed(), { storageKey: KEY, storage });
    const tabB = new MemoryAdapter(smallSeed(), { storageKey: KEY, storage });
    const seen: LicensingSnapshot[] = [];
    const stop = tabB.subscribe((s) => seen.push(s));
    await tabA.commit({ counts: { email: 4 } }, { expectedVersion: 'v1', idempotencyKey: 'a' });
    window.dispatchEvent(new StorageEvent('storage', { key: 'another-key' }));
    expect(seen).to.have.length(0);
    window.dispatchEvent(new StorageEvent('storage', { key: KEY, newValue: storage.items.get(KEY)! }));
    expect(seen.map((s) => [s.version, count(s, 'email')])).to.deep.equal([['v2', 4]]);
    stop();
    await tabA.commit({ counts: { email: 6 } }, { expectedVersion: 'v2', idempotencyKey: 'a2' });
    window.dispatchEvent(new StorageEvent('storage', { key: KEY }));
    expect(seen).to.have.length(1);
  });
});

describe('MemoryAdapter with storageKey: storage that refuses a write', () => {
  it('rejects the commit with a StorageError and applies nothing, so no change is reported saved that a reload would lose', async () => {
    const storage = sharedStorage();
    const adapter = new MemoryAdapter(smallSeed(), { storageKey: KEY, storage });
    const seen: LicensingSnapshot[] = [];
    adapter.subscribe((s) => seen.push(s));
    storage.full = true;
    const error = await rejectionOf(
      adapter.commit({ counts: { email: 5 } }, { expectedVersion: 'v1', idempotencyKey: 'k' }),
    );
    expect(error).to.be.instanceOf(StorageError);
    expect((error as StorageError).message).to.contain('could not be stored');
    expect((await adapter.load()).version).to.equal('v1');
    expect(adapter.mutations).to.equal(0);
    expect(seen).to.have.length(0);
    // With room again, the same cart saves.
    storage.full = false;
    const saved = await adapter.commit(
      { counts: { email: 5 } },
      { expectedVersion: 'v1', idempotencyKey: 'k' },
    );
    expect(count(saved, 'email')).to.equal(5);
  });

  it('rejects a licence key storage refuses, keeping the licence as it was', async () => {
    const storage = sharedStorage();
    const adapter = new MemoryAdapter(createDemoSeed(), { storageKey: KEY, storage });
    const before = await adapter.getInstallationLicense!();
    storage.full = true;
    const error = await rejectionOf(adapter.applyLicenseKey!(makeLicenseKey({ plan: 'monthly' })));
    expect(error).to.be.instanceOf(StorageError);
    expect(await adapter.getInstallationLicense!()).to.deep.equal(before);
  });
});

describe('MemoryAdapter with storageKey: stored data of another shape', () => {
  const stored = (value: unknown) => {
    const storage = sharedStorage();
    storage.items.set(KEY, JSON.stringify(value));
    return storage;
  };

  it('falls back to the seed, with a console warning naming the field, for a broken stored snapshot', async () => {
    const broken = structuredClone(smallSeed().snapshot) as unknown as {
      lines: { count: number }[];
      version: string;
    };
    broken.version = 'v7';
    broken.lines[0]!.count = -3;
    let loaded: LicensingSnapshot | undefined;
    const warnings = await warningsDuring(async () => {
      loaded = await new MemoryAdapter(smallSeed(), {
        storageKey: KEY,
        storage: stored({ snapshot: broken, installationLicense: null }),
      }).load();
    });
    expect(loaded).to.deep.equal(smallSeed().snapshot);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain(KEY).and.contain('lines[0].count is not a whole number');
  });

  it('falls back to the seed for data of an older shape, and never half-loads a valid snapshot with a broken licence', async () => {
    const older = { snapshot: { version: 'v3', seats: { voice: 4 } } };
    const warningsOlder = await warningsDuring(async () => {
      const loaded = await new MemoryAdapter(smallSeed(), { storageKey: KEY, storage: stored(older) }).load();
      expect(loaded).to.deep.equal(smallSeed().snapshot);
    });
    expect(warningsOlder).to.have.length(1);

    const seed = createDemoSeed();
    const changed = { ...seed.snapshot, version: 'v9' };
    const half = { snapshot: changed, installationLicense: { token: 'T', plan: 'weekly' } };
    const warningsHalf = await warningsDuring(async () => {
      const adapter = new MemoryAdapter(seed, { storageKey: KEY, storage: stored(half) });
      expect((await adapter.load()).version).to.equal(seed.snapshot.version);
      expect(await adapter.getInstallationLicense!()).to.deep.equal(seed.installationLicense);
    });
    expect(warningsHalf).to.have.length(1);
    expect(warningsHalf[0]).to.contain('plan');
  });

  it('keeps the history with the rest under storageKey: a reload and another tab list the commit', async () => {
    const storage = sharedStorage();
    const now = () => new Date('2026-11-20T10:00:00Z');
    const tab = new MemoryAdapter(smallSeed(), { storageKey: KEY, storage, now, user: 'Ann' });
    const other = new MemoryAdapter(smallSeed(), { storageKey: KEY, storage, now });
    const before = await tab.load();
    const saved = await tab.commit(
      { counts: { voice: count(before, 'voice') + 1 } },
      { expectedVersion: before.version, idempotencyKey: 'h' },
    );
    const reloaded = new MemoryAdapter(smallSeed(), { storageKey: KEY, storage, now });
    const page = await reloaded.listHistory({ offset: 0, limit: 20 });
    expect(page.entries.map((e) => [e.version, e.user])).to.deep.equal([[saved.version, 'Ann']]);
    // The other tab takes it with the snapshot on its next look at storage.
    expect((await other.load()).version).to.equal(saved.version);
    expect((await other.listHistory({ offset: 0, limit: 20 })).total).to.equal(1);
    // A refused write records no entry either.
    storage.full = true;
    await rejectionOf(
      tab.commit(
        { counts: { voice: count(saved, 'voice') + 1 } },
        { expectedVersion: saved.version, idempotencyKey: 'i' },
      ),
    );
    expect((await tab.listHistory({ offset: 0, limit: 20 })).total).to.equal(1);
  });

  it('stores the newest 500 history entries only, so storage never fills with history', async () => {
    const storage = sharedStorage();
    const tab = new MemoryAdapter(smallSeed(), { storageKey: KEY, storage });
    const before = await tab.load();
    await tab.commit(
      { counts: { voice: count(before, 'voice') + 1 } },
      { expectedVersion: before.version, idempotencyKey: 'a' },
    );
    // 500 entries stored (h1…h500), as after many commits.
    const stored = JSON.parse(storage.items.get(KEY)!) as { history: { id: string; version: string }[] };
    const [one] = stored.history;
    stored.history = Array.from({ length: 500 }, (_, i) => ({ ...one!, id: `h${i + 1}` }));
    storage.items.set(KEY, JSON.stringify(stored));
    const reloaded = new MemoryAdapter(smallSeed(), { storageKey: KEY, storage });
    const now = await reloaded.load();
    const saved = await reloaded.commit(
      { counts: { voice: count(now, 'voice') + 1 } },
      { expectedVersion: now.version, idempotencyKey: 'b' },
    );
    const kept = (JSON.parse(storage.items.get(KEY)!) as typeof stored).history;
    expect(kept).to.have.length(500);
    expect(kept[0]!.id, 'the oldest went').to.equal('h2');
    expect(kept.at(-1), 'the new one is kept, with a new id').to.deep.include({
      id: 'h501',
      version: saved.version,
    });
    const page = await reloaded.listHistory({ offset: 0, limit: 1 });
    expect(page.total).to.equal(500);
    expect(page.entries[0]!.version).to.equal(saved.version);
  });

  it('refuses a stored history of a broken shape with the rest, with a warning, for the seed', async () => {
    const storage = sharedStorage();
    const tab = new MemoryAdapter(smallSeed(), { storageKey: KEY, storage });
    const before = await tab.load();
    await tab.commit(
      { counts: { voice: count(before, 'voice') + 1 } },
      { expectedVersion: before.version, idempotencyKey: 'h' },
    );
    const stored = JSON.parse(storage.items.get(KEY)!) as { history: { changes: unknown }[] };
    stored.history[0]!.changes = 'Voice 10 → 11';
    storage.items.set(KEY, JSON.stringify(stored));
    let reloaded: MemoryAdapter | undefined;
    const warnings = await warningsDuring(() => {
      reloaded = new MemoryAdapter(smallSeed(), { storageKey: KEY, storage });
    });
    expect(warnings.join(' ')).to.contain('history');
    expect((await reloaded!.load()).version).to.equal(before.version);
    expect((await reloaded!.listHistory({ offset: 0, limit: 20 })).total).to.equal(0);
  });
});
