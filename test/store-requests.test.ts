import { expect, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import type { LicensingError } from '../src/adapters/errors.js';
import { ruleBook } from '../src/core/rule-book.js';
import { LicensingStore } from '../src/state/licensing-store.js';
import { smallSeed } from './helpers/fixtures.js';
import { rejection } from './helpers/rejection.js';

const now = () => new Date('2026-11-20T10:00:00Z');

async function viewStore(
  adapter = new MemoryAdapter(smallSeed({ permission: 'view' }), { now, user: 'Eva' }),
) {
  const store = new LicensingStore(adapter, { rules: ruleBook });
  await store.load();
  return { store, adapter };
}

/** Eva (view) asked for 12 Voice licences; the account is now an update user's, with the request listed. */
async function pendingRequest() {
  const adapter = new MemoryAdapter(smallSeed({ permission: 'view' }), { now, user: 'Eva' });
  const { store: viewer } = await viewStore(adapter);
  viewer.allowRequests();
  viewer.setCount('voice', 12);
  await viewer.requests.send('please');
  adapter.setPermission('update');
  const store = new LicensingStore(adapter, { rules: ruleBook });
  await store.load();
  const [request] = await store.requests.load();
  return { adapter, store, request };
}

describe('LicensingStore change requests (R1)', () => {
  it('a view user drafts only once requests are on, and never commits', async () => {
    const { store, adapter } = await viewStore();
    expect(store.setCount('voice', 12)).to.deep.equal({ ok: false, reason: 'permission' });
    store.allowRequests();
    expect(store.state.requests.drafting).to.equal(true);
    expect(store.setCount('voice', 12)).to.deep.equal({ ok: true });
    expect(store.state.canSave).to.equal(false);
    expect(await store.commit()).to.deep.include({ ok: false, reason: 'permission' });
    expect(adapter.mutations).to.equal(0);
    store.allowRequests(false);
    expect(store.state.requests.drafting).to.equal(false);
  });

  it('sends the draft with a note, empties the cart, and lists it as pending', async () => {
    const { store, adapter } = await viewStore();
    store.allowRequests();
    store.setCount('voice', 12);
    const result = await store.requests.send('Two agents start Monday');
    expect(result.ok).to.equal(true);
    expect(store.state.dirty).to.equal(false);
    const { send } = store.state.requests;
    expect(send.status).to.equal('sent');
    const listed = await store.requests.load();
    expect(listed).to.have.length(1);
    expect(listed[0]).to.deep.include({
      requestedBy: 'Eva',
      note: 'Two agents start Monday',
      status: 'pending',
      requestedAt: '2026-11-20T10:00:00.000Z',
    });
    expect(listed[0]!.changes).to.deep.equal({ counts: { voice: 12 } });
    expect(adapter.mutations).to.equal(0);
  });

  it('refuses to send a draft that breaks a rule or is empty, and says when the adapter cannot send', async () => {
    const { store } = await viewStore();
    store.allowRequests();
    expect(await store.requests.send('')).to.deep.equal({ ok: false, reason: 'empty' });
    store.setCount('voice', 1); // below the 3 in use (R3)
    expect(await store.requests.send('')).to.deep.equal({ ok: false, reason: 'invalid' });
    const bare = new MemoryAdapter(smallSeed({ permission: 'view' }));
    const plain = new LicensingStore(
      {
        load: (o) => bare.load(o),
        listUsage: (q, o) => bare.listUsage(q, o),
        commit: (c, o) => bare.commit(c, o),
      },
      { rules: ruleBook },
    );
    await plain.load();
    plain.allowRequests();
    plain.setCount('voice', 12);
    expect(await plain.requests.send('')).to.deep.equal({ ok: false, reason: 'not-supported' });
    expect(plain.requests.supported).to.equal(false);
    await plain.requests.load();
    expect(plain.state.requests.list.status).to.equal('error');
    expect(plain.state.dirty).to.equal(true);
  });

  it('keeps the draft and the key when sending fails, so the retry sends once', async () => {
    const { store, adapter } = await viewStore();
    store.allowRequests();
    store.setCount('voice', 12);
    adapter.failNext('requestChange', 'network');
    const failed = await store.requests.send('');
    expect(failed).to.deep.include({ ok: false, reason: 'failed' });
    expect((store.state.requests.send as { error: LicensingError }).error.kind).to.equal('network');
    expect(store.state.draft).to.deep.equal({ counts: { voice: 12 } });
    const [a, b] = await Promise.all([store.requests.send(''), store.requests.send('')]);
    expect(a).to.equal(b);
    expect(await adapter.listRequests()).to.have.length(1);
    store.requests.forgetSent();
    expect(store.state.requests.send.status).to.equal('idle');
  });

  it('an update user reviews a request in the cart, saves it, and the request is approved', async () => {
    const { adapter, store, request } = await pendingRequest();
    await store.requests.review(request!);
    expect(store.state.draft).to.deep.equal({ counts: { voice: 12 } });
    expect(store.state.requests.reviewing?.id).to.equal(request!.id);
    expect((await store.commit()).ok).to.equal(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(store.state.requests.reviewing).to.equal(undefined);
    const [approved] = await adapter.listRequests();
    expect(approved).to.deep.include({ status: 'approved', decidedBy: 'Eva' });
    expect(store.state.requests.list.requests[0]!.status).to.equal('approved');
  });

  it("never puts a request in the cart over the admin's own unsaved changes", async () => {
    const { store, request } = await pendingRequest();
    store.setCount('email', 1); // the admin's own change, not saved yet
    expect(await store.requests.review(request!)).to.equal(false);
    expect(store.state.draft).to.deep.equal({ counts: { email: 1 } }, 'their change is kept');
    expect(store.state.requests.reviewing).to.equal(undefined);
    store.discard();
    expect(await store.requests.review(request!)).to.equal(true);
    expect(store.state.draft).to.deep.equal({ counts: { voice: 12 } });
    expect(await store.requests.review(request!), 'the same request again').to.equal(true);
  });

  it('declines with a reason; refuses an empty reason, a second decision and an unknown id', async () => {
    const adapter = new MemoryAdapter(smallSeed({ permission: 'view' }), { now });
    const { store: viewer } = await viewStore(adapter);
    viewer.allowRequests();
    viewer.setCount('voice', 12);
    await viewer.requests.send('');
    expect(
      (await rejection(adapter.decideRequest('request-1', { outcome: 'approved' }))) as LicensingError,
    ).to.include({
      kind: 'permission',
    });
    adapter.setPermission('update');
    const store = new LicensingStore(adapter, { rules: ruleBook });
    await store.load();
    await store.requests.load();
    const empty = (await rejection(store.requests.decline('request-1', '  '))) as LicensingError;
    expect(empty.kind).to.equal('validation');
    const declined = await store.requests.decline('request-1', 'Budget is frozen until January');
    expect(declined).to.deep.include({
      status: 'declined',
      reason: 'Budget is frozen until January',
      decidedBy: 'Demo admin',
    });
    expect(store.state.requests.list.requests[0]!.status).to.equal('declined');
    expect(((await rejection(store.requests.decline('request-1', 'again'))) as LicensingError).kind).to.equal(
      'conflict',
    );
    expect(((await rejection(store.requests.decline('nope', 'x'))) as LicensingError).kind).to.equal(
      'not-found',
    );
    // An update user may not send requests: they save.
    const sent = (await rejection(
      adapter.requestChange({ counts: { voice: 13 } }, '', { idempotencyKey: 'k' }),
    )) as LicensingError;
    expect(sent.kind).to.equal('permission');
  });

  it('a view user sees only their own requests', async () => {
    const adapter = new MemoryAdapter(smallSeed({ permission: 'view' }), { user: 'Eva' });
    await adapter.requestChange({ counts: { voice: 12 } }, '', { idempotencyKey: 'a' });
    expect(await adapter.listRequests()).to.have.length(1);
    const other = new MemoryAdapter(smallSeed({ permission: 'none' }));
    expect(((await rejection(other.listRequests())) as LicensingError).kind).to.equal('permission');
  });

  it('a save another admin beat (they declined the request) saves nothing, keeps the draft and reloads the list; a decline without the adapter method is refused', async () => {
    const adapter = new MemoryAdapter(smallSeed({ permission: 'view' }), { now });
    await adapter.requestChange({ counts: { voice: 12 } }, '', { idempotencyKey: 'k' });
    adapter.setPermission('update');
    const store = new LicensingStore(adapter, { rules: ruleBook });
    await store.load();
    const [request] = await store.requests.load();
    await store.requests.review(request!);
    // Another admin declines it while this one reviews it.
    await adapter.decideRequest(request!.id, { outcome: 'declined', reason: 'No' });
    // Issue #20: the request is approved in the commit's own transaction, so a request decided
    // meanwhile refuses the save (it used to save and drop the approval silently).
    expect(await store.commit()).to.deep.include({ ok: false, reason: 'failed' });
    expect(adapter.mutations, 'nothing saved').to.equal(0);
    expect(store.state.draft).to.deep.equal({ counts: { voice: 12 } });
    await waitUntil(() => store.state.requests.list.requests[0]?.status === 'declined', 'the list reloaded');
    const bare = new LicensingStore(
      {
        load: (o) => adapter.load(o),
        listUsage: (q, o) => adapter.listUsage(q, o),
        commit: (c, o) => adapter.commit(c, o),
      },
      { rules: ruleBook },
    );
    expect(((await rejection(bare.requests.decline('request-1', 'x'))) as LicensingError).kind).to.equal(
      'not-supported',
    );
  });
});
