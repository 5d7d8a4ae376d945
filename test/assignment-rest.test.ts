// Assignments (R12) over HTTP: RestAdapter against the MSW handlers of the contract, the store on
// top as the usage overview drives it, and a server without the route.
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { AssignmentError, NotSupportedError } from '../src/adapters/index.js';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import { RestAdapter } from '../src/adapters/rest/index.js';
import { lineFor, ruleBook, type Agent } from '../src/core/index.js';
import { createLicensingHandlers } from '../src/mocks/index.js';
import { LicensingStore } from '../src/state/licensing-store.js';
import { smallSeed, smallSnapshot } from './helpers/fixtures.js';

const worker = setupWorker();
before(() => worker.start({ quiet: true, onUnhandledFrame: 'bypass' }));
after(() => worker.stop());
afterEach(() => worker.resetHandlers());

/** Voice 6 of 6 in use, one agent with outbound too. */
function fullVoice() {
  const agents: Agent[] = ['Adam', 'Bára', 'Cyril', 'Dana', 'Eva', 'Filip'].map((name, i) => ({
    id: `v${i + 1}`,
    name,
    licences: name === 'Eva' ? ['voice', 'outbound'] : ['voice'],
  }));
  const snapshot = smallSnapshot({
    lines: [
      { typeId: 'voice', count: 6, inUse: 6, peak: 6 },
      { typeId: 'outbound', count: 1, inUse: 1, peak: 1 },
    ],
  });
  return { snapshot, agents };
}

function serve(backend: MemoryAdapter, options: { assignment?: boolean } = {}): RestAdapter {
  worker.use(...createLicensingHandlers({ backend, baseUrl: '/assign' }).handlers);
  return new RestAdapter({ baseUrl: '/assign', retryDelay: 1, ...options });
}

