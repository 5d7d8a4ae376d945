import { expect } from '@open-wc/testing';
import { ConflictError, NetworkError, PermissionError, ValidationError } from '../src/adapters/errors.js';
import {
  MemoryAdapter,
  createDemoSeed,
  generateAgents,
  makeLicenseKey,
} from '../src/adapters/memory/index.js';
import { smallSeed } from './helpers/fixtures.js';
import { rejection as rejectionOf } from './helpers/rejection.js';

describe('MemoryAdapter', () => {
  it('serves the demo data set when given no seed', async () => {
    const adapter = new MemoryAdapter();
    const snapshot = await adapter.load();
    expect(snapshot.catalog.length).to.be.within(9, 12);
    expect(snapshot.catalog.map((t) => t.id)).to.include.members([
      'voice',
      'outbound',
      'email',
      'chat',
      'call-recording',
    ]);
    expect(snapshot.speechToText?.baseMinutes).to.equal(5000);
    expect(snapshot.powerPack?.services.map((s) => s.id)).to.deep.equal([
      'smart-routing',
      'ai-topics',
      'ai-qa',
    ]);
    expect(snapshot.lines.some((l) => l.peak > l.count)).to.equal(true, 'some peaks above counts');
    const usage = await adapter.listUsage({ offset: 0, limit: 10 });
    expect(usage.total).to.equal(250);
    // In use equals the agents holding the type, so the overview and the cards agree.
    for (const line of snapshot.lines)
      expect(usage.countsByType[line.typeId] ?? 0).to.equal(line.inUse, line.typeId);
  });

  it('commits through the rule book: new version, counts applied, peak raised', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const next = await adapter.commit(
      { counts: { voice: 15 } },
      { expectedVersion: 'v1', idempotencyKey: 'k1' },
    );
    expect(next.version).to.equal('v2');
    expect(next.lines.find((l) => l.typeId === 'voice')).to.include({ count: 15, peak: 15 });
    expect(adapter.mutations).to.equal(1);
  });

  it('rejects a stale version with a ConflictError naming the current one', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    await adapter.commit({ counts: { voice: 11 } }, { expectedVersion: 'v1', idempotencyKey: 'k1' });
    const error = await rejectionOf(
      adapter.commit({ counts: { voice: 12 } }, { expectedVersion: 'v1', idempotencyKey: 'k2' }),
    );
    expect(error).to.be.instanceOf(ConflictError);
    expect((error as ConflictError).currentVersion).to.equal('v2');
  });

  it('returns the first result for a repeated idempotency key and changes nothing more', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const first = await adapter.commit(
      { counts: { voice: 11 } },
      { expectedVersion: 'v1', idempotencyKey: 'same' },
    );
    const again = await adapter.commit(
      { counts: { voice: 11 } },
      { expectedVersion: 'v1', idempotencyKey: 'same' },
    );
    expect(again).to.deep.equal(first);
    expect(adapter.mutations).to.equal(1);
  });

  it('refuses a change that breaks a rule with the rule book’s issues', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const error = await rejectionOf(
      adapter.commit({ counts: { voice: 1 } }, { expectedVersion: 'v1', idempotencyKey: 'k' }),
    );
    expect(error).to.be.instanceOf(ValidationError);
    const codes = (error as ValidationError).issues.map((i) => i.code);
    expect(codes).to.include('reduce-below-in-use');
    expect((await adapter.load()).version).to.equal('v1');
  });

  it('refuses commits without update permission', async () => {
    const adapter = new MemoryAdapter(smallSeed({ permission: 'view' }));
    const error = await rejectionOf(
      adapter.commit({ counts: { voice: 11 } }, { expectedVersion: 'v1', idempotencyKey: 'k' }),
    );
    expect(error).to.be.instanceOf(PermissionError);
  });

  it('filters by type and searches name or email, ignoring case and accents', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const outbound = await adapter.listUsage({ typeId: 'outbound', offset: 0, limit: 10 });
    expect(outbound.agents.map((a) => a.id)).to.deep.equal(['a1', 'a3']);
    const search = await adapter.listUsage({ search: 'ROSSI', offset: 0, limit: 10 });
    expect(search.agents.map((a) => a.name)).to.deep.equal(['Carla Rossi']);
    expect(search.countsByType).to.deep.equal({ voice: 1, outbound: 1 });
    const folded = await adapter.listUsage({ search: 'novakova', offset: 0, limit: 10 });
    expect(folded.agents.map((a) => a.name)).to.deep.equal(['Anna Nováková']);
    const email = await adapter.listUsage({ search: 'ben@', typeId: 'email', offset: 0, limit: 10 });
    expect(email.total).to.equal(1);
  });

  it('generates 100,000 agents and filters them through its index', async () => {
    const agents = generateAgents(100_000);
    expect(agents).to.have.length(100_000);
    expect(new Set(agents.map((a) => a.id)).size).to.equal(100_000);
    const seed = createDemoSeed();
    const adapter = new MemoryAdapter({ ...seed, agents });
    const page = await adapter.listUsage({ typeId: 'outbound', offset: 50_000 / 2, limit: 50 });
    expect(page.agents).to.have.length(50);
    expect(
      page.agents.every((a) => a.licences.includes('outbound') && a.licences.includes('voice')),
    ).to.equal(true);
    expect(page.total).to.equal(agents.filter((a) => a.licences.includes('outbound')).length);
  });

  it('keeps committed changes in storage under the host’s key, and reset() forgets them', async () => {
    const storage = new Map<string, string>();
    const store = {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, v),
      removeItem: (k: string) => void storage.delete(k),
    };
    const first = new MemoryAdapter(smallSeed(), { storageKey: 'lk-test', storage: store });
    await first.commit({ counts: { email: 5 } }, { expectedVersion: 'v1', idempotencyKey: 'k' });
    const second = new MemoryAdapter(smallSeed(), { storageKey: 'lk-test', storage: store });
    expect((await second.load()).lines.find((l) => l.typeId === 'email')?.count).to.equal(5);
    second.reset();
    expect(storage.has('lk-test')).to.equal(false);
    expect((await second.load()).version).to.equal('v1');
  });

  it('fails on demand, once per queued failure', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    adapter.failNext('load', 'network');
    expect(await rejectionOf(adapter.load())).to.be.instanceOf(NetworkError);
    expect((await adapter.load()).version).to.equal('v1');
  });

  it('waits its latency and stops waiting when aborted', async () => {
    const adapter = new MemoryAdapter(smallSeed(), { latency: 10_000 });
    const controller = new AbortController();
    const pending = adapter.load({ signal: controller.signal });
    controller.abort();
    const error = await rejectionOf(pending);
    expect((error as DOMException).name).to.equal('AbortError');
  });

  it('offers no installation-licence methods without an installation licence', () => {
    const adapter = new MemoryAdapter(smallSeed());
    expect(adapter.getInstallationLicense).to.equal(undefined);
    expect(adapter.applyLicenseKey).to.equal(undefined);
  });

  it('applies a licence key, and refuses a bad one with a reason', async () => {
    const adapter = new MemoryAdapter();
    const bad = await rejectionOf(adapter.applyLicenseKey!('hello'));
    expect(bad).to.be.instanceOf(ValidationError);
    expect((bad as ValidationError).detail).to.contain('XCL1-');
    const licence = await adapter.applyLicenseKey!(
      makeLicenseKey({ plan: 'monthly', expiresAt: '2027-06-30T00:00:00Z' }),
    );
    expect(licence.plan).to.equal('monthly');
    expect((await adapter.getInstallationLicense!()).expiresAt).to.equal('2027-06-30T00:00:00Z');
  });

  it('names the log file after the day and fills it', async () => {
    const adapter = new MemoryAdapter(undefined, { now: () => new Date('2026-11-23T10:00:00Z') });
    const file = await adapter.downloadLicenseLog!();
    expect(file.filename).to.equal('license-2026-11-23.log');
    expect(await file.blob.text()).to.contain('token ');
  });
});

