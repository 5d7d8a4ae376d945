import { undoAssignment } from '../../core/assignment.js';
import type { AgentAssignment } from '../../core/index.js';
import type { LicensingStore } from '../../state/licensing-store.js';

/**
 * The undo of an assignment, from the changes it answered: R12's `undoAssignment` lists the calls
 * that give every agent back exactly what it had (undoing "Remove Voice and Outbound" gives both
 * back, each to those who held it). Made in order; rejects with the failure of the first call that
 * fails.
 */
export function undoOf(store: LicensingStore, changes: readonly AgentAssignment[]): () => Promise<void> {
  const steps = undoAssignment({ changes });
  return async () => {
    for (const { action, typeId, agentIds } of steps) {
      const outcome = await store[action](typeId, { agentIds }, { alsoLinked: false });
      if (!outcome.ok) throw 'error' in outcome ? outcome.error : new Error(outcome.reason);
    }
  };
}

/**
 * What an assignment changed, for its toast: how many agents gained or lost `typeId`, and the
 * linked type ("both") with how many of them it moved for too.
 */
export function changedCounts(
  changes: readonly AgentAssignment[],
  typeId: string,
): { count: number; linked: string | undefined; linkedCount: number } {
  let count = 0;
  const others = new Map<string, number>();
  for (const { add, remove } of changes)
    for (const id of [...add, ...remove])
      if (id === typeId) count++;
      else others.set(id, (others.get(id) ?? 0) + 1);
  const [linked, linkedCount = 0] = [...others][0] ?? [];
  return { count, linked, linkedCount };
}
