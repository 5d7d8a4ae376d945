// Undo of an assignment (R12, `undoAssignment`): each agent gets back exactly the licences it had,
// the linked ones too ("both": outbound with voice), in the memory adapter and over REST + MSW.
import { expect } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import { RestAdapter } from '../src/adapters/rest/index.js';
import { lineFor, ruleBook, undoAssignment, type Agent, type LicensingSnapshot } from '../src/core/index.js';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { createLicensingHandlers } from '../src/mocks/index.js';
import { LicensingStore, type AssignmentOutcome } from '../src/state/licensing-store.js';
import { smallSnapshot } from './helpers/fixtures.js';

const worker = setupWorker();
before(() => worker.start({ quiet: true, onUnhandledFrame: 'bypass' }));
after(() => worker.stop());
afterEach(() => worker.resetHandlers());

/** Ann and Ben hold voice and outbound, Cid voice, Dan nothing; room for two more outbound. */
function seed(): { snapshot: LicensingSnapshot; agents: Agent[] } {
  const agents: Agent[] = [
    { id: 'ann', name: 'Ann', licences: ['voice', 'outbound'] },
    { id: 'ben', name: 'Ben', licences: ['voice', 'outbound'] },
    { id: 'cid', name: 'Cid', licences: ['voice'] },
    { id: 'dan', name: 'Dan', licences: [] },
  ];
  const snapshot = smallSnapshot({
    lines: [
      { typeId: 'voice', count: 5, inUse: 3, peak: 3 },
      { typeId: 'outbound', count: 4, inUse: 2, peak: 2 },
    ],
  });
  return { snapshot, agents };
}

/** Each agent's licences, sorted, by id. */
async function holders(adapter: LicensingAdapter): Promise<Record<string, string[]>> {
  const { agents } = await adapter.listUsage({ offset: 0, limit: 10 });
  return Object.fromEntries(agents.map((agent) => [agent.id, [...agent.licences].sort()]));
}

function inUse(store: LicensingStore): Record<string, number> {
  const snapshot = store.state.snapshot!;
  return { voice: lineFor(snapshot, 'voice').inUse, outbound: lineFor(snapshot, 'outbound').inUse };
}

/** The store's calls of `undoAssignment(outcome)`, in order; each must succeed. */
async function undo(store: LicensingStore, outcome: AssignmentOutcome): Promise<void> {
  if (!outcome.ok) throw new Error(`the assignment failed: ${outcome.reason}`);
  for (const step of undoAssignment(outcome)) {
    const done = await store[step.action](step.typeId, { agentIds: step.agentIds });
    expect(done, `${step.action} ${step.typeId}`).to.include({ ok: true });
  }
}

describe('undoAssignment (R12): the calls, pure', () => {
  it('an unassign with "both" is undone by giving voice back first, then outbound to those who had it', () => {
    const changes = [
      { agentId: 'ann', add: [], remove: ['voice', 'outbound'] },
      { agentId: 'cid', add: [], remove: ['voice'] },
      { agentId: 'ben', add: [], remove: ['voice', 'outbound'] },
    ];
    expect(undoAssignment({ changes })).to.deep.equal([
      { action: 'assign', typeId: 'voice', agentIds: ['ann', 'cid', 'ben'] },
      { action: 'assign', typeId: 'outbound', agentIds: ['ann', 'ben'] },
    ]);
  });

  it('an assign with "both" is undone by taking outbound away first, then the voice it added', () => {
    const changes = [
      { agentId: 'cid', add: ['outbound'], remove: [] },
      { agentId: 'dan', add: ['outbound', 'voice'], remove: [] },
    ];
    expect(undoAssignment({ changes })).to.deep.equal([
      { action: 'unassign', typeId: 'outbound', agentIds: ['cid', 'dan'] },
      { action: 'unassign', typeId: 'voice', agentIds: ['dan'] },
    ]);
    expect(undoAssignment({ changes: [] })).to.deep.equal([]);
  });
});

for (const over of ['memory', 'REST + MSW'] as const) {
  describe(`undo of an assignment through the store, ${over} (R12)`, () => {
    const setUp = async () => {
      const backend = new MemoryAdapter(seed());
      let adapter: LicensingAdapter = backend;
      if (over === 'REST + MSW') {
        worker.use(...createLicensingHandlers({ backend, baseUrl: '/undo' }).handlers);
        adapter = new RestAdapter({ baseUrl: '/undo', retryDelay: 1 });
      }
      const store = new LicensingStore(adapter, { rules: ruleBook });
      await store.load();
      return { store, adapter, before: await holders(adapter) };
    };

    it('voice freed with "both" from Ann, Ben and Cid: undo gives Ann and Ben outbound back too', async () => {
      const { store, adapter, before } = await setUp();
      const outcome = await store.unassign(
        'voice',
        { agentIds: ['ann', 'ben', 'cid'] },
        { alsoLinked: true },
      );
      expect(outcome.ok && outcome.changes).to.deep.equal([
        { agentId: 'ann', add: [], remove: ['voice', 'outbound'] },
        { agentId: 'ben', add: [], remove: ['voice', 'outbound'] },
        { agentId: 'cid', add: [], remove: ['voice'] },
      ]);
      expect(inUse(store)).to.deep.equal({ voice: 0, outbound: 0 });
      await undo(store, outcome);
      expect(inUse(store)).to.deep.equal({ voice: 3, outbound: 2 });
      expect(await holders(adapter)).to.deep.equal(before);
      expect(store.state.changedElsewhere).to.equal(undefined);
    });

    it('outbound given with "both" to Cid and Dan: undo takes back outbound and only the voice Dan got', async () => {
      const { store, adapter, before } = await setUp();
      const outcome = await store.assign('outbound', { agentIds: ['cid', 'dan'] }, { alsoLinked: true });
      expect(inUse(store)).to.deep.equal({ voice: 4, outbound: 4 });
      await undo(store, outcome);
      expect(inUse(store)).to.deep.equal({ voice: 3, outbound: 2 });
      expect(await holders(adapter)).to.deep.equal(before);
    });
  });
}
