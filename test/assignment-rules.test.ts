// R12 assignment as pure functions (docs/rules.md): above the count, outbound needs voice (or
// "both"), update only, and what an assignment does to in-use and to the agents.
import { expect } from '@open-wc/testing';
import {
  MAX_ASSIGNMENT_AGENTS,
  applyAssignment,
  assignedLicences,
  assignmentProblems,
  available,
  lineFor,
  planAssignment,
  type Agent,
} from '../src/core/index.js';
import { smallAgents, smallSnapshot } from './helpers/fixtures.js';

const [anna, ben, carla, david] = smallAgents as [Agent, Agent, Agent, Agent];

describe('core/assignment (R12)', () => {
  it('available is count − in use, never below 0, and 0 for a type without a line', () => {
    const snapshot = smallSnapshot();
    expect(available(snapshot, 'voice')).to.equal(7);
    expect(available(snapshot, 'outbound')).to.equal(2);
    const over = smallSnapshot({ lines: [{ typeId: 'voice', count: 2, inUse: 5, peak: 5 }] });
    expect(available(over, 'voice')).to.equal(0);
    expect(available(over, 'email')).to.equal(0);
  });

  it('unassigning frees in-use by the agents that held the type; the others are left alone', () => {
    const snapshot = smallSnapshot();
    const plan = planAssignment(snapshot, 'email', [ben, david], 'unassign');
    expect(plan.problems).to.deep.equal([]);
    expect(plan.changes).to.deep.equal([{ agentId: 'a2', add: [], remove: ['email'] }]);
    expect(plan.inUseDelta).to.deep.include({ email: -1 });
    const after = applyAssignment(snapshot, plan);
    expect(lineFor(after, 'email')).to.deep.equal({ typeId: 'email', count: 2, inUse: 0, peak: 2 });
    // Counts, peaks and the version are not an assignment's to change.
    expect(after.version).to.equal(snapshot.version);
    expect(lineFor(after, 'voice')).to.equal(lineFor(snapshot, 'voice'));
    expect(assignedLicences(ben.licences, plan.changes[0]!)).to.deep.equal(['voice', 'call-recording']);
  });

  it('never takes a type above its count: says how many were asked and how many are free', () => {
    const snapshot = smallSnapshot({ lines: [{ typeId: 'email', count: 2, inUse: 1, peak: 2 }] });
    expect(assignmentProblems(snapshot, 'email', [anna, carla], 'assign')).to.deep.equal([
      { code: 'not-enough-available', typeId: 'email', requested: 2, available: 1 },
    ]);
    const one = planAssignment(snapshot, 'email', [anna, ben], 'assign');
    expect(one.problems).to.deep.equal([]);
    expect(one.changes).to.deep.equal([{ agentId: 'a1', add: ['email'], remove: [] }]);
  });

  it('refuses outbound for an agent without voice, or assigns both when asked (and both must be free)', () => {
    const snapshot = smallSnapshot();
    expect(assignmentProblems(snapshot, 'outbound', [ben, david], 'assign')).to.deep.equal([
      { code: 'requires-licence', typeId: 'outbound', requiredTypeId: 'voice', agents: 1 },
    ]);
    const both = planAssignment(snapshot, 'outbound', [ben, david], 'assign', { alsoLinked: true });
    expect(both.problems).to.deep.equal([]);
    expect(both.changes).to.deep.equal([
      { agentId: 'a2', add: ['outbound'], remove: [] },
      { agentId: 'a4', add: ['outbound', 'voice'], remove: [] },
    ]);
    expect({ ...both.inUseDelta }).to.deep.equal({ outbound: 2, voice: 1 });
    const noVoice = smallSnapshot({
      lines: [
        { typeId: 'voice', count: 3, inUse: 3, peak: 3 },
        { typeId: 'outbound', count: 4, inUse: 2, peak: 4 },
      ],
    });
    expect(assignmentProblems(noVoice, 'outbound', [david], 'assign', { alsoLinked: true })).to.deep.equal([
      { code: 'not-enough-available', typeId: 'voice', requested: 1, available: 0 },
    ]);
  });

  it('refuses taking voice from an agent who holds outbound, or frees both when asked', () => {
    const snapshot = smallSnapshot();
    expect(assignmentProblems(snapshot, 'voice', [anna, ben, carla], 'unassign')).to.deep.equal([
      { code: 'required-by-licence', typeId: 'voice', dependentTypeId: 'outbound', agents: 2 },
    ]);
    const both = planAssignment(snapshot, 'voice', [anna, ben], 'unassign', { alsoLinked: true });
    expect(both.changes).to.deep.equal([
      { agentId: 'a1', add: [], remove: ['voice', 'outbound'] },
      { agentId: 'a2', add: [], remove: ['voice'] },
    ]);
    const after = applyAssignment(snapshot, both);
    expect([lineFor(after, 'voice').inUse, lineFor(after, 'outbound').inUse]).to.deep.equal([1, 1]);
    expect(assignedLicences(anna.licences, both.changes[0]!)).to.deep.equal(['call-recording']);
    // Outbound alone may always go.
    expect(assignmentProblems(snapshot, 'outbound', [anna], 'unassign')).to.deep.equal([]);
  });

  it('needs update (R1), a known type and at most MAX_ASSIGNMENT_AGENTS agents', () => {
    expect(
      assignmentProblems(smallSnapshot({ permission: 'view' }), 'email', [anna], 'assign'),
    ).to.deep.equal([{ code: 'permission-denied', permission: 'view' }]);
    expect(assignmentProblems(smallSnapshot(), 'fax', [anna], 'assign')).to.deep.equal([
      { code: 'unknown-licence-type', typeId: 'fax' },
    ]);
    const many = Array.from({ length: MAX_ASSIGNMENT_AGENTS + 1 }, (_, i) => ({ id: `x${i}`, licences: [] }));
    expect(assignmentProblems(smallSnapshot(), 'email', many, 'assign')).to.deep.equal([
      { code: 'too-many-agents', requested: MAX_ASSIGNMENT_AGENTS + 1, max: MAX_ASSIGNMENT_AGENTS },
    ]);
  });

  it('unassign then assign of the same agents restores the counts and the agents exactly (undo)', () => {
    const snapshot = smallSnapshot();
    const apply = (from: typeof snapshot, agents: Agent[], plan: ReturnType<typeof planAssignment>) => ({
      snapshot: applyAssignment(from, plan),
      agents: agents.map((agent) => {
        const change = plan.changes.find((c) => c.agentId === agent.id);
        return change ? { ...agent, licences: assignedLicences(agent.licences, change) } : agent;
      }),
    });
    const freed = apply(snapshot, [ben, david], planAssignment(snapshot, 'voice', [ben, david], 'unassign'));
    expect(lineFor(freed.snapshot, 'voice').inUse).to.equal(2);
    // Undo is the opposite call with the agents that changed (David had no voice to give back).
    const changed = freed.agents.filter((agent) => agent.id === 'a2');
    const undone = apply(freed.snapshot, changed, planAssignment(freed.snapshot, 'voice', changed, 'assign'));
    expect(undone.snapshot.lines).to.deep.equal(snapshot.lines);
    expect([...undone.agents[0]!.licences].sort()).to.deep.equal([...ben.licences].sort());
    // "Both" is undone by assigning the dependent type with "both": voice comes back with it.
    const both = apply(
      snapshot,
      [anna, carla],
      planAssignment(snapshot, 'voice', [anna, carla], 'unassign', { alsoLinked: true }),
    );
    expect([lineFor(both.snapshot, 'voice').inUse, lineFor(both.snapshot, 'outbound').inUse]).to.deep.equal([
      1, 0,
    ]);
    const back = apply(
      both.snapshot,
      both.agents,
      planAssignment(both.snapshot, 'outbound', both.agents, 'assign', { alsoLinked: true }),
    );
    expect(back.snapshot.lines).to.deep.equal(snapshot.lines);
  });
});
