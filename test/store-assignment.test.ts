// The store's assignments (R12) over the memory adapter: the admin's own assignment becomes the
// base (never "changed by someone else", never a conflict on the next save), and the cart's rules
// see the new in-use at once.
import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import { AssignmentError, PermissionError } from '../src/adapters/index.js';
import { lineFor, ruleBook, type Agent, type LicensingSnapshot } from '../src/core/index.js';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { LicensingStore } from '../src/state/licensing-store.js';
import { smallSeed, smallSnapshot } from './helpers/fixtures.js';

/** Voice 11 of 11 in use; Eva also holds outbound. */
function fullVoice(): { snapshot: ReturnType<typeof smallSnapshot>; agents: Agent[] } {
  const names = ['Adam', 'Bára', 'Cyril', 'Dana', 'Eva', 'Filip', 'Gita', 'Hana', 'Ivo', 'Jana', 'Karel'];
  const agents = names.map((name, i) => ({
    id: `v${i + 1}`,
    name,
    licences: name === 'Eva' ? ['voice', 'outbound'] : ['voice'],
  }));
  const snapshot = smallSnapshot({
    lines: [
      { typeId: 'voice', count: 11, inUse: 11, peak: 11 },
      { typeId: 'outbound', count: 1, inUse: 1, peak: 1 },
      { typeId: 'email', count: 2, inUse: 0, peak: 2 },
    ],
  });
  return { snapshot, agents: [...agents, { id: 'x1', name: 'Zoe', licences: [] }] };
}

async function loaded(adapter: MemoryAdapter): Promise<LicensingStore> {
  const store = new LicensingStore(adapter, { rules: ruleBook });
  await store.load();
  return store;
}

