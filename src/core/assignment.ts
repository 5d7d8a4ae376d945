// R12 assignment (docs/rules.md): giving agents a licence type or taking it away, where the counts
// are. An assignment never takes a type above its count (available = count − in use); an agent who
// holds a type that requires another (outbound requires voice, the catalog's `requires`) must hold
// that one too, so the change is refused with the reason, or made for both when the caller asks.
// Both need `update` (R1). Pure: the memory adapter, the MSW handlers and the reference server judge
// and apply an assignment with these functions and nothing else.

import { canEdit } from './permissions.js';
import { findType, lineFor } from './lookup.js';
import type { Agent, LicensingSnapshot, Permission, UsageQuery } from './types.js';

/** Give agents a licence type, or take it away from them. */
export type AssignmentAction = 'assign' | 'unassign';

/** A usage query without its page: "all N matching" (`typeId` and `search` as the overview filters). */
export type UsageFilter = Omit<UsageQuery, 'offset' | 'limit'>;

/** Whom an assignment concerns: agents by id, or every agent a usage filter matches. */
export type AssignmentSelection = { readonly agentIds: readonly string[] } | { readonly query: UsageFilter };

/** The most agents one assignment may change (a larger selection is refused, `too-many-agents`). */
export const MAX_ASSIGNMENT_AGENTS = 10_000;

/** What the caller asks besides the type and the agents. */
export interface AssignmentOptions {
  /**
   * "Both" (R12): assigning a type that requires another also assigns that one to the agents
   * without it (outbound → voice too); unassigning a type others require also unassigns those
   * from the agents who hold them (voice → outbound too). Without it such a change is refused.
   */
  readonly alsoLinked?: boolean;
}

/** Why an assignment is refused, with the numbers its message needs (never words). */
export type AssignmentProblem =
  /** R1: only `update` may assign or unassign. */
  | { readonly code: 'permission-denied'; readonly permission: Exclude<Permission, 'update'> }
  | { readonly code: 'unknown-licence-type'; readonly typeId: string }
  /** Agent ids the backend does not know. */
  | { readonly code: 'unknown-agents'; readonly agentIds: readonly string[] }
  | { readonly code: 'too-many-agents'; readonly requested: number; readonly max: number }
  /** Assigning would take `typeId` above its count: `requested` new holders, `available` free. */
  | {
      readonly code: 'not-enough-available';
      readonly typeId: string;
      readonly requested: number;
      readonly available: number;
    }
  /** `agents` of the selection lack `requiredTypeId`, which `typeId` requires (assign without "both"). */
  | {
      readonly code: 'requires-licence';
      readonly typeId: string;
      readonly requiredTypeId: string;
      readonly agents: number;
    }
  /** `agents` of the selection hold `dependentTypeId`, which requires `typeId` (unassign without "both"). */
  | {
      readonly code: 'required-by-licence';
      readonly typeId: string;
      readonly dependentTypeId: string;
      readonly agents: number;
    };

/** One agent's change: the types it gains and loses (the requested type first, then the linked ones). */
export interface AgentAssignment {
  readonly agentId: string;
  readonly add: readonly string[];
  readonly remove: readonly string[];
}

/** What an assignment does, or why it may not. */
export interface AssignmentPlan {
  /** Empty when the assignment may be made. */
  readonly problems: readonly AssignmentProblem[];
  /** The agents that change (agents that already hold, or lack, the type are left out). */
  readonly changes: readonly AgentAssignment[];
  /** Per type id, how `inUse` moves (+ for assign, − for unassign). */
  readonly inUseDelta: Readonly<Record<string, number>>;
}

/** R12: licences of `typeId` set and not assigned: count − in use, never below 0. */
export function available(snapshot: LicensingSnapshot, typeId: string): number {
  const { count, inUse } = lineFor(snapshot, typeId);
  return Math.max(0, count - inUse);
}

/** `typeId` and, following `requires`, every type it needs (outbound → voice). */
function requiredChain(snapshot: LicensingSnapshot, typeId: string): string[] {
  const chain = [typeId];
  for (let type = findType(snapshot, typeId); type?.requires && !chain.includes(type.requires);) {
    chain.push(type.requires);
    type = findType(snapshot, type.requires);
  }
  return chain;
}

