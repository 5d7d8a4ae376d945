// The store's assignments next to a save (R12): a save asked for while an assignment is in flight
// waits for it and goes on the version it leaves (never a conflict caused by the admin's own
// assignment), and the adapter's own push of an assignment is never "changed by someone else".
import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import { lineFor, ruleBook, type Agent } from '../src/core/index.js';
import { LicensingStore } from '../src/state/licensing-store.js';
import type { LicensingState } from '../src/state/index.js';
import { smallSnapshot } from './helpers/fixtures.js';

/** Voice 11 of 11 in use, email 0 of 2. */
function fullVoice(): { snapshot: ReturnType<typeof smallSnapshot>; agents: Agent[] } {
  const agents = Array.from({ length: 11 }, (_, i) => ({
    id: `v${i + 1}`,
    name: `Agent ${i + 1}`,
    licences: ['voice'],
  }));
  const snapshot = smallSnapshot({
    lines: [
      { typeId: 'voice', count: 11, inUse: 11, peak: 11 },
      { typeId: 'email', count: 2, inUse: 0, peak: 2 },
    ],
  });
  return { snapshot, agents };
}

async function loaded(adapter: MemoryAdapter): Promise<LicensingStore> {
  const store = new LicensingStore(adapter, { rules: ruleBook });
  await store.load();
  return store;
}

describe('store: a save asked for during an assignment (R12)', () => {
  it('"free 3, then reduce to 8" pressed at once: the save waits for the freeing and is saved, no conflict', async () => {
    const adapter = new MemoryAdapter(fullVoice(), { latency: 20 });
    const store = await loaded(adapter);
    store.setCount('voice', 8);
    expect(store.state.canSave).to.equal(false);
    const freeing = store.unassign('voice', { agentIds: ['v1', 'v2', 'v3'] });
    const saving = store.commit();
    expect(await freeing).to.include({ ok: true });
    const saved = await saving;
    expect(saved).to.include({ ok: true });
    expect(lineFor(store.state.snapshot!, 'voice')).to.deep.include({ count: 8, inUse: 8 });
    expect(store.state.snapshot!.version).to.equal('v3');
    expect(store.state.changedElsewhere).to.equal(undefined);
  });

  it('a save pressed while an assignment is answered goes on the version it left, not as a conflict', async () => {
    const adapter = new MemoryAdapter(fullVoice(), { latency: 30 });
    const store = await loaded(adapter);
    // The first one loads the store's assignment part; the second is then in flight at once.
    expect(await store.unassign('voice', { agentIds: ['v1'] })).to.include({ ok: true });
    store.setCount('email', 3);
    const freeing = store.unassign('voice', { agentIds: ['v2'] });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const saved = await store.commit();
    expect(saved).to.include({ ok: true });
    expect(await freeing).to.include({ ok: true });
    const snapshot = store.state.snapshot!;
    expect(snapshot.version).to.equal('v4');
    expect(lineFor(snapshot, 'email').count).to.equal(3);
    expect(lineFor(snapshot, 'voice').inUse).to.equal(9);
    expect(store.state.changedElsewhere).to.equal(undefined);
    expect(store.state.commit.status).to.equal('saved');
  });

  it('a store without rules: an assignment asked while the save loads them is waited for too', async () => {
    const adapter = new MemoryAdapter(fullVoice(), { latency: 20 });
    const store = new LicensingStore(adapter);
    await store.load();
    store.setCount('email', 3);
    const saving = store.commit();
    const freeing = store.unassign('voice', { agentIds: ['v1'] });
    expect(await saving).to.include({ ok: true });
    expect(await freeing).to.include({ ok: true });
    const snapshot = store.state.snapshot!;
    expect(snapshot.version).to.equal('v3');
    expect(lineFor(snapshot, 'email').count).to.equal(3);
    expect(lineFor(snapshot, 'voice').inUse).to.equal(10);
    expect(store.state.changedElsewhere).to.equal(undefined);
  });

  it("the adapter's own push of an assignment never shows as changed by someone else", async () => {
    const adapter = new MemoryAdapter(fullVoice());
    const store = await loaded(adapter);
    const states: LicensingState[] = [];
    const stop = store.subscribe((state) => states.push(state));
    store.setCount('voice', 10);
    for (const id of ['v1', 'v2'])
      expect(await store.unassign('voice', { agentIds: [id] })).to.include({ ok: true });
    expect(await store.assign('voice', { agentIds: ['v1'] })).to.include({ ok: true });
    stop();
    expect(states.length).to.be.greaterThan(3);
    expect(states.filter((state) => state.changedElsewhere !== undefined)).to.deep.equal([]);
    expect(store.state.draft).to.deep.equal({ counts: { voice: 10 } });
    expect((await store.commit()).ok).to.equal(true);
  });
});