const post = (body: unknown, headers: Record<string, string>) =>
  fetch('/assign/licensing/assignments', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('assignment over REST + MSW (R12)', () => {
  it('blocked reduction → unassign 3 → reduction now valid → save succeeds with no conflict', async () => {
    const backend = new MemoryAdapter(fullVoice());
    const store = new LicensingStore(serve(backend), { rules: ruleBook });
    await store.load();
    expect(store.canAssign).to.equal(true);
    store.setCount('voice', 3);
    expect(store.state.issues.map((issue) => issue.code)).to.deep.equal(['reduce-below-in-use']);
    const freed = await store.unassign('voice', { agentIds: ['v1', 'v2', 'v3'] });
    expect(freed.ok).to.equal(true);
    expect(lineFor(store.state.snapshot!, 'voice').inUse).to.equal(3);
    expect(store.state.canSave).to.equal(true);
    expect(store.state.changedElsewhere).to.equal(undefined);
    expect((await store.commit()).ok).to.equal(true);
    expect(lineFor(await backend.load(), 'voice')).to.deep.include({ count: 3, inUse: 3 });
  });

  it('a refusal arrives as an AssignmentError with the problems; "both" and "all N matching" go through', async () => {
    const backend = new MemoryAdapter(fullVoice());
    const store = new LicensingStore(serve(backend), { rules: ruleBook });
    await store.load();
    const refused = await store.unassign('voice', { query: { search: 'eva' } });
    expect(refused).to.deep.include({ ok: false, reason: 'refused' });
    if (refused.ok || refused.reason !== 'refused') return;
    expect(refused.error).to.be.instanceOf(AssignmentError);
    expect(refused.problems).to.deep.equal([
      { code: 'required-by-licence', typeId: 'voice', dependentTypeId: 'outbound', agents: 1 },
    ]);
    const both = await store.unassign('voice', { query: { search: 'eva' } }, { alsoLinked: true });
    expect(both.ok).to.equal(true);
    expect(lineFor(store.state.snapshot!, 'outbound').inUse).to.equal(0);
    const over = await store.assign('outbound', { agentIds: ['v1', 'v5'] });
    expect(over).to.deep.include({ ok: false, reason: 'refused' });
  });

  it('the handler asks for If-Match and a key, refuses a body with both selections, no ids, unknown fields or a reused key, and 501 without the methods', async () => {
    const backend = new MemoryAdapter(smallSeed());
    serve(backend);
    const body = { action: 'unassign', typeId: 'email', agentIds: ['a2'] };
    expect((await post(body, { 'Idempotency-Key': 'k' })).status).to.equal(428);
    expect((await post(body, { 'If-Match': '"v1"' })).status).to.equal(400);
    const both = await post(
      { ...body, query: { search: 'a' } },
      { 'If-Match': '"v1"', 'Idempotency-Key': 'k' },
    );
    expect(both.status).to.equal(422);
    expect((await post('not json', { 'If-Match': '"v1"', 'Idempotency-Key': 'k' })).status).to.equal(422);
    // As the contract (minItems 1, additionalProperties: false) and the reference backend: 422.
    const headers = { 'If-Match': '"v1"', 'Idempotency-Key': 'shape' };
    expect((await post({ ...body, agentIds: [] }, headers)).status).to.equal(422);
    const byQuery = { action: 'unassign', typeId: 'email', query: { search: 'a', offset: 0 } };
    expect((await post(byQuery, headers)).status).to.equal(422);
    expect((await post({ ...body, note: 'x' }, headers)).status).to.equal(422);
    expect(lineFor(await backend.load(), 'email').inUse).to.equal(1);
    // A key is one request: another body with it is refused (422), the first answer stays its own.
    const once = { 'If-Match': '"v1"', 'Idempotency-Key': 'once' };
    expect((await post(body, once)).status).to.equal(200);
    const reused = await post({ ...body, action: 'assign' }, { ...once, 'If-Match': '"v2"' });
    expect(reused.status).to.equal(422);
    expect((await backend.load()).version).to.equal('v2');
    expect((await post(body, once)).status).to.equal(200);
    worker.resetHandlers();
    serve(new MemoryAdapter(smallSeed(), { assignment: false }));
    expect((await post(body, { 'If-Match': '"v1"', 'Idempotency-Key': 'k' })).status).to.equal(501);
  });

  it("a server without the route (its router's 404, or 501): NotSupportedError, the methods go, the store says not-supported and canAssign turns false; assignment: false leaves them out", async () => {
    const adapter = serve(new MemoryAdapter(smallSeed()));
    worker.use(
      http.post('/assign/licensing/assignments', () =>
        HttpResponse.json({ title: 'Not Found', status: 404 }, { status: 404 }),
      ),
    );
    const store = new LicensingStore(adapter);
    await store.load();
    expect(store.canAssign).to.equal(true);
    let told = 0;
    store.subscribe(() => told++);
    const outcome = await store.unassign('email', { agentIds: ['a2'] });
    expect(outcome).to.deep.equal({ ok: false, reason: 'not-supported' });
    expect(store.canAssign).to.equal(false);
    expect(told).to.be.greaterThan(0);
    expect(adapter.assign).to.equal(undefined);
    // A 404 page that is not JSON at all, and a 501: the adapter rejects with NotSupportedError.
    const options = { expectedVersion: 'v1', idempotencyKey: 'k' };
    for (const answer of [
      () => new HttpResponse('<h1>Not Found</h1>', { status: 404, headers: { 'Content-Type': 'text/html' } }),
      () => HttpResponse.json({ title: 'Not Implemented', status: 501 }, { status: 501 }),
    ]) {
      worker.use(http.post('/assign/licensing/assignments', answer));
      const fresh = new RestAdapter({ baseUrl: '/assign', retryDelay: 1 });
      const error = await fresh.assign!('email', { agentIds: ['a2'] }, options).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(NotSupportedError);
      expect(fresh.unassign).to.equal(undefined);
    }
    const without = new RestAdapter({ baseUrl: '/assign', assignment: false });
    expect('assign' in without).to.equal(false);
    const readOnly = new LicensingStore(without);
    await readOnly.load();
    expect(readOnly.canAssign).to.equal(false);
  });

  it('a 404 of the route itself ("The account no longer exists."): a failure, not "no route"; the methods stay', async () => {
    const adapter = serve(new MemoryAdapter(smallSeed()));
    worker.use(
      http.post('/assign/licensing/assignments', () =>
        HttpResponse.json(
          {
            type: 'urn:licence-kit:problem:not-found',
            title: 'Not Found',
            status: 404,
            detail: 'The account no longer exists.',
          },
          { status: 404, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    const store = new LicensingStore(adapter);
    await store.load();
    const outcome = await store.unassign('email', { agentIds: ['a2'] });
    expect(outcome).to.deep.include({ ok: false, reason: 'failed' });
    if (outcome.ok || outcome.reason !== 'failed') return;
    expect(outcome.error).to.deep.include({ kind: 'not-found', detail: 'The account no longer exists.' });
    expect(store.canAssign).to.equal(true);
  });
});

describe('assignment over REST + MSW: injected failures (R12)', () => {
  it('failNext("unassign") fails the next one over HTTP and changes nothing; the retry with the next call works', async () => {
    const backend = new MemoryAdapter(smallSeed());
    const api = createLicensingHandlers({ backend, baseUrl: '/assign' });
    worker.use(...api.handlers);
    const store = new LicensingStore(new RestAdapter({ baseUrl: '/assign', retryDelay: 1, retries: 0 }));
    await store.load();
    api.failNext('unassign', 'conflict');
    const conflict = await store.unassign('email', { agentIds: ['a2'] });
    expect(conflict).to.deep.include({ ok: false, reason: 'conflict' });
    api.failNext('unassign', 'forbidden');
    expect(await store.unassign('email', { agentIds: ['a2'] })).to.deep.include({
      ok: false,
      reason: 'failed',
    });
    expect(lineFor(await backend.load(), 'email').inUse).to.equal(1);
    expect((await store.unassign('email', { agentIds: ['a2'] })).ok).to.equal(true);
  });
});

describe('assignment over REST: what goes on the wire (R12)', () => {
  it('sends the usage filter without its page, and the ids as given, with If-Match and the key', async () => {
    const bodies: unknown[] = [];
    const headers: Headers[] = [];
    worker.use(
      http.post('/wire/licensing/assignments', async ({ request }) => {
        bodies.push(await request.json());
        headers.push(request.headers);
        return HttpResponse.json({ snapshot: smallSnapshot({ version: 'v2' }), agents: [], changes: [] });
      }),
    );
    const adapter = new RestAdapter({ baseUrl: '/wire', retryDelay: 1 });
    const options = { expectedVersion: 'v1', idempotencyKey: 'key-1' };
    const query = { typeId: 'voice', search: 'eva', offset: 50, limit: 50 };
    await adapter.unassign!('voice', { query }, { ...options, alsoLinked: true });
    await adapter.assign!('email', { agentIds: ['a1'] }, options);
    await adapter.assign!('email', { query: {} }, options);
    expect(bodies).to.deep.equal([
      { action: 'unassign', typeId: 'voice', query: { typeId: 'voice', search: 'eva' }, alsoLinked: true },
      { action: 'assign', typeId: 'email', agentIds: ['a1'], alsoLinked: false },
      { action: 'assign', typeId: 'email', query: {}, alsoLinked: false },
    ]);
    expect(headers[0]!.get('If-Match')).to.equal('"v1"');
    expect(headers[0]!.get('Idempotency-Key')).to.equal('key-1');
  });
});
