// The memory adapter's assignments (R12): an agent selection resolved on its usage index, judged
// and applied with `planAssignment` / `applyAssignment` from core, the version moved and the
// subscribers told as a commit does. The history records commits only, so assignments leave it
// alone; the agents it changes are stored with the snapshot (usage-index.ts `changes`), in one write.
import {
  MAX_ASSIGNMENT_AGENTS,
  applyAssignment,
  assignedLicences,
  planAssignment,
  type Agent,
  type AssignmentAction,
  type AssignmentSelection,
  type LicensingSnapshot,
} from '../../core/index.js';
import type { AssignOptions, AssignmentMethod, AssignmentResult, RequestOptions } from '../adapter.js';
import { AssignmentError } from '../assignment-error.js';
import { ConflictError, PermissionError, ValidationError } from '../errors.js';
import type { UsageIndex } from './usage-index.js';

/** What the memory adapter lends its assignments. */
export interface AssignmentHost {
  /** The latency and an injected failure, as every call has. */
  enter(method: AssignmentMethod, options: RequestOptions): Promise<void>;
  /** The snapshot now (another tab's taken first). */
  current(): LicensingSnapshot;
  usage(): UsageIndex;
  /** Stores `next` (throws `StorageError` when storage refuses it), takes it and tells subscribers. */
  accept(next: LicensingSnapshot): void;
  nextVersion(version: string): string;
}

const clone = <T>(value: T): T => structuredClone(value);

/** The agents a selection names, as they are now, or the refusal when it names too many or unknown ones. */
function selected(usage: UsageIndex, selection: AssignmentSelection): Agent[] {
  if ('agentIds' in selection) {
    const { agents, unknown } = usage.byIds(selection.agentIds);
    if (unknown.length) throw new AssignmentError([{ code: 'unknown-agents', agentIds: unknown }]);
    return agents;
  }
  // "All N matching", without copying a million agents to refuse them.
  const query = { ...selection.query, offset: 0 };
  const { total } = usage.page({ ...query, limit: 0 });
  if (total > MAX_ASSIGNMENT_AGENTS) {
    throw new AssignmentError([{ code: 'too-many-agents', requested: total, max: MAX_ASSIGNMENT_AGENTS }]);
  }
  return [...usage.page({ ...query, limit: total }).agents];
}

/** `assign` and `unassign` of one memory adapter, with their idempotency keys. */
export class MemoryAssignments {
  /** Per idempotency key, what was asked (as JSON) and the answer. */
  private readonly answered = new Map<string, { asked: string; result: AssignmentResult }>();

  constructor(private readonly host: AssignmentHost) {}

  /** Forgets the idempotency keys (the adapter's `reset`). */
  clear(): void {
    this.answered.clear();
  }

  async run(
    action: AssignmentAction,
    typeId: string,
    selection: AssignmentSelection,
    options: AssignOptions,
  ): Promise<AssignmentResult> {
    const { host } = this;
    await host.enter(action, options);
    const asked = JSON.stringify([action, typeId, selection, options.alsoLinked ?? false]);
    const repeat = this.answered.get(options.idempotencyKey);
    if (repeat && repeat.asked !== asked) {
      // As the reference backend: a key is one request; another body with it is refused (422).
      throw new ValidationError(
        'This Idempotency-Key was already used for another request. Send a new key.',
        {
          issues: [],
        },
      );
    }
    if (repeat) return clone(repeat.result);
    const snapshot = host.current();
    if (snapshot.permission !== 'update') throw new PermissionError();
    if (options.expectedVersion !== snapshot.version) {
      throw new ConflictError(undefined, { currentVersion: snapshot.version });
    }
    const usage = host.usage();
    const agents = selected(usage, selection);
    const plan = planAssignment(snapshot, typeId, agents, action, options);
    if (plan.problems.length) throw new AssignmentError(plan.problems);
    const byId = new Map(agents.map((agent) => [agent.id, agent]));
    const changed = plan.changes.map((change) => {
      const agent = byId.get(change.agentId)!;
      return { ...agent, licences: assignedLicences(agent.licences, change) };
    });
    const next = changed.length
      ? { ...applyAssignment(snapshot, plan), version: host.nextVersion(snapshot.version) }
      : snapshot;
    if (changed.length) {
      // The agents first, so a subscriber that asks for a page sees them; storage refusing the
      // snapshot (StorageError) puts them back: nothing is applied, as for a commit.
      usage.replace(changed);
      try {
        host.accept(next);
      } catch (error) {
        usage.replace(changed.map((agent) => byId.get(agent.id)!));
        throw error;
      }
    }
    const result: AssignmentResult = { snapshot: next, agents: changed, changes: plan.changes };
    this.answered.set(options.idempotencyKey, { asked, result: clone(result) });
    return clone(result);
  }
}
