// Billing months on the server, with the injectable clock: crossing into a new month brings the
// peak back to the billed units and resets the month's Speech-to-Text minutes and Power Pack use.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LicensingSnapshot } from '../../src/core/index.js';
import { backendKind, startServer, type TestServer } from './helpers/harness.js';

let server: TestServer;
before(async () => {
  server = await startServer({ now: new Date('2026-11-20T10:00:00Z') });
});
after(() => server.close());

describe(`reference backend on ${backendKind}: billing months`, () => {
  it('rolls into the next UTC month: period, peaks, usage and version move on; counts stay', async () => {
    server.clock.now = new Date('2026-11-20T10:00:00Z');
    const account = await server.account();
    const load = async () =>
      (await server.call<LicensingSnapshot>('GET', '/licensing', { token: account.tokens.update })).body;
    const november = await load();
    assert.deepEqual(november.period, { start: '2026-11-01', end: '2026-11-30' });
    const voice = november.lines.find((l) => l.typeId === 'voice')!;
    const recording = november.lines.find((l) => l.typeId === 'call-recording')!;
    assert.ok(voice.peak > voice.count, 'the demo data has a peak above the count');
    assert.ok((november.speechToText?.usedMinutes ?? 0) > 0);

    server.clock.now = new Date('2026-11-30T23:59:59Z');
    assert.equal((await load()).version, november.version, 'still November');

    server.clock.now = new Date('2026-12-01T00:00:01Z');
    const december = await load();
    assert.deepEqual(december.period, { start: '2026-12-01', end: '2026-12-31' });
    assert.notEqual(december.version, november.version);
    const voiceAfter = december.lines.find((l) => l.typeId === 'voice')!;
    assert.equal(voiceAfter.count, voice.count);
    assert.equal(voiceAfter.peak, voice.count, 'the peak fell back to the count');
    // Call recording is billed per retention step: 9 months is three units per licence.
    assert.equal(december.lines.find((l) => l.typeId === 'call-recording')!.peak, recording.count * 3);
    assert.equal(december.speechToText?.usedMinutes, 0);
    assert.deepEqual(
      december.powerPack?.services.map((s) => s.used),
      [0, 0, 0],
    );
    assert.deepEqual(await load(), december, 'rolled once');
  });

  it('rolls over inside a commit too, so a stale November version is a conflict in December', async () => {
    server.clock.now = new Date('2026-11-15T00:00:00Z');
    const account = await server.account();
    const november = (
      await server.call<LicensingSnapshot>('GET', '/licensing', { token: account.tokens.update })
    ).body;
    server.clock.now = new Date('2027-01-02T00:00:00Z');
    const answer = await server.call<{ currentVersion: string }>('POST', '/licensing/changes', {
      token: account.tokens.update,
      headers: { 'If-Match': `"${november.version}"`, 'Idempotency-Key': 'month-1' },
      body: { counts: { supervisor: 30 } },
    });
    assert.equal(answer.status, 409);
    const january = (
      await server.call<LicensingSnapshot>('GET', '/licensing', { token: account.tokens.update })
    ).body;
    assert.equal(answer.body.currentVersion, january.version);
    assert.deepEqual(january.period, { start: '2027-01-01', end: '2027-01-31' });
  });

  it("follows the account's own time zone when it names one", async () => {
    server.clock.now = new Date('2026-11-20T10:00:00Z');
    const utc = await server.account();
    const auckland = await server.account({ timeZone: 'Pacific/Auckland' });
    const period = async (account: typeof utc) =>
      (await server.call<LicensingSnapshot>('GET', '/licensing', { token: account.tokens.view })).body.period;
    assert.deepEqual(await period(auckland), { start: '2026-11-01', end: '2026-11-30' });
    // 12:00 UTC on 30 November is 01:00 on 1 December in Auckland (UTC+13).
    server.clock.now = new Date('2026-11-30T12:00:00Z');
    assert.deepEqual(await period(utc), { start: '2026-11-01', end: '2026-11-30' });
    assert.deepEqual(await period(auckland), { start: '2026-12-01', end: '2026-12-31' });
  });
});