describe('store: assignment (R12), memory adapter', () => {
  it('blocked reduction → unassign 3 → reduction now valid → save succeeds with no conflict', async () => {
    const adapter = new MemoryAdapter(fullVoice());
    const store = await loaded(adapter);
    // Subscribed, as widgets are: the adapter tells subscribers before it answers.
    const seen: (string | undefined)[] = [];
    const stop = store.subscribe((state) => seen.push(state.snapshot?.version));
    expect(store.canAssign).to.equal(true);
    store.setCount('voice', 8);
    expect(store.state.issues.map((issue) => issue.code)).to.deep.equal(['reduce-below-in-use']);
    expect(store.state.canSave).to.equal(false);

    const outcome = await store.unassign('voice', { agentIds: ['v1', 'v2', 'v3'] });
    expect(outcome.ok).to.equal(true);
    if (!outcome.ok) return;
    expect(outcome.agents.map((agent) => [agent.id, agent.licences])).to.deep.equal([
      ['v1', []],
      ['v2', []],
      ['v3', []],
    ]);
    expect(lineFor(store.state.snapshot!, 'voice')).to.deep.include({ count: 11, inUse: 8 });
    expect(store.state.snapshot!.version).to.equal('v2');
    // The draft kept, judged again at once: nothing blocks it now, and nobody else changed anything.
    expect(store.state.draft).to.deep.equal({ counts: { voice: 8 } });
    expect(store.state.issues).to.deep.equal([]);
    expect(store.state.canSave).to.equal(true);
    expect(store.state.changedElsewhere).to.equal(undefined);
    expect(store.state.commit.status).to.equal('idle');

    const saved = await store.commit();
    expect(saved.ok).to.equal(true);
    expect(store.state.commit.status).to.equal('saved');
    expect(lineFor(store.state.snapshot!, 'voice')).to.deep.include({ count: 8, inUse: 8 });
    expect(store.state.changedElsewhere).to.equal(undefined);
    expect(adapter.mutations).to.equal(2);
    expect(seen).to.not.include(undefined);
    stop();
  });

  it('refuses taking voice from an agent who holds outbound, says why, and frees both when asked', async () => {
    const adapter = new MemoryAdapter(fullVoice());
    const store = await loaded(adapter);
    const refused = await store.unassign('voice', { agentIds: ['v4', 'v5'] });
    expect(refused).to.deep.include({ ok: false, reason: 'refused' });
    if (refused.ok || refused.reason !== 'refused') return;
    expect(refused.problems).to.deep.equal([
      { code: 'required-by-licence', typeId: 'voice', dependentTypeId: 'outbound', agents: 1 },
    ]);
    expect(refused.error).to.be.instanceOf(AssignmentError);
    expect(store.state.snapshot!.version).to.equal('v1');

    const both = await store.unassign('voice', { agentIds: ['v4', 'v5'] }, { alsoLinked: true });
    expect(both.ok).to.equal(true);
    expect(lineFor(store.state.snapshot!, 'voice').inUse).to.equal(9);
    expect(lineFor(store.state.snapshot!, 'outbound').inUse).to.equal(0);
    const page = await store.listUsage({ typeId: 'outbound', offset: 0, limit: 10 });
    expect(page.total).to.equal(0);
  });

  it('refuses assigning above the count, with how many are free, and changes nothing', async () => {
    const adapter = new MemoryAdapter(fullVoice());
    const store = await loaded(adapter);
    const outcome = await store.assign('voice', { agentIds: ['x1'] });
    expect(outcome).to.deep.include({ ok: false, reason: 'refused' });
    if (outcome.ok || outcome.reason !== 'refused') return;
    expect(outcome.problems).to.deep.equal([
      { code: 'not-enough-available', typeId: 'voice', requested: 1, available: 0 },
    ]);
    expect(adapter.mutations).to.equal(0);
    // Outbound to Zoe, who has no voice: refused for the missing voice even with "both" (none free).
    const both = await store.assign('outbound', { agentIds: ['x1'] }, { alsoLinked: true });
    expect(both.ok).to.equal(false);
    expect(both).to.deep.include({ reason: 'refused' });
    if (both.ok || both.reason !== 'refused') return;
    expect(both.problems).to.deep.equal([
      { code: 'not-enough-available', typeId: 'outbound', requested: 1, available: 0 },
      { code: 'not-enough-available', typeId: 'voice', requested: 1, available: 0 },
    ]);
    expect(adapter.mutations).to.equal(0);
  });

  it('unassign then assign of the agents answered restores the counts and the overview exactly (undo)', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const store = await loaded(adapter);
    const before = store.state.snapshot!.lines;
    const beforePage = await store.listUsage({ offset: 0, limit: 10 });
    const freed = await store.unassign('email', { query: { search: 'example.com' } });
    expect(freed.ok).to.equal(true);
    if (!freed.ok) return;
    expect(freed.agents.map((agent) => agent.id)).to.deep.equal(['a2']);
    expect((await store.listUsage({ offset: 0, limit: 10 })).countsByType['email']).to.equal(0);
    const undone = await store.assign('email', { agentIds: freed.agents.map((agent) => agent.id) });
    expect(undone.ok).to.equal(true);
    expect(store.state.snapshot!.lines).to.deep.equal(before);
    const page = await store.listUsage({ offset: 0, limit: 10 });
    expect(page.countsByType).to.deep.equal(beforePage.countsByType);
    expect(page.agents.map((agent) => [...agent.licences].sort())).to.deep.equal(
      beforePage.agents.map((agent) => [...agent.licences].sort()),
    );
  });

  it('view: no assignment (canAssign false, refused by the store and by the adapter)', async () => {
    const adapter = new MemoryAdapter(smallSeed({ permission: 'view' }));
    const store = await loaded(adapter);
    expect(store.canAssign).to.equal(false);
    expect(await store.unassign('email', { agentIds: ['a2'] })).to.deep.equal({
      ok: false,
      reason: 'permission',
    });
    let thrown: unknown;
    await adapter.unassign!(
      'email',
      { agentIds: ['a2'] },
      { expectedVersion: 'v1', idempotencyKey: 'k' },
    ).catch((error: unknown) => (thrown = error));
    expect(thrown).to.be.instanceOf(PermissionError);
  });

  it('an adapter without the methods: canAssign false, the store says not supported', async () => {
    const adapter = new MemoryAdapter(smallSeed(), { assignment: false });
    const store = await loaded(adapter);
    expect(adapter.assign).to.equal(undefined);
    expect(store.canAssign).to.equal(false);
    expect(await store.assign('email', { agentIds: ['a1'] })).to.deep.equal({
      ok: false,
      reason: 'not-supported',
    });
    const before = new LicensingStore(adapter);
    expect(await before.assign('email', { agentIds: ['a1'] })).to.deep.equal({
      ok: false,
      reason: 'not-loaded',
    });
  });

  it('another admin’s version first: a conflict, loaded and listed as theirs; a failure says so', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const store = await loaded(adapter);
    // Another admin raises email behind this store's back (it does not subscribe).
    await adapter.commit({ counts: { email: 5 } }, { expectedVersion: 'v1', idempotencyKey: 'other' });
    const outcome = await store.assign('email', { agentIds: ['a1'] });
    expect(outcome).to.deep.include({ ok: false, reason: 'conflict' });
    expect(store.state.snapshot!.version).to.equal('v2');
    expect(store.state.changedElsewhere?.changes.map((change) => change.kind)).to.deep.equal(['count']);
    // Tried again on the version now shown, it is made.
    expect((await store.assign('email', { agentIds: ['a1'] })).ok).to.equal(true);

    adapter.failNext('unassign', 'server');
    const failed = await store.unassign('email', { agentIds: ['a1'] });
    expect(failed).to.deep.include({ ok: false, reason: 'failed' });
    expect(lineFor(store.state.snapshot!, 'email').inUse).to.equal(2);
  });

  it('two assignments asked at once run one after the other, each on the version the last left', async () => {
    const adapter = new MemoryAdapter(smallSeed(), { latency: 5 });
    const store = await loaded(adapter);
    const [one, two] = await Promise.all([
      store.unassign('email', { agentIds: ['a2'] }),
      store.assign('email', { agentIds: ['a4'] }),
    ]);
    expect([one.ok, two.ok]).to.deep.equal([true, true]);
    expect(store.state.snapshot!.version).to.equal('v3');
  });

  it('the adapter answers a retry with the same key once, and refuses unknown agents and a stale version', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const options = { expectedVersion: 'v1', idempotencyKey: 'same' };
    const first = await adapter.assign!('email', { agentIds: ['a1'] }, options);
    const again = await adapter.assign!('email', { agentIds: ['a1'] }, options);
    expect(again).to.deep.equal(first);
    expect(adapter.mutations).to.equal(1);
    const unknown = await adapter.assign!(
      'email',
      { agentIds: ['nobody'] },
      { expectedVersion: 'v2', idempotencyKey: 'u' },
    ).catch((error: unknown) => error);
    expect(unknown).to.be.instanceOf(AssignmentError);
    expect((unknown as AssignmentError).problems).to.deep.equal([
      { code: 'unknown-agents', agentIds: ['nobody'] },
    ]);
    const stale = await adapter.assign!(
      'email',
      { agentIds: ['a3'] },
      { expectedVersion: 'v1', idempotencyKey: 's' },
    ).catch((error: unknown) => error);
    expect(stale).to.have.property('kind', 'conflict');
  });
});

