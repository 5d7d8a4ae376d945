// The conformance suite's history tests (`listHistory`, optional): they run when the adapter has
// the method, as part of describeAdapterConformance.
import type { LicensingAdapter } from '../adapters/adapter.js';
import { compareHistory, type LicensingSnapshot } from '../core/index.js';

/** Throws a failure named like the suite's own, so a runner reports it the same way. */
function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw Object.assign(new Error(message), { name: 'ConformanceFailure' });
}

interface HistorySuite {
  it(name: string, body: () => Promise<void>): void;
  create(): LicensingAdapter | Promise<LicensingAdapter>;
  viewOnly?(): LicensingAdapter | Promise<LicensingAdapter>;
  raisable(snapshot: LicensingSnapshot): { typeId: string; count: number };
  key(): string;
}

export function describeHistoryConformance({ it, create, viewOnly, raisable, key }: HistorySuite): void {
  /** An adapter with one new commit of one more licence of a type; undefined without listHistory. */
  async function afterCommit() {
    const adapter = await create();
    if (typeof adapter.listHistory !== 'function') return undefined;
    const before = await adapter.load();
    const { typeId, count } = raisable(before);
    const after = await adapter.commit(
      { counts: { [typeId]: count } },
      { expectedVersion: before.version, idempotencyKey: key() },
    );
    return { adapter, listHistory: adapter.listHistory.bind(adapter), typeId, count, after };
  }

  it('listHistory() lists a commit first, with its change from → to and the quoted invoice effect', async () => {
    const done = await afterCommit();
    if (!done) return;
    const page = await done.listHistory({ offset: 0, limit: 50 });
    check(page.total >= 1 && page.entries.length >= 1, 'the commit must be in the history');
    const [newest] = page.entries;
    check(
      newest!.version === done.after.version,
      `the newest entry must be the commit (${done.after.version})`,
    );
    const change = newest!.changes.find((c) => c.kind === 'count' && c.typeId === done.typeId);
    check(
      change && change.from === done.count - 1 && change.to === done.count,
      `expected ${done.typeId} ${done.count - 1} → ${done.count}, got ${JSON.stringify(newest!.changes)}`,
    );
    check(
      Number.isSafeInteger(newest!.nextMonth.amount) && Number.isSafeInteger(newest!.thisMonth.amount),
      'the invoice effects must be integer minor units',
    );
    const sorted = [...page.entries].sort(compareHistory);
    check(
      sorted.every((entry, i) => entry.id === page.entries[i]!.id),
      'the history must be newest first',
    );
  });

  it('listHistory() filters by type and period, and pages by total', async () => {
    const done = await afterCommit();
    if (!done) return;
    const all = await done.listHistory({ offset: 0, limit: 50 });
    const typed = await done.listHistory({ type: done.typeId, offset: 0, limit: 50 });
    check(
      typed.entries.some((e) => e.version === done.after.version),
      'the type filter must keep a commit that changed the type',
    );
    const other = await done.listHistory({ type: 'no-such-licence-type', offset: 0, limit: 50 });
    check(other.total === 0 && other.entries.length === 0, 'an unknown type matches nothing');
    const future = await done.listHistory({ from: '2999-01-01T00:00:00Z', offset: 0, limit: 50 });
    check(future.total === 0, 'nothing was committed after 2999');
    const first = await done.listHistory({ offset: 0, limit: 1 });
    check(first.entries.length === 1 && first.total === all.total, 'a page of one keeps the total');
  });

  if (viewOnly) {
    it('listHistory() answers a view user', async () => {
      const adapter = await viewOnly();
      if (typeof adapter.listHistory !== 'function') return;
      const page = await adapter.listHistory({ offset: 0, limit: 5 });
      check(Number.isSafeInteger(page.total), 'a view user may read the history');
    });
  }
}
