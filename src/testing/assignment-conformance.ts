// The conformance suite's assignment tests (R12, `assign` / `unassign`, optional): they run when
// the adapter has both methods, as part of describeAdapterConformance.
import type { LicensingAdapter } from '../adapters/adapter.js';
import { LicensingError } from '../adapters/errors.js';
import { lineFor, type LicensingSnapshot } from '../core/index.js';

/** Throws a failure named like the suite's own, so a runner reports it the same way. */
function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw Object.assign(new Error(message), { name: 'ConformanceFailure' });
}

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  check(false, 'expected the call to reject, but it resolved');
}

interface AssignmentSuite {
  it(name: string, body: () => Promise<void>): void;
  create(): LicensingAdapter | Promise<LicensingAdapter>;
  viewOnly?(): LicensingAdapter | Promise<LicensingAdapter>;
  key(): string;
}

/** An agent who holds a type no other type requires (freeing it needs no "both"), and the type. */
async function holder(adapter: LicensingAdapter, snapshot: LicensingSnapshot) {
  const required = new Set(snapshot.catalog.map((type) => type.requires).filter(Boolean));
  for (const line of snapshot.lines) {
    if (line.inUse === 0 || required.has(line.typeId)) continue;
    const page = await adapter.listUsage({ typeId: line.typeId, offset: 0, limit: 1 });
    const agent = page.agents[0];
    if (agent) return { typeId: line.typeId, agent };
  }
  check(false, 'the fixture needs a type in use that no other type requires, held by an agent');
}

export function describeAssignmentConformance({ it, create, viewOnly, key }: AssignmentSuite): void {
  it('unassign() frees a licence (in use − 1, a new version, the agent answered); assign() of the agents answered undoes it', async () => {
    const adapter = await create();
    if (typeof adapter.assign !== 'function' || typeof adapter.unassign !== 'function') return;
    const before = await adapter.load();
    const { typeId, agent } = await holder(adapter, before);
    const options = { expectedVersion: before.version, idempotencyKey: key() };
    const freed = await adapter.unassign(typeId, { agentIds: [agent.id] }, options);
    check(freed.snapshot.version !== before.version, 'an assignment must answer a new version');
    check(
      lineFor(freed.snapshot, typeId).inUse === lineFor(before, typeId).inUse - 1,
      'unassigning one agent must free one licence',
    );
    check(
      lineFor(freed.snapshot, typeId).count === lineFor(before, typeId).count,
      'an assignment must not change the count',
    );
    check(
      freed.agents.length === 1 &&
        freed.agents[0]!.id === agent.id &&
        !freed.agents[0]!.licences.includes(typeId),
      'the answer must name the agent, without the type',
    );
    const repeat = await adapter.unassign(typeId, { agentIds: [agent.id] }, options);
    check(
      repeat.snapshot.version === freed.snapshot.version,
      'a repeated Idempotency-Key must return the first answer',
    );
    check((await adapter.load()).version === freed.snapshot.version, 'a repeat must change nothing');
    const back = await adapter.assign(
      typeId,
      { agentIds: freed.agents.map((a) => a.id) },
      { expectedVersion: freed.snapshot.version, idempotencyKey: key() },
    );
    check(
      JSON.stringify(back.snapshot.lines) === JSON.stringify(before.lines),
      'assigning the agents answered must restore the counts exactly',
    );
    const page = await adapter.listUsage({ typeId, offset: 0, limit: 1000 });
    check(
      page.agents.some((a) => a.id === agent.id),
      'the overview must list the agent under the type again',
    );
  });

  it('assign() / unassign() on a stale version, or of an unknown agent, are refused and change nothing', async () => {
    const adapter = await create();
    if (typeof adapter.assign !== 'function' || typeof adapter.unassign !== 'function') return;
    const before = await adapter.load();
    const { typeId, agent } = await holder(adapter, before);
    const stale = await refusal(
      adapter.unassign(
        typeId,
        { agentIds: [agent.id] },
        { expectedVersion: `${before.version}-stale`, idempotencyKey: key() },
      ),
    );
    check(
      stale instanceof LicensingError && stale.kind === 'conflict',
      `expected a ConflictError, got ${String(stale)}`,
    );
    const unknown = await refusal(
      adapter.unassign(
        typeId,
        { agentIds: ['no-such-agent'] },
        { expectedVersion: before.version, idempotencyKey: key() },
      ),
    );
    check(
      unknown instanceof LicensingError && unknown.kind === 'validation' && 'problems' in unknown,
      `expected an AssignmentError, got ${String(unknown)}`,
    );
    check((await adapter.load()).version === before.version, 'a refused assignment must change nothing');
  });

  if (viewOnly) {
    it('assign() / unassign() by a view user are refused (R1)', async () => {
      const adapter = await viewOnly();
      if (typeof adapter.unassign !== 'function') return;
      const before = await adapter.load();
      const typeId = before.lines.find((line) => line.inUse > 0)?.typeId ?? before.catalog[0]!.id;
      const page = await adapter.listUsage({ typeId, offset: 0, limit: 1 });
      const error = await refusal(
        adapter.unassign(
          typeId,
          { agentIds: [page.agents[0]?.id ?? 'no-such-agent'] },
          { expectedVersion: before.version, idempotencyKey: key() },
        ),
      );
      check(
        error instanceof LicensingError && error.kind === 'permission',
        `expected a PermissionError, got ${String(error)}`,
      );
    });
  }
}