describe('memory adapter: assignment edges (R12)', () => {
  const options = (idempotencyKey: string, expectedVersion = 'v1') => ({ expectedVersion, idempotencyKey });

  it('an assignment that changes nothing keeps the version and answers no agent', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const result = await adapter.assign!('email', { agentIds: ['a2'] }, options('same'));
    expect(result.agents).to.deep.equal([]);
    expect(result.snapshot.version).to.equal('v1');
    expect(adapter.mutations).to.equal(0);
  });

  it('refuses "all N matching" above MAX_ASSIGNMENT_AGENTS without touching an agent', async () => {
    const agents = Array.from({ length: 10_001 }, (_, i) => ({
      id: `m${i}`,
      name: `Agent ${i}`,
      licences: [],
    }));
    const adapter = new MemoryAdapter({ snapshot: smallSnapshot(), agents });
    const error = await adapter.assign!('email', { query: {} }, options('many')).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(AssignmentError);
    expect((error as AssignmentError).problems).to.deep.equal([
      { code: 'too-many-agents', requested: 10_001, max: 10_000 },
    ]);
  });

  it('reset() brings the seed’s agents back and forgets the keys', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    await adapter.unassign!('email', { agentIds: ['a2'] }, options('k'));
    expect((await adapter.listUsage({ typeId: 'email', offset: 0, limit: 10 })).total).to.equal(0);
    adapter.reset();
    expect((await adapter.listUsage({ typeId: 'email', offset: 0, limit: 10 })).total).to.equal(1);
    const again = await adapter.unassign!('email', { agentIds: ['a2'] }, options('k'));
    expect(again.agents.map((agent) => agent.id)).to.deep.equal(['a2']);
  });

  it('storage that refuses the new state: nothing is applied (StorageError), the agents unchanged', async () => {
    const storage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    const adapter = new MemoryAdapter(smallSeed(), { storageKey: 'assign-full', storage });
    const error = await adapter.unassign!('email', { agentIds: ['a2'] }, options('k')).catch(
      (e: unknown) => e,
    );
    expect(error).to.have.property('name', 'StorageError');
    expect((await adapter.listUsage({ typeId: 'email', offset: 0, limit: 10 })).total).to.equal(1);
    expect((await adapter.load()).version).to.equal('v1');
  });
});