/** `typeId` and every type that needs it, directly or through another (voice → outbound). */
function dependentClosure(snapshot: LicensingSnapshot, typeId: string): string[] {
  const closure = [typeId];
  for (let i = 0; i < closure.length; i++) {
    for (const type of snapshot.catalog) {
      if (type.requires === closure[i] && !closure.includes(type.id)) closure.push(type.id);
    }
  }
  return closure;
}

/**
 * R12: what giving (`assign`) or taking away (`unassign`) `typeId` does to `agents` (as they are
 * now), or why it may not. Agents that already hold (assign) or lack (unassign) the type are left
 * alone; a selection where nothing changes is no problem and changes nothing.
 */
export function planAssignment(
  snapshot: LicensingSnapshot,
  typeId: string,
  agents: readonly Pick<Agent, 'id' | 'licences'>[],
  action: AssignmentAction,
  { alsoLinked = false }: AssignmentOptions = {},
): AssignmentPlan {
  const none: AssignmentPlan = { problems: [], changes: [], inUseDelta: {} };
  const { permission } = snapshot;
  if (!canEdit(permission)) return { ...none, problems: [{ code: 'permission-denied', permission }] };
  if (!findType(snapshot, typeId)) return { ...none, problems: [{ code: 'unknown-licence-type', typeId }] };
  if (agents.length > MAX_ASSIGNMENT_AGENTS) {
    return {
      ...none,
      problems: [{ code: 'too-many-agents', requested: agents.length, max: MAX_ASSIGNMENT_AGENTS }],
    };
  }
  const linked = action === 'assign' ? requiredChain(snapshot, typeId) : dependentClosure(snapshot, typeId);
  const problems: AssignmentProblem[] = [];
  const changes: AgentAssignment[] = [];
  const delta: Record<string, number> = Object.create(null) as Record<string, number>;
  const refusedLinks = new Map<string, number>();
  for (const agent of agents) {
    const held = new Set(agent.licences);
    if (action === 'assign' ? held.has(typeId) : !held.has(typeId)) continue;
    const extra = linked.slice(1).filter((id) => (action === 'assign' ? !held.has(id) : held.has(id)));
    for (const id of extra) refusedLinks.set(id, (refusedLinks.get(id) ?? 0) + 1);
    const moved = alsoLinked ? [typeId, ...extra] : [typeId];
    for (const id of moved) delta[id] = (delta[id] ?? 0) + (action === 'assign' ? 1 : -1);
    changes.push(
      action === 'assign'
        ? { agentId: agent.id, add: moved, remove: [] }
        : { agentId: agent.id, add: [], remove: moved },
    );
  }
  if (!alsoLinked) {
    for (const [id, count] of refusedLinks) {
      problems.push(
        action === 'assign'
          ? { code: 'requires-licence', typeId, requiredTypeId: id, agents: count }
          : { code: 'required-by-licence', typeId, dependentTypeId: id, agents: count },
      );
    }
  }
  if (action === 'assign') {
    for (const [id, requested] of Object.entries(delta)) {
      const free = available(snapshot, id);
      if (requested > free)
        problems.push({ code: 'not-enough-available', typeId: id, requested, available: free });
    }
  }
  return problems.length ? { ...none, problems } : { problems, changes, inUseDelta: delta };
}

/** R12: the problems of `planAssignment` alone; empty when the assignment may be made. */
export function assignmentProblems(
  snapshot: LicensingSnapshot,
  typeId: string,
  agents: readonly Pick<Agent, 'id' | 'licences'>[],
  action: AssignmentAction,
  options?: AssignmentOptions,
): readonly AssignmentProblem[] {
  return planAssignment(snapshot, typeId, agents, action, options).problems;
}

/**
 * The snapshot after `plan`: each type's `inUse` moved by its delta; counts, peaks and the version
 * untouched (an assignment is not an invoice change; the backend gives the new version).
 */