describe('MemoryAdapter.setPermission', () => {
  it('changes the permission, tells subscribers, and refuses commits from then on', async () => {
    const adapter = new MemoryAdapter(smallSeed());
    const seen: string[] = [];
    adapter.subscribe((s) => seen.push(s.permission));
    adapter.setPermission('view');
    expect(seen).to.deep.equal(['view']);
    const snapshot = await adapter.load();
    expect(snapshot.permission).to.equal('view');
    let refused: unknown;
    try {
      await adapter.commit(
        { counts: { voice: 11 } },
        { expectedVersion: snapshot.version, idempotencyKey: 'k' },
      );
    } catch (error) {
      refused = error;
    }
    expect(refused).to.be.instanceOf(PermissionError);
  });
});

describe('MemoryAdapter: applying a licence key needs update', () => {
  it('refuses a view user with a PermissionError and keeps the licence', async () => {
    const seed = createDemoSeed();
    const adapter = new MemoryAdapter({ ...seed, snapshot: { ...seed.snapshot, permission: 'view' } });
    const before = await adapter.getInstallationLicense!();
    const refused = await rejectionOf(adapter.applyLicenseKey!(makeLicenseKey({ plan: 'monthly' })));
    expect(refused).to.be.instanceOf(PermissionError);
    expect(await adapter.getInstallationLicense!()).to.deep.equal(before);
  });
});
