// The memory adapter's assignments across a reload and another tab (R12, `storageKey`): the agents an
// assignment changed are stored with the snapshot, so the in-use figures and the holders listed in
// the usage overview never drift apart and a type never ends above its count.
import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import { lineFor } from '../src/core/index.js';

/** A storage shared by "tabs" (adapters) of one test. */
function sharedStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

/** Options of one call; "both" (the types that require voice go too). */
const key = (idempotencyKey: string, expectedVersion: string) => ({
  expectedVersion,
  idempotencyKey,
  alsoLinked: true,
});

/** In use as the snapshot says, and the holders the usage overview lists. */
async function voice(adapter: MemoryAdapter): Promise<{ inUse: number; holders: number }> {
  const snapshot = await adapter.load();
  const page = await adapter.listUsage({ typeId: 'voice', offset: 0, limit: 3 });
  return { inUse: lineFor(snapshot, 'voice').inUse, holders: page.total };
}

async function firstVoiceHolders(adapter: MemoryAdapter, n: number): Promise<string[]> {
  const page = await adapter.listUsage({ typeId: 'voice', offset: 0, limit: 50 });
  return page.agents.slice(0, n).map((agent) => agent.id);
}

describe('memory adapter: assignments kept with storageKey (R12)', () => {
  it('after a reload the holders are the ones the in-use figure counts; freeing them again changes nothing', async () => {
    const storage = sharedStorage();
    const first = new MemoryAdapter({}, { storageKey: 'assign-reload', storage });
    const before = await voice(first);
    expect(before.holders).to.equal(before.inUse);
    const ids = await firstVoiceHolders(first, 3);
    const { snapshot } = await first.unassign!(
      'voice',
      { agentIds: ids },
      key('a', (await first.load()).version),
    );

    const reloaded = new MemoryAdapter({}, { storageKey: 'assign-reload', storage });
    expect(await voice(reloaded)).to.deep.equal({ inUse: before.inUse - 3, holders: before.inUse - 3 });
    const { agents } = await reloaded.listUsage({ typeId: 'voice', offset: 0, limit: 100_000 });
    expect(agents.map((agent) => agent.id)).to.not.include.members(ids);

    const again = await reloaded.unassign!('voice', { agentIds: ids }, key('b', snapshot.version));
    expect(again.agents).to.deep.equal([]);
    expect(await voice(reloaded)).to.deep.equal({ inUse: before.inUse - 3, holders: before.inUse - 3 });
  });

  it("another tab's assignment brings its holders along; a commit there keeps them", async () => {
    const storage = sharedStorage();
    const tabA = new MemoryAdapter({}, { storageKey: 'assign-tabs', storage });
    const tabB = new MemoryAdapter({}, { storageKey: 'assign-tabs', storage });
    const start = await voice(tabB);
    const ids = await firstVoiceHolders(tabA, 2);
    const { snapshot } = await tabA.unassign!(
      'voice',
      { agentIds: ids },
      key('a', (await tabA.load()).version),
    );

    expect(await voice(tabB)).to.deep.equal({ inUse: start.inUse - 2, holders: start.inUse - 2 });
    const repeat = await tabB.unassign!('voice', { agentIds: ids }, key('b', snapshot.version));
    expect(repeat.agents).to.deep.equal([]);
    // tabB saves a count change (more voice): what it stores still has the two freed.
    const voiceCount = lineFor(snapshot, 'voice').count + 5;
    const saved = await tabB.commit({ counts: { voice: voiceCount } }, key('c', snapshot.version));
    const reloaded = new MemoryAdapter({}, { storageKey: 'assign-tabs', storage });
    expect(lineFor(await reloaded.load(), 'voice').count).to.equal(voiceCount);
    expect(await voice(reloaded)).to.deep.equal({ inUse: start.inUse - 2, holders: start.inUse - 2 });

    // Given back in tabA (a tab that has not looked since): tabB's index follows, back to the seed.
    await tabA.assign!('voice', { agentIds: ids }, key('d', saved.version));
    expect(await voice(tabB)).to.deep.equal(start);
  });

  it('stored agents of a broken shape: the whole stored state is refused for the seed', async () => {
    const storage = sharedStorage();
    const first = new MemoryAdapter({}, { storageKey: 'assign-broken', storage });
    const start = await voice(first);
    const ids = await firstVoiceHolders(first, 1);
    await first.unassign!('voice', { agentIds: ids }, key('a', (await first.load()).version));
    const stored = JSON.parse(storage.getItem('assign-broken')!) as { agents: Record<string, string[]> };
    expect(Object.keys(stored.agents)).to.deep.equal(ids);
    expect(stored.agents[ids[0]!]).to.not.include('voice');
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      storage.setItem('assign-broken', JSON.stringify({ ...stored, agents: { [ids[0]!]: 'voice' } }));
      expect(await voice(new MemoryAdapter({}, { storageKey: 'assign-broken', storage }))).to.deep.equal(
        start,
      );
      storage.setItem('assign-broken', JSON.stringify({ ...stored, agents: [] }));
      expect(await voice(new MemoryAdapter({}, { storageKey: 'assign-broken', storage }))).to.deep.equal(
        start,
      );
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(2);
  });
});
