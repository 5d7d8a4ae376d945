// The conformance suite's change-request tests that need two users of one backend (a `view` user
// who sends, an `update` user who decides or saves): they run with `ConformanceOptions.requestPair`
// when the adapters offer requests, as part of describeAdapterConformance. They pin the contract
// the memory adapter, the MSW handlers and the reference server must all keep (issue #20).
import type { LicensingAdapter } from '../adapters/adapter.js';
import { LicensingError } from '../adapters/errors.js';
import type { ChangeRequest, LicensingSnapshot } from '../core/index.js';

/** Throws a failure named like the suite's own, so a runner reports it the same way. */
function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw Object.assign(new Error(message), { name: 'ConformanceFailure' });
}

async function rejection(promise: Promise<unknown>): Promise<LicensingError> {
  try {
    await promise;
  } catch (error) {
    check(error instanceof LicensingError, `expected a typed LicensingError, got ${String(error)}`);
    return error;
  }
  throw Object.assign(new Error('expected the call to reject, but it resolved'), {
    name: 'ConformanceFailure',
  });
}

/** Two adapters on one fresh backend: a `view` user who sends requests, an `update` user who decides. */
export interface RequestPair {
  readonly viewer: LicensingAdapter;
  readonly admin: LicensingAdapter;
}

interface RequestsSuite {
  it(name: string, body: () => Promise<void>): void;
  requestPair(): RequestPair | Promise<RequestPair>;
  raisable(snapshot: LicensingSnapshot): { typeId: string; count: number };
  key(): string;
}

const reasonOf = (error: LicensingError): unknown => (error as { reason?: unknown }).reason;

export function describeRequestsConformance({ it, requestPair, raisable, key }: RequestsSuite): void {
  /** The pair and a pending request of one more licence; undefined without the request methods. */
  async function pending(note = '') {
    const pair = await requestPair();
    const { viewer, admin } = pair;
    if (!viewer.requestChange || !admin.listRequests || !admin.decideRequest) return undefined;
    const before = await admin.load();
    const { typeId, count } = raisable(before);
    const changes = { counts: { [typeId]: count } };
    const request = await viewer.requestChange(changes, note, { idempotencyKey: key() });
    return { ...pair, before, changes, request, list: () => admin.listRequests!() };
  }
  const find = (list: readonly ChangeRequest[], id: string) => list.find((r) => r.id === id);

  it('commit() with requestId approves the request in the same commit, with the new version', async () => {
    const sent = await pending();
    if (!sent?.admin.commitsRequests) return;
    const { admin, changes, request } = sent;
    const after = await admin.commit(changes, {
      expectedVersion: (await admin.load()).version,
      idempotencyKey: key(),
      requestId: request.id,
    });
    const approved = find(await sent.list(), request.id);
    check(approved?.status === 'approved', `the request must be approved, not ${approved?.status}`);
    check(
      approved.version === after.version,
      `the approval must name the commit's version ${after.version}, not ${approved.version}`,
    );
  });

  it('commit() with requestId of a change the admin edited saves it and leaves the request pending', async () => {
    const { viewer, admin } = await requestPair();
    if (!viewer.requestChange || !admin.listRequests || !admin.commitsRequests) return;
    const before = await admin.load();
    // The request asks for two raises; the admin saves only the first (as if edited in the cart).
    const first = raisable(before);
    const raised = {
      ...before,
      lines: before.lines.map((l) => (l.typeId === first.typeId ? { ...l, count: first.count } : l)),
    };
    const second = raisable(raised);
    const asked = { counts: { [first.typeId]: first.count, [second.typeId]: second.count } };
    const request = await viewer.requestChange(asked, '', { idempotencyKey: key() });
    const after = await admin.commit(
      { counts: { [first.typeId]: first.count } },
      { expectedVersion: (await admin.load()).version, idempotencyKey: key(), requestId: request.id },
    );
    check(
      after.lines.find((l) => l.typeId === first.typeId)?.count === first.count,
      'the edited change must be saved',
    );
    const still = find(await admin.listRequests(), request.id);
    check(
      still?.status === 'pending',
      `a request whose change was not saved as asked must stay pending, not ${still?.status}`,
    );
  });

  it('commit() repeating a key with another request id is a ValidationError and approves nothing', async () => {
    const sent = await pending();
    if (!sent?.admin.commitsRequests) return;
    const { admin, changes, request } = sent;
    const idempotencyKey = key();
    const expectedVersion = (await admin.load()).version;
    const first = await admin.commit(changes, { expectedVersion, idempotencyKey });
    const error = await rejection(
      admin.commit(changes, { expectedVersion, idempotencyKey, requestId: request.id }),
    );
    check(
      error.kind === 'validation',
      `a key reused with another request id must be a ValidationError, got ${error.kind}`,
    );
    check((await admin.load()).version === first.version, 'the refused repeat must change nothing');
    check(find(await sent.list(), request.id)?.status === 'pending', 'the request must stay pending');
  });

  it('commit() with a request decided meanwhile is a ConflictError (request-decided) and changes nothing', async () => {
    const sent = await pending();
    if (!sent?.admin.commitsRequests) return;
    const { admin, changes, request } = sent;
    await admin.decideRequest!(request.id, { outcome: 'declined', reason: 'conformance' });
    const before = await admin.load();
    const error = await rejection(
      admin.commit(changes, {
        expectedVersion: before.version,
        idempotencyKey: key(),
        requestId: request.id,
      }),
    );
    check(
      error.kind === 'conflict' && reasonOf(error) === 'request-decided',
      `expected a ConflictError with reason request-decided, got ${error.kind} ${String(reasonOf(error))}`,
    );
    check((await admin.load()).version === before.version, 'a refused commit must change nothing');
    check(find(await sent.list(), request.id)?.status === 'declined', 'the request must stay declined');
  });

  it('listRequests() lists every pending request before the decided ones', async () => {
    const sent = await pending();
    if (!sent) return;
    const later = await sent.viewer.requestChange!(sent.changes, 'later', { idempotencyKey: key() });
    await sent.admin.decideRequest!(later.id, { outcome: 'declined', reason: 'conformance' });
    const ids = (await sent.list()).map((r) => r.id);
    check(ids.includes(sent.request.id), 'the pending request must be listed');
    check(
      ids.indexOf(sent.request.id) < ids.indexOf(later.id),
      'the older pending request must be listed before the newer decided one',
    );
  });

  it('requestChange() refuses a long note (note-too-long) and a key reused with another body (key-reused)', async () => {
    const sent = await pending('first');
    if (!sent) return;
    const { viewer, changes } = sent;
    const long = await rejection(viewer.requestChange!(changes, 'x'.repeat(1001), { idempotencyKey: key() }));
    check(
      long.kind === 'validation' && reasonOf(long) === 'note-too-long',
      `a note over 1000 characters must be a ValidationError with reason note-too-long, got ${long.kind} ${String(reasonOf(long))}`,
    );
    const reusedKey = key();
    await viewer.requestChange!(changes, 'one', { idempotencyKey: reusedKey });
    const reused = await rejection(viewer.requestChange!(changes, 'another', { idempotencyKey: reusedKey }));
    check(
      reused.kind === 'validation' && reasonOf(reused) === 'key-reused',
      `a key reused with another body must be a ValidationError with reason key-reused, got ${reused.kind} ${String(reasonOf(reused))}`,
    );
  });
}
