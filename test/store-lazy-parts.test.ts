// The store's parts that load on first use (src/state/parts.ts): a chunk that fails to load (a
// deploy replaced it, the connection dropped) ends as a failed outcome that says why, never as an
// unhandled rejection; a save asked for meanwhile still waits for it; the next try loads it again.
import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import { ruleBook } from '../src/core/rule-book.js';
import { LicensingStore } from '../src/state/licensing-store.js';
import { parts, SAVE_AHEAD_MS, savePart } from '../src/state/parts.js';
import { smallSeed } from './helpers/fixtures.js';

const real = { ...parts };
const unreachable = () =>
  Promise.reject(new TypeError('Failed to fetch dynamically imported module: /src/state/part.js'));

async function loaded(adapter: MemoryAdapter): Promise<LicensingStore> {
  const store = new LicensingStore(adapter, { rules: ruleBook });
  await store.load();
  return store;
}

describe('store: a part that fails to load', () => {
  const unhandled: unknown[] = [];
  const record = (event: PromiseRejectionEvent) => unhandled.push(event.reason);
  beforeEach(() => {
    unhandled.length = 0;
    window.addEventListener('unhandledrejection', record);
  });
  afterEach(() => {
    Object.assign(parts, real);
    window.removeEventListener('unhandledrejection', record);
  });

  it('an assignment ends as failed with a network error, changes nothing, and the next one loads it again', async () => {
    const adapter = new MemoryAdapter(smallSeed(), { latency: 10 });
    const store = await loaded(adapter);
    parts.assignment = unreachable;
    const outcome = await store.unassign('email', { agentIds: ['a2'] });
    expect(outcome).to.deep.include({ ok: false, reason: 'failed' });
    expect(outcome.ok === false && 'error' in outcome && outcome.error.kind).to.equal('network');
    expect(outcome.ok === false && 'error' in outcome && outcome.error.message).to.equal(
      'The licensing service could not be reached.',
    );
    expect(store.state.snapshot!.version).to.equal('v1');
    expect((await adapter.listUsage({ typeId: 'email', offset: 0, limit: 10 })).total).to.equal(1);

    parts.assignment = real.assignment;
    expect(await store.unassign('email', { agentIds: ['a2'] })).to.include({ ok: true });
    expect(store.state.snapshot!.version).to.equal('v2');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(unhandled).to.deep.equal([]);
  });

  it('a save asked for while the assignment part loads waits for it, and saves on the version it left', async () => {
    const adapter = new MemoryAdapter(smallSeed(), { latency: 10 });
    const store = await loaded(adapter);
    let arrive!: () => void;
    parts.assignment = () => new Promise<void>((resolve) => (arrive = resolve)).then(real.assignment);
    store.setCount('voice', 12);
    const freeing = store.unassign('email', { agentIds: ['a2'] });
    const saving = store.commit();
    await new Promise((resolve) => setTimeout(resolve, 30));
    // Nothing sent yet: the save waits for the assignment, which waits for its code.
    expect(store.state.commit.status).to.equal('idle');
    expect((await adapter.load()).version).to.equal('v1');
    arrive();
    expect(await freeing).to.include({ ok: true });
    expect(await saving).to.include({ ok: true });
    expect(store.state.snapshot!.version).to.equal('v3');
    expect(store.state.changedElsewhere).to.equal(undefined);
    expect(unhandled).to.deep.equal([]);
  });

  it('a save asked for with an assignment whose part fails still saves', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const store = await loaded(adapter);
    parts.assignment = unreachable;
    store.setCount('voice', 12);
    const freeing = store.unassign('email', { agentIds: ['a2'] });
    const saving = store.commit();
    expect(await freeing).to.deep.include({ ok: false, reason: 'failed' });
    expect(await saving).to.include({ ok: true });
    expect(store.state.snapshot!.version).to.equal('v2');
    expect(store.state.commit.status).to.equal('saved');
    expect(unhandled).to.deep.equal([]);
  });

  it('a save whose code does not load ends as failed, keeps the draft, and the retry saves once', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    // A store no widget gave rules to loads the save's code on the first save.
    const store = new LicensingStore(adapter);
    await store.load();
    savePart.code = savePart.loading = undefined;
    parts.save = unreachable;
    store.setCount('voice', 12);
    const result = await store.commit();
    expect(result).to.deep.include({ ok: false, reason: 'failed' });
    const { commit } = store.state;
    expect(commit.status === 'failed' && commit.error.message).to.equal(
      'The licensing service could not be reached.',
    );
    expect(store.state.draft).to.deep.equal({ counts: { voice: 12 } });
    expect((await adapter.load()).version).to.equal('v1');

    parts.save = real.save;
    expect(await store.commit()).to.include({ ok: true });
    expect(store.state.snapshot!.lines.find((l) => l.typeId === 'voice')!.count).to.equal(12);
    expect(store.state.snapshot!.version).to.equal('v2');
    expect(unhandled).to.deep.equal([]);
  });

  it('a store given rules loads the save with its data: the save is under way at once', async () => {
    savePart.code = savePart.loading = undefined;
    const adapter = new MemoryAdapter(smallSeed());
    const store = await loaded(adapter);
    expect(savePart.code, 'loaded with the data').not.to.equal(undefined);
    store.setCount('voice', 12);
    const saving = store.commit();
    expect(store.state.commit.status).to.equal('saving');
    expect(await saving).to.include({ ok: true });
  });

  it('a save part that fails ahead of use leaves the load whole; the save asks for it again', async () => {
    savePart.code = savePart.loading = undefined;
    parts.save = unreachable;
    const adapter = new MemoryAdapter(smallSeed());
    const store = await loaded(adapter);
    expect(store.state.status).to.equal('ready');
    parts.save = real.save;
    store.setCount('voice', 12);
    expect(await store.commit()).to.include({ ok: true });
    expect(unhandled).to.deep.equal([]);
  });

  it('a conflict whose code does not load ends the save as failed, keeps the draft, and the next save works', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const store = await loaded(adapter);
    // Another admin saves meanwhile; then a deploy replaces the chunks.
    await adapter.commit({ counts: { voice: 5 } }, { expectedVersion: 'v1', idempotencyKey: 'other' });
    parts.carryOver = unreachable;
    store.setCount('voice', 12);
    const result = await store.commit();
    expect(result).to.deep.include({ ok: false, reason: 'failed' });
    expect(result.ok === false && 'error' in result && result.error?.kind).to.equal('network');
    const { commit } = store.state;
    expect(commit.status).to.equal('failed');
    expect(commit.status === 'failed' && commit.error.message).to.equal(
      'The licensing service could not be reached.',
    );
    expect(store.state.draft).to.deep.equal({ counts: { voice: 12 } });
    // Edits are taken again (not refused as "saving").
    expect(store.setCount('voice', 13)).to.deep.equal({ ok: true });
    // The version shown stays: the next save meets the conflict again, now listed.
    expect(store.state.snapshot!.version).to.equal('v1');

    parts.carryOver = real.carryOver;
    expect(await store.commit()).to.include({ ok: false, reason: 'conflict' });
    expect(store.state.snapshot!.version).to.equal('v2');
    expect(store.state.draft).to.deep.equal({ counts: { voice: 13 } });
    expect(await store.commit()).to.include({ ok: true });
    expect(store.state.snapshot!.lines.find((l) => l.typeId === 'voice')!.count).to.equal(13);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(unhandled).to.deep.equal([]);
  });

  it('a kept cart whose code does not load fails no load: a conflict still reloads and is listed', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const store = await loaded(adapter);
    await adapter.commit({ counts: { voice: 5 } }, { expectedVersion: 'v1', idempotencyKey: 'other' });
    // The kept cart's code fails to load; the conflict's, asked for later, arrives.
    let calls = 0;
    parts.carryOver = () => (++calls === 1 ? unreachable() : real.carryOver());
    store.keepCart('acme', window.sessionStorage);
    store.setCount('voice', 12);
    const result = await store.commit();
    expect(result).to.deep.include({ ok: false, reason: 'conflict' });
    expect(store.state.commit.status).to.equal('conflict');
    expect(store.state.snapshot!.version).to.equal('v2');
    expect(store.state.draft).to.deep.equal({ counts: { voice: 12 } });
    expect(await store.commit()).to.include({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(unhandled).to.deep.equal([]);
    window.sessionStorage.removeItem('licence-kit:cart:acme');
  });

  it('a newer version taken while the conflict code does not load: the load resolves, the draft kept', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const store = await loaded(adapter);
    store.setCount('voice', 12);
    await adapter.commit({ counts: { email: 4 } }, { expectedVersion: 'v1', idempotencyKey: 'other' });
    parts.carryOver = unreachable;
    const latest = await store.reload();
    expect(latest?.version).to.equal('v2');
    expect(store.state.status).to.equal('ready');
    expect(store.state.error).to.equal(undefined);
    expect(store.state.snapshot!.version).to.equal('v2');
    expect(store.state.draft).to.deep.equal({ counts: { voice: 12 } });
    parts.carryOver = real.carryOver;
    expect(await store.commit()).to.include({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(unhandled).to.deep.equal([]);
  });

  it('a stalled save chunk holds the load a bounded time only; the save runs once it arrives', async () => {
    savePart.code = savePart.loading = undefined;
    let arrive!: () => void;
    parts.save = () => new Promise<void>((resolve) => (arrive = resolve)).then(real.save);
    const adapter = new MemoryAdapter(smallSeed());
    const started = performance.now();
    const store = await loaded(adapter);
    const took = performance.now() - started;
    expect(store.state.status).to.equal('ready');
    expect(took).to.be.below(SAVE_AHEAD_MS + 500);
    expect(savePart.code, 'still on its way').to.equal(undefined);
    store.setCount('voice', 12);
    const saving = store.commit();
    arrive();
    expect(await saving).to.include({ ok: true });
    expect(store.state.snapshot!.version).to.equal('v2');
    expect(unhandled).to.deep.equal([]);
  });
});