export function applyAssignment(snapshot: LicensingSnapshot, plan: AssignmentPlan): LicensingSnapshot {
  if (Object.keys(plan.inUseDelta).length === 0) return snapshot;
  // A type without a line has nothing available, so a plan never adds to one (it only frees).
  const lines = snapshot.lines.map((line) => {
    const delta = plan.inUseDelta[line.typeId];
    return delta ? { ...line, inUse: Math.max(0, line.inUse + delta) } : line;
  });
  return { ...snapshot, lines };
}

/** One agent after its change: the types removed, the added ones appended in catalog order of the plan. */
export function assignedLicences(licences: readonly string[], change: AgentAssignment): string[] {
  const kept = licences.filter((id) => !change.remove.includes(id));
  return [...kept, ...change.add.filter((id) => !kept.includes(id))];
}

/** One call of an assignment: give (`assign`) or take away (`unassign`) `typeId` of these agents. */
export interface AssignmentStep {
  readonly action: AssignmentAction;
  readonly typeId: string;
  readonly agentIds: readonly string[];
}

/**
 * R12: the calls that undo an assignment, from the `changes` it answered: each agent gets back
 * exactly the licences it had, the linked ones too ("both": outbound given back with voice). Per
 * type that changed, the opposite call with the agents it changed; a type others require is given
 * back before them and taken away after them, so no step needs "both" and none is refused for the
 * link. Make them in order; empty when nothing changed.
 */
export function undoAssignment({
  changes,
}: {
  readonly changes: readonly AgentAssignment[];
}): AssignmentStep[] {
  const take = new Map<string, string[]>();
  const give = new Map<string, string[]>();
  for (const { agentId, add, remove } of changes) {
    // In the order the plan listed them: the requested type, then those it linked.
    for (const typeId of add) take.set(typeId, [...(take.get(typeId) ?? []), agentId]);
    for (const typeId of remove) give.set(typeId, [...(give.get(typeId) ?? []), agentId]);
  }
  // Taken back: an assign added the requested type, then those it requires; the dependent goes first.
  // Given back: an unassign removed the type, then those that require it; the required comes first.
  const steps = (action: AssignmentAction, byType: Map<string, string[]>): AssignmentStep[] =>
    [...byType].map(([typeId, agentIds]) => ({ action, typeId, agentIds }));
  return [...steps('unassign', take), ...steps('assign', give)];
}

/**
 * R12 with a pending change of the count (the cart's draft, R3): what `typeId` has free now and
 * once the pending count is saved. `now` is count − in use (what the backend judges an assignment
 * by); `pending` is the draft's count when it differs from the saved one, `afterSave` pending − in
 * use (never below 0) and `mustFree` how many of those in use exceed it (what a reduction still
 * needs freed). Without a pending count both `pending` and `afterSave` are undefined.
 */
export interface Availability {
  readonly now: number;
  readonly inUse: number;
  readonly pending: number | undefined;
  readonly afterSave: number | undefined;
  readonly mustFree: number;
}

/** R12: `available` now and with the pending count of `typeId` from `pendingCounts` (the draft). */
export function availability(
  snapshot: LicensingSnapshot,
  typeId: string,
  pendingCounts: Readonly<Record<string, number>> = {},
): Availability {
  const { count, inUse } = lineFor(snapshot, typeId);
  const now = Math.max(0, count - inUse);
  const to = Object.hasOwn(pendingCounts, typeId) ? pendingCounts[typeId] : undefined;
  if (to === undefined || to === count) {
    return { now, inUse, pending: undefined, afterSave: undefined, mustFree: 0 };
  }
  return { now, inUse, pending: to, afterSave: Math.max(0, to - inUse), mustFree: Math.max(0, inUse - to) };
}

/**
 * R12: how many licences of the type would have to be freed before the pending count can be saved
 * if `requested` more agents got it now; 0 when the assignment leaves the pending count valid (or
 * there is none). Above `mustFree`, the assignment undoes (part of) a pending reduction.
 */
export function mustFreeAfter(availability: Availability, requested: number): number {
  const { pending, inUse } = availability;
  return pending === undefined ? 0 : Math.max(0, inUse + requested - pending);
}
