// Use reported by the host's services, and whether a service may run now: the widgets' meters move
// with the records, and a service that used its monthly limit stops until the next month.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LicensingSnapshot } from '../../src/core/index.js';
import { backendKind, startServer, type TestAccount, type TestServer } from './helpers/harness.js';

let server: TestServer;
before(async () => {
  server = await startServer({ now: new Date('2026-11-20T10:00:00Z') });
});
after(() => server.close());

type Allowance = { service: string; allowed: boolean; reason?: string; resumesOn?: string };
type Result = { recorded: number; duplicates: number; detail?: string };

const record = (account: TestAccount, records: unknown[], token = account.tokens.update) =>
  server.call<Result>('POST', '/licensing/usage-records', { token, body: { records } });
const allowed = (account: TestAccount, service: string) =>
  server.call<Allowance>('GET', `/licensing/services/${service}/allowed`, { token: account.tokens.view });
const load = async (account: TestAccount) =>
  (await server.call<LicensingSnapshot>('GET', '/licensing', { token: account.tokens.view })).body;

describe(`reference backend on ${backendKind}: usage records and allowed services`, () => {
  it('counts each record once into the snapshot the widgets load', async () => {
    server.clock.now = new Date('2026-11-20T10:00:00Z');
    const account = await server.account();
    const before = await load(account);
    const first = await record(account, [
      { id: 'r1', service: 'speech-to-text', quantity: 30 },
      { id: 'r2', service: 'smart-routing', quantity: 2 },
    ]);
    assert.equal(first.status, 200);
    assert.deepEqual(first.body, { recorded: 2, duplicates: 0 });
    const again = await record(account, [
      { id: 'r1', service: 'speech-to-text', quantity: 30 },
      { id: 'r3', service: 'speech-to-text', quantity: 5 },
    ]);
    assert.deepEqual(again.body, { recorded: 1, duplicates: 1 });
    const after = await load(account);
    assert.equal(after.speechToText!.usedMinutes, before.speechToText!.usedMinutes + 35);
    const used = (s: LicensingSnapshot) => s.powerPack!.services.find((x) => x.id === 'smart-routing')!.used;
    assert.equal(used(after), used(before) + 2);
  });

  it('refuses a batch naming a service the account lacks, counting none of it', async () => {
    const account = await server.account();
    const before = await load(account);
    const answer = await record(account, [
      { id: 'ok', service: 'speech-to-text', quantity: 1 },
      { id: 'bad', service: 'teleportation', quantity: 1 },
    ]);
    assert.equal(answer.status, 422);
    assert.match(answer.body.detail ?? '', /records\[1\]\.service.*teleportation/);
    const shape = await record(account, [{ id: 'neg', service: 'speech-to-text', quantity: -1 }]);
    assert.equal(shape.status, 422);
    assert.match(shape.body.detail ?? '', /records\[0\]\.quantity must be >= 0/);
    assert.deepEqual(await load(account), before);
  });

  it('says whether a service may run, from the stop rules, until the next month', async () => {
    server.clock.now = new Date('2026-11-20T10:00:00Z');
    const account = await server.account();
    // The demo data: AI Topics has used its 5 packs; Smart routing 4 of 10; STT 5830 of 7000 minutes.
    assert.deepEqual((await allowed(account, 'ai-topics')).body, {
      service: 'ai-topics',
      allowed: false,
      reason: 'limit-reached',
      resumesOn: '2026-12-01',
    });
    assert.deepEqual((await allowed(account, 'smart-routing')).body, {
      service: 'smart-routing',
      allowed: true,
    });
    assert.equal((await allowed(account, 'speech-to-text')).body.allowed, true);
    await record(account, [
      { id: 's', service: 'speech-to-text', quantity: 1170 },
      { id: 'p', service: 'smart-routing', quantity: 6 },
    ]);
    assert.equal((await allowed(account, 'speech-to-text')).body.reason, 'limit-reached');
    assert.equal((await allowed(account, 'smart-routing')).body.reason, 'limit-reached');
    assert.equal((await allowed(account, 'ai-qa')).body.allowed, true, 'no limit');
    assert.equal((await allowed(account, 'teleportation')).status, 404);

    server.clock.now = new Date('2026-12-01T00:00:00Z');
    assert.equal((await allowed(account, 'speech-to-text')).body.allowed, true, 'a new month');
    assert.equal((await allowed(account, 'smart-routing')).body.allowed, true);
    assert.equal((await load(account)).speechToText!.usedMinutes, 0);
  });

  it('answers `disabled` for a switched-off feature', async () => {
    server.clock.now = new Date('2026-11-20T10:00:00Z');
    const account = await server.account();
    const snapshot = await load(account);
    const off = await server.call<LicensingSnapshot>('POST', '/licensing/changes', {
      token: account.tokens.update,
      headers: { 'If-Match': `"${snapshot.version}"`, 'Idempotency-Key': 'off' },
      body: { powerPack: { enabled: false } },
    });
    assert.equal(off.status, 200);
    assert.deepEqual((await allowed(account, 'ai-qa')).body, {
      service: 'ai-qa',
      allowed: false,
      reason: 'disabled',
    });
  });

  it('lets `view` ask and not record, and `none` neither', async () => {
    const account = await server.account();
    assert.equal(
      (await record(account, [{ id: 'v', service: 'ai-qa', quantity: 1 }], account.tokens.view)).status,
      403,
    );
    const none = await server.call('GET', '/licensing/services/ai-qa/allowed', {
      token: account.tokens.none,
    });
    assert.equal(none.status, 403);
    assert.equal(
      (await record(account, [{ id: 'n', service: 'ai-qa', quantity: 1 }], account.tokens.none)).status,
      403,
    );
  });
});

describe(`reference backend on ${backendKind}: --simulate-usage`, () => {
  it('records plausible use for services that may run, so the meters move', async () => {
    server.clock.now = new Date('2026-11-20T10:00:00Z');
    const account = await server.account();
    const before = await load(account);
    const { simulateUsage } = await import('../src/store/simulate.js');
    // random() = 0: 5 minutes of Speech-to-Text, and a pack for every service that may run. This
    // account only: the suite's other files run at the same time on the same database, and a
    // version moved under them (the load test counts every version) would fail them.
    assert.ok(
      (await simulateUsage(server.db, server.clock.now, { random: () => 0, only: [account.id] })) >= 3,
    );
    const after = await load(account);
    assert.equal(after.speechToText!.usedMinutes, before.speechToText!.usedMinutes + 5);
    const used = (s: LicensingSnapshot) => s.powerPack!.services.map((x) => x.used);
    assert.deepEqual(used(after), [5, 5, 3], 'AI Topics had used its limit: no pack for it');
  });
});