describe('store: assignment while other things happen (R12)', () => {
  it('refuses while the cart is saving, and an aborted signal ends it as failed', async () => {
    const adapter = new MemoryAdapter(smallSeed(), { latency: 20 });
    const store = await loaded(adapter);
    store.setCount('email', 3);
    const saving = store.commit();
    // Once the save is under way (a save asked for first waits for an assignment asked with it).
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(store.state.commit.status).to.equal('saving');
    expect(await store.unassign('email', { agentIds: ['a2'] })).to.deep.equal({
      ok: false,
      reason: 'saving',
    });
    await saving;
    const controller = new AbortController();
    controller.abort();
    const aborted = await store.unassign('email', { agentIds: ['a2'] }, { signal: controller.signal });
    expect(aborted).to.deep.include({ ok: false, reason: 'failed' });
  });

  it('another version pushed during the assignment is not lost: the store asks the backend after it', async () => {
    const backend = new MemoryAdapter(smallSeed());
    let push: ((snapshot: LicensingSnapshot) => void) | undefined;
    const adapter: LicensingAdapter = {
      load: (o) => backend.load(o),
      listUsage: (q, o) => backend.listUsage(q, o),
      commit: (c, o) => backend.commit(c, o),
      subscribe: (listener) => ((push = listener), () => (push = undefined)),
      assign: (t, s, o) => backend.assign!(t, s, o),
      unassign: async (t, s, o) => {
        const answer = await backend.unassign!(t, s, o);
        // Another admin's change lands right after, and its push arrives before the answer.
        const other = await backend.commit(
          { counts: { email: 5 } },
          { expectedVersion: answer.snapshot.version, idempotencyKey: 'other' },
        );
        push?.(other);
        return answer;
      },
    };
    const store = new LicensingStore(adapter, { rules: ruleBook });
    const stop = store.subscribe(() => undefined);
    await store.load();
    const outcome = await store.unassign('email', { agentIds: ['a2'] });
    expect(outcome.ok).to.equal(true);
    expect(store.state.snapshot!.version).to.equal('v3');
    expect(lineFor(store.state.snapshot!, 'email')).to.deep.include({ count: 5, inUse: 0 });
    stop();
  });
});
