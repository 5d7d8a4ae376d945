// The store and the adapters' side of change requests an admin can trust (issue #20): which
// adapters approve in the commit, what an adapter without that does (and that its failure shows),
// a view user's requests matched by user id, and RestAdapter's `requests: false`.
import { expect, waitUntil } from '@open-wc/testing';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import type { LicensingError } from '../src/adapters/errors.js';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import { RequestBook } from '../src/adapters/memory/requests.js';
import { RestAdapter } from '../src/adapters/rest/index.js';
import { ruleBook } from '../src/core/rule-book.js';
import { LicensingStore } from '../src/state/licensing-store.js';
import { smallSeed, smallSnapshot } from './helpers/fixtures.js';
import { rejection } from './helpers/rejection.js';

/** Eva's pending request for 12 Voice licences, on a backend now signed in as `update`. */
async function pendingOn(backend: MemoryAdapter) {
  const request = await backend.requestChange({ counts: { voice: 12 } }, '', { idempotencyKey: 'k' });
  backend.setPermission('update');
  return request;
}

/** `backend` behind an adapter that lacks `commitsRequests` (approves apart from the commit). */
const withoutCommitRequests = (backend: MemoryAdapter): LicensingAdapter => ({
  load: (o) => backend.load(o),
  listUsage: (q, o) => backend.listUsage(q, o),
  commit: (c, o) =>
    backend.commit(c, { expectedVersion: o.expectedVersion, idempotencyKey: o.idempotencyKey }),
  requestChange: (c, n, o) => backend.requestChange(c, n, o),
  listRequests: (o) => backend.listRequests(o),
  decideRequest: (id, d, o) => backend.decideRequest(id, d, o),
});

describe('change requests an admin can trust: store and adapters', () => {
  it('the built-in adapters approve in the commit; the store passes the reviewed request id', async () => {
    const backend = new MemoryAdapter(smallSeed({ permission: 'view' }), { user: 'Eva' });
    const request = await pendingOn(backend);
    expect(backend.commitsRequests).to.equal(true);
    expect(new RestAdapter({ baseUrl: '/x' }).commitsRequests).to.equal(true);
    const store = new LicensingStore(backend, { rules: ruleBook });
    await store.load();
    await store.requests.load();
    await store.requests.review(request);
    backend.failNext('decideRequest', 'network'); // never called: the commit approves it
    const result = await store.commit();
    expect(result.ok).to.equal(true);
    const [approved] = await backend.listRequests();
    expect(approved).to.deep.include({ status: 'approved', version: store.state.snapshot!.version });
    await waitUntil(() => store.state.requests.list.requests[0]?.status === 'approved', 'the list shows it');
  });

  it('an adapter without commitsRequests approves after the save, and a failure of that shows in the list', async () => {
    const backend = new MemoryAdapter(smallSeed({ permission: 'view' }), { user: 'Eva' });
    const request = await pendingOn(backend);
    const store = new LicensingStore(withoutCommitRequests(backend), { rules: ruleBook });
    await store.load();
    await store.requests.load();
    await store.requests.review(request);
    backend.failNext('decideRequest', 'server');
    expect((await store.commit()).ok).to.equal(true);
    await waitUntil(() => store.state.requests.list.status === 'error', 'the failed approval is shown');
    expect((store.state.requests.list.error as LicensingError).kind).to.equal('server');
    expect(store.state.requests.list.requests[0]!.status, 'the list still holds it').to.equal('pending');
    // The next review and save of another request goes through and is approved after the save.
    const second = new MemoryAdapter(smallSeed({ permission: 'view' }), { user: 'Eva' });
    const next = await pendingOn(second);
    const other = new LicensingStore(withoutCommitRequests(second), { rules: ruleBook });
    await other.load();
    await other.requests.review(next);
    expect((await other.commit()).ok).to.equal(true);
    await waitUntil(() => other.state.requests.list.requests[0]?.status === 'approved', 'approved after');
  });

  it('a reviewed request the admin edited before saving is saved as their change, not approved (both adapters)', async () => {
    for (const plain of [false, true]) {
      const backend = new MemoryAdapter(smallSeed({ permission: 'view' }), { user: 'Eva' });
      const request = await pendingOn(backend);
      const store = new LicensingStore(plain ? withoutCommitRequests(backend) : backend, { rules: ruleBook });
      await store.load();
      await store.requests.load();
      await store.requests.review(request);
      store.edit({ counts: { voice: 11 } }); // asked 10 → 12, the admin saves 11
      backend.failNext('decideRequest', 'network'); // must never be called
      expect((await store.commit()).ok).to.equal(true);
      expect(store.state.snapshot!.lines.find((l) => l.typeId === 'voice')!.count).to.equal(11);
      await waitUntil(() => store.state.requests.list.status === 'ready', 'the list loaded again');
      const [still] = await backend.listRequests();
      expect(still!.status, plain ? 'without commitsRequests' : 'in the commit').to.equal('pending');
      expect(store.state.requests.list.requests[0]!.status).to.equal('pending');
      expect(store.state.requests.reviewing).to.equal(undefined);
    }
  });

  it("RestAdapter keeps requests on a known route's 404 (with a reason) and drops them on the router's own", async () => {
    let body: Record<string, unknown> = {
      title: 'Not Found',
      status: 404,
      detail: 'The account no longer exists.',
      reason: 'account-not-found',
    };
    const adapter = new RestAdapter({
      baseUrl: 'https://licensing.example',
      fetch: () =>
        Promise.resolve(
          new Response(JSON.stringify(body), {
            status: 404,
            headers: { 'Content-Type': 'application/problem+json' },
          }),
        ),
    });
    const known = (await rejection(adapter.listRequests!())) as LicensingError;
    expect(known.kind).to.equal('not-found');
    expect(known.detail).to.equal('The account no longer exists.');
    expect(adapter.listRequests, 'requests are still offered').to.be.a('function');
    body = { title: 'Not Found', status: 404, detail: 'No route GET /licensing/requests.' };
    const router = (await rejection(adapter.listRequests!())) as LicensingError;
    expect(router.kind).to.equal('not-supported');
    expect(adapter.listRequests, 'a server without the routes offers no requests').to.equal(undefined);
  });

  it("a view user's own requests are matched by user id, not by a display name two users share", () => {
    const book = new RequestBook(() => new Date('2026-11-20T10:00:00Z'));
    const snapshot = smallSnapshot({ permission: 'view' });
    const mine = book.send(snapshot, { id: 'u-1', name: 'Eva' }, { counts: { voice: 12 } }, '', 'a');
    const theirs = book.send(snapshot, { id: 'u-2', name: 'Eva' }, { counts: { voice: 13 } }, '', 'b');
    expect(book.list(snapshot, { id: 'u-1', name: 'Eva' }).map((r) => r.id)).to.deep.equal([mine.id]);
    expect(book.list(snapshot, { id: 'u-2', name: 'Eva' }).map((r) => r.id)).to.deep.equal([theirs.id]);
    const admin = smallSnapshot({ permission: 'update' });
    expect(book.list(admin, { id: 'u-3', name: 'Ann' })).to.have.length(2);
  });

  it('RestAdapter with requests: false offers no request methods', () => {
    const adapter = new RestAdapter({ baseUrl: '/x', requests: false });
    expect(adapter.requestChange).to.equal(undefined);
    expect(adapter.listRequests).to.equal(undefined);
    expect(adapter.decideRequest).to.equal(undefined);
    const store = new LicensingStore(adapter, { rules: ruleBook });
    expect(store.requests.supported).to.equal(false);
  });
});
