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

/** The R12 problems of a refusal (an AssignmentError's `problems`), or none. */
function problemsOf(error: unknown): readonly Readonly<Record<string, unknown>>[] {
  check(
    error instanceof LicensingError && error.kind === 'validation',
    `expected an AssignmentError, got ${String(error)}`,
  );
  return 'problems' in error && Array.isArray(error.problems)
    ? (error.problems as Record<string, unknown>[])
    : [];
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

  it('a reused Idempotency-Key with another request is refused (422) and changes nothing', async () => {
    const adapter = await create();
    if (typeof adapter.assign !== 'function' || typeof adapter.unassign !== 'function') return;
    const before = await adapter.load();
    const { typeId, agent } = await holder(adapter, before);
    const idempotencyKey = key();
    const freed = await adapter.unassign(
      typeId,
      { agentIds: [agent.id] },
      { expectedVersion: before.version, idempotencyKey },
    );
    const reused = await refusal(
      adapter.assign(
        typeId,
        { agentIds: [agent.id] },
        { expectedVersion: freed.snapshot.version, idempotencyKey },
      ),
    );
    check(
      reused instanceof LicensingError && reused.kind === 'validation',
      `expected a ValidationError for a reused key, got ${String(reused)}`,
    );
    check(
      (await adapter.load()).version === freed.snapshot.version,
      'a refused assignment must change nothing',
    );
  });

  it('assign() above the count is refused with not-enough-available, how many were asked and are free', async () => {
    const adapter = await create();
    if (typeof adapter.assign !== 'function') return;
    const before = await adapter.load();
    const { agents } = await adapter.listUsage({ offset: 0, limit: 1000 });
    const full = before.catalog.find((type) => {
      const free = Math.max(0, lineFor(before, type.id).count - lineFor(before, type.id).inUse);
      return !type.requires && agents.filter((a) => !a.licences.includes(type.id)).length > free;
    });
    check(full, 'the fixture needs a type, requiring none, with fewer free licences than agents without it');
    const free = Math.max(0, lineFor(before, full.id).count - lineFor(before, full.id).inUse);
    const ids = agents
      .filter((a) => !a.licences.includes(full.id))
      .slice(0, free + 1)
      .map((a) => a.id);
    const error = await refusal(
      adapter.assign(full.id, { agentIds: ids }, { expectedVersion: before.version, idempotencyKey: key() }),
    );
    const problems = problemsOf(error);
    check(
      problems.some(
        (p) =>
          p.code === 'not-enough-available' &&
          p.typeId === full.id &&
          p.requested === free + 1 &&
          p.available === free,
      ),
      `expected not-enough-available (requested ${free + 1}, available ${free}), got ${JSON.stringify(problems)}`,
    );
    check((await adapter.load()).version === before.version, 'a refused assignment must change nothing');
  });

  it('assign() of a type that requires another, to an agent without that one: requires-licence', async () => {
    const adapter = await create();
    if (typeof adapter.assign !== 'function') return;
    const before = await adapter.load();
    const { agents } = await adapter.listUsage({ offset: 0, limit: 1000 });
    const type = before.catalog.find(
      (t) => t.requires && agents.some((a) => !a.licences.includes(t.requires!)),
    );
    check(
      type?.requires,
      'the fixture needs a type that requires another (outbound → voice) and an agent without it',
    );
    const agent = agents.find((a) => !a.licences.includes(type.requires!))!;
    const error = await refusal(
      adapter.assign(
        type.id,
        { agentIds: [agent.id] },
        { expectedVersion: before.version, idempotencyKey: key() },
      ),
    );
    const problems = problemsOf(error);
    check(
      problems.some(
        (p) =>
          p.code === 'requires-licence' &&
          p.typeId === type.id &&
          p.requiredTypeId === type.requires &&
          p.agents === 1,
      ),
      `expected requires-licence (${type.id} needs ${type.requires}), got ${JSON.stringify(problems)}`,
    );
    check((await adapter.load()).version === before.version, 'a refused assignment must change nothing');
  });

  it('unassign() of "all N matching" a usage query frees all N of them', async () => {
    const adapter = await create();
    if (typeof adapter.unassign !== 'function') return;
    const before = await adapter.load();
    const { typeId, agent } = await holder(adapter, before);
    const query = { typeId, search: agent.name };
    const { total } = await adapter.listUsage({ ...query, offset: 0, limit: 0 });
    check(total >= 1, 'the overview must find the agent by name under its type');
    const freed = await adapter.unassign(
      typeId,
      { query },
      { expectedVersion: before.version, idempotencyKey: key() },
    );
    check(
      lineFor(freed.snapshot, typeId).inUse === lineFor(before, typeId).inUse - total &&
        freed.agents.length === total,
      `unassigning "all ${total} matching" must free ${total} licences and answer ${total} agents`,
    );
    check(
      (await adapter.listUsage({ ...query, offset: 0, limit: 0 })).total === 0,
      'none may match afterwards',
    );
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
