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

  it('the handler asks for If-Match and a key, refuses a body with both selections, and 501 without the methods', async () => {
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
    worker.resetHandlers();
    serve(new MemoryAdapter(smallSeed(), { assignment: false }));
    expect((await post(body, { 'If-Match': '"v1"', 'Idempotency-Key': 'k' })).status).to.equal(501);
  });

  it('a server without the route: NotSupportedError, the store says it failed; assignment: false leaves the methods out', async () => {
    const adapter = serve(new MemoryAdapter(smallSeed()));
    worker.use(
      http.post('/assign/licensing/assignments', () =>
        HttpResponse.json({ title: 'Not Found', status: 404 }, { status: 404 }),
      ),
    );
    const store = new LicensingStore(adapter);
    await store.load();
    const outcome = await store.unassign('email', { agentIds: ['a2'] });
    expect(outcome).to.deep.include({ ok: false, reason: 'failed' });
    if (outcome.ok || outcome.reason !== 'failed') return;
    expect(outcome.error).to.be.instanceOf(NotSupportedError);
    const without = new RestAdapter({ baseUrl: '/assign', assignment: false });
    expect('assign' in without).to.equal(false);
    const readOnly = new LicensingStore(without);
    await readOnly.load();
    expect(readOnly.canAssign).to.equal(false);
  });
});
