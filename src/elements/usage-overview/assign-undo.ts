import type { LicenceType } from '../../core/index.js';
import type { LicensingStore } from '../../state/licensing-store.js';
import type { Action } from './assign-confirm.js';

/**
 * The undo of an assignment: the opposite call on the same agents (`ids`, those the adapter said
 * changed). Undoing "remove Voice and Outbound" gives Outbound (with its Voice) back to those who
 * held it, then Voice to the rest; undoing "assign Outbound and Voice" takes Outbound away, then
 * Voice from those who had none. `before` is what the picked agents held (empty for "all N
 * matching"). Rejects with the failure of the first call that fails.
 */
export function undoOf(
  store: LicensingStore,
  catalog: readonly LicenceType[],
  action: Action,
  typeId: string,
  ids: readonly string[],
  before: ReadonlyMap<string, readonly string[]>,
  alsoLinked: boolean,
): () => Promise<void> {
  const call = async (act: Action, type: string, agentIds: readonly string[], linked: boolean) => {
    const outcome = await store[act](type, { agentIds }, { alsoLinked: linked });
    if (!outcome.ok) throw 'error' in outcome ? outcome.error : new Error(outcome.reason);
  };
  return async () => {
    if (action === 'assign' && alsoLinked) {
      await call('unassign', typeId, ids, false);
      const required = catalog.find((type) => type.id === typeId)?.requires;
      const lacked = required
        ? ids.filter((id) => before.has(id) && !before.get(id)!.includes(required))
        : [];
      if (lacked.length) await call('unassign', required!, lacked, false);
      return;
    }
    if (action === 'unassign' && alsoLinked) {
      for (const dependent of catalog.filter((type) => type.requires === typeId)) {
        const held = ids.filter((id) => before.get(id)?.includes(dependent.id));
        if (held.length) await call('assign', dependent.id, held, true);
      }
    }
    await call(action === 'assign' ? 'unassign' : 'assign', typeId, ids, alsoLinked);
  };
}
