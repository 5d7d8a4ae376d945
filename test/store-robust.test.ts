// Issue #16 at the store: nothing typed is lost, no permission is bypassed, and what the store says
// about a save is what happened on the backend.
import { expect } from '@open-wc/testing';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { NetworkError, PermissionError } from '../src/adapters/errors.js';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import { ruleBook } from '../src/core/rule-book.js';
import type { LicensingSnapshot } from '../src/core/index.js';
import { LicensingStore } from '../src/state/licensing-store.js';
import { smallSeed } from './helpers/fixtures.js';

/** A backend and a second admin on it, with the store's adapter in the middle. */
function wrap(backend: MemoryAdapter, patch: Partial<LicensingAdapter> = {}): LicensingAdapter {
  return {
    load: (o) => backend.load(o),
    listUsage: (q, o) => backend.listUsage(q, o),
    commit: (c, o) => backend.commit(c, o),
    subscribe: (f) => backend.subscribe(f),
    getInstallationLicense: () => backend.getInstallationLicense!(),
    applyLicenseKey: (key) => backend.applyLicenseKey!(key),
    ...patch,
  };
}

const otherAdmin = (backend: MemoryAdapter, version: string, counts: Record<string, number>) =>
  backend.commit({ counts }, { expectedVersion: version, idempotencyKey: `other-${version}` });

describe('LicensingStore: saves and other admins (issue #16, Data loss)', () => {
  it("after a save, another admin's change that arrived during it wins, and the next save meets no conflict", async () => {
    const backend = new MemoryAdapter(smallSeed());
    let release: (() => void) | undefined;
    const adapter = wrap(backend, {
      // The backend applies our change at once; its answer comes later, after the other admin's.
      commit: async (c, o) => {
        const ours = await backend.commit(c, o);
        if (!release) await new Promise<void>((resolve) => (release = resolve));
        return ours;
      },
    });
    const store = new LicensingStore(adapter, { rules: ruleBook });
    store.subscribe(() => {});
    await store.load();
    store.setCount('voice', 12);
    const saving = store.commit();
    await new Promise((r) => setTimeout(r));
    await otherAdmin(backend, 'v2', { email: 4 });
    release!();
    expect((await saving).ok).to.equal(true);
    await new Promise((r) => setTimeout(r));
    expect(store.state.snapshot!.version).to.equal('v3');
    expect(store.state.snapshot!.lines.find((l) => l.typeId === 'email')!.count).to.equal(4);
    expect(store.state.snapshot!.lines.find((l) => l.typeId === 'voice')!.count).to.equal(12);
    store.setCount('outbound', 5);
    expect(await store.commit()).to.deep.include({ ok: true });
  });

  it('a lost commit answer followed by a reload that shows the applied change ends as saved', async () => {
    const backend = new MemoryAdapter(smallSeed());
    const adapter = wrap(backend, {
      commit: async (c, o) => {
        await backend.commit(c, o);
        throw new NetworkError();
      },
    });
    const store = new LicensingStore(adapter, { rules: ruleBook });
    await store.load();
    store.setCount('voice', 12);
    expect((await store.commit()).ok).to.equal(false);
    expect(store.state.commit.status).to.equal('failed');
    await store.reload();
    expect(store.state.dirty).to.equal(false);
    expect(store.state.commit.status).to.equal('saved');
  });

  it("the conflict notice never presents the user's own applied change as someone else's", async () => {
    const backend = new MemoryAdapter(smallSeed());
    let lose = true;
    const adapter = wrap(backend, {
      commit: async (c, o) => {
        // The first answer is lost after the backend applied it; the retry travels with a new
        // key (the user edited the cart meanwhile), so the backend answers with a conflict.
        const done = await backend.commit(c, o);
        if (lose) {
          lose = false;
          throw new NetworkError();
        }
        return done;
      },
    });
    const store = new LicensingStore(adapter, { rules: ruleBook });
    await store.load();
    store.setCount('voice', 12);
    await store.commit();
    store.setCount('email', 3);
    expect(await store.commit()).to.deep.include({ ok: false, reason: 'conflict' });
    const commit = store.state.commit;
    expect(commit.status).to.equal('conflict');
    if (commit.status === 'conflict') expect(commit.changes).to.deep.equal([]);
    expect(store.state.draft).to.deep.equal({ counts: { email: 3 } });
  });

  it('a conflict caused by a type that is not in the draft still lists what changed underneath', async () => {
    const backend = new MemoryAdapter(smallSeed());
    const store = new LicensingStore(wrap(backend), { rules: ruleBook });
    await store.load();
    store.setCount('voice', 12);
    await otherAdmin(backend, 'v1', { email: 4 });
    expect(await store.commit()).to.deep.include({ reason: 'conflict' });
    const commit = store.state.commit;
    expect(commit.status === 'conflict' && commit.changes).to.deep.equal([
      { kind: 'count', typeId: 'email', from: 2, to: 4 },
    ]);
  });
});

describe('LicensingStore: permissions (issue #16, Permissions)', () => {
  it('refuses to apply a licence key without update permission, before asking the adapter', async () => {
    const backend = new MemoryAdapter({ ...smallSeed({ permission: 'view' }) });
    let asked = 0;
    const store = new LicensingStore(
      wrap(backend, {
        applyLicenseKey: () => {
          asked++;
          return Promise.reject(new Error('should not be asked'));
        },
      }),
    );
    const error = await store.applyLicenseKey('KEY').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(PermissionError);
    expect(asked).to.equal(0);
  });

  it('refuses to list (and so export) usage without view permission', async () => {
    const backend = new MemoryAdapter(smallSeed({ permission: 'none' }));
    const store = new LicensingStore(wrap(backend));
    const error = await store.listUsage({ offset: 0, limit: 10 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(PermissionError);
    const viewer = new LicensingStore(wrap(new MemoryAdapter(smallSeed({ permission: 'view' }))));
    expect((await viewer.listUsage({ offset: 0, limit: 10 })).total).to.equal(4);
  });

  it('a save refused because the permission dropped does not leave canSave true', async () => {
    const backend = new MemoryAdapter(smallSeed());
    const store = new LicensingStore(wrap(backend), { rules: ruleBook });
    await store.load();
    store.setCount('voice', 12);
    backend.setPermission('view');
    const result = await store.commit();
    expect(result.ok).to.equal(false);
    expect(store.state.canSave).to.equal(false);
    expect(store.state.dirty).to.equal(true);
    store.discard();
    expect(store.state.dirty).to.equal(false);
  });
});

describe('LicensingStore: a pending cart survives (issue #16)', () => {
  it('a 401 in the middle of saving keeps the cart and its idempotency key: the retry cannot charge twice', async () => {
    const backend = new MemoryAdapter(smallSeed());
    const keys: string[] = [];
    let signedOut = true;
    const store = new LicensingStore(
      wrap(backend, {
        commit: async (c, o) => {
          keys.push(o.idempotencyKey);
          const done = await backend.commit(c, o);
          if (signedOut) {
            signedOut = false;
            throw new PermissionError('Signed out.', { status: 401 });
          }
          return done;
        },
      }),
      { rules: ruleBook },
    );
    await store.load();
    store.setCount('voice', 12);
    expect((await store.commit()).ok).to.equal(false);
    expect(store.state.draft).to.deep.equal({ counts: { voice: 12 } });
    expect(store.state.canSave).to.equal(true);
    const retried = await store.commit();
    expect(retried.ok).to.equal(true);
    expect(keys[0]).to.equal(keys[1]);
    expect((retried as { snapshot: LicensingSnapshot }).snapshot.version).to.equal('v2');
  });
});

/** An in-memory `sessionStorage`, shared by the stores of one "tab" across a reload. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

describe('LicensingStore.keepCart: a pending cart survives a reload (issue #16)', () => {
  it('keeps the cart per account, restores it on the next load and re-validates it', async () => {
    const backend = new MemoryAdapter(smallSeed());
    const storage = memoryStorage();
    const before = new LicensingStore(wrap(backend), { rules: ruleBook }).keepCart('acme', storage);
    await before.load();
    before.setCount('voice', 2); // below in use: an error the restored cart must show again
    const after = new LicensingStore(wrap(backend), { rules: ruleBook }).keepCart('acme', storage);
    await after.load();
    expect(after.state.draft).to.deep.equal({ counts: { voice: 2 } });
    expect(after.state.issues.map((i) => i.code)).to.include('reduce-below-in-use');
    const other = new LicensingStore(wrap(backend), { rules: ruleBook }).keepCart('globex', storage);
    await other.load();
    expect(other.state.dirty).to.equal(false);
    after.discard();
    expect(storage.items.size).to.equal(0);
  });

  it('rebases a kept cart like a conflict when the counts moved meanwhile', async () => {
    const backend = new MemoryAdapter(smallSeed());
    const storage = memoryStorage();
    const before = new LicensingStore(wrap(backend), { rules: ruleBook }).keepCart('acme', storage);
    await before.load();
    before.setCount('voice', 12);
    await otherAdmin(backend, 'v1', { voice: 11 });
    const after = new LicensingStore(wrap(backend), { rules: ruleBook }).keepCart('acme', storage);
    await after.load();
    expect(after.state.draft).to.deep.equal({ counts: { voice: 12 } });
    const commit = after.state.commit;
    expect(commit.status === 'conflict' && commit.changes).to.deep.equal([
      { kind: 'count', typeId: 'voice', from: 10, to: 11 },
    ]);
  });

  it('a save cut by a 401, then a page reload: the retry travels with the same key and charges once', async () => {
    const backend = new MemoryAdapter(smallSeed());
    const storage = memoryStorage();
    const keys: string[] = [];
    const adapter = wrap(backend, {
      commit: (c, o) => {
        keys.push(o.idempotencyKey);
        return keys.length === 1
          ? Promise.reject(new PermissionError('Signed out.', { status: 401 }))
          : backend.commit(c, o);
      },
    });
    const before = new LicensingStore(adapter, { rules: ruleBook }).keepCart('acme', storage);
    await before.load();
    before.setCount('voice', 12);
    expect((await before.commit()).ok).to.equal(false);
    const after = new LicensingStore(adapter, { rules: ruleBook }).keepCart('acme', storage);
    await after.load();
    expect((await after.commit()).ok).to.equal(true);
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
  });
});
