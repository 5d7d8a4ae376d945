// The demo's controls (--demo-controls, docs/demo-controls.md): off by default; on, they put an
// account's installation licence and Power Pack prerequisites into the demo panel's states, as
// the memory adapter has them (demo/states.ts), make the next load or save fail once, and reset
// the demo account. Every answer of the contract's routes is still checked against it.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LICENCE_STATES, licenceInState, licenceStateOf, prerequisitesIn } from '../../demo/states.js';
import type { InstallationLicense, LicensingSnapshot } from '../../src/core/index.js';
import { isLoopback } from '../src/dev/demo-controls.js';
import { DEMO_USERS, demoAccount, seedAccount } from '../src/store/seed.js';
import { backendKind, startServer, type TestAccount, type TestServer } from './helpers/harness.js';

const NOW = new Date('2026-11-20T10:00:00Z');

let server: TestServer;
let plain: TestServer;
before(async () => {
  server = await startServer({ now: NOW, demoControls: true });
  plain = await startServer({ now: NOW });
});
after(async () => {
  await server.close();
  await plain.close();
});

/** A POST to a demo control (not part of the contract, so not checked against it). */
async function control(on: TestServer, path: string, token: string | undefined, body?: unknown) {
  const response = await fetch(`${on.api}/dev/${path}`, {
    method: 'POST',
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

const snapshotOf = async (account: TestAccount) =>
  (await server.call<LicensingSnapshot>('GET', '/licensing', { token: account.tokens.view })).body;

describe(`reference backend on ${backendKind}: demo controls`, () => {
  it('are not there without --demo-controls', async () => {
    const account = await plain.account();
    for (const path of ['license-state', 'prerequisites', 'fail-next', 'reset']) {
      const answer = await control(plain, path, account.tokens.update, { state: 'expired' });
      assert.equal(answer.status, 404, path);
    }
  });

  it('answer only a known user, on loopback, with a state they know', async () => {
    const account = await server.account();
    assert.equal((await control(server, 'license-state', undefined, { state: 'active' })).status, 401);
    assert.equal((await control(server, 'license-state', 'nobody', { state: 'active' })).status, 401);
    const unknown = await control(server, 'license-state', account.tokens.update, { state: 'broken' });
    assert.equal(unknown.status, 422);
    assert.match(String(unknown.body?.detail), /grace-late-payment/, 'the refusal lists the states');
    assert.equal((await control(server, 'fail-next', account.tokens.update, { operation: 'x' })).status, 422);
    for (const address of ['127.0.0.1', '127.8.0.2', '::1', '::ffff:127.0.0.1'])
      assert.ok(isLoopback(address));
    for (const address of ['10.0.0.1', '::ffff:192.168.1.4', '2001:db8::1', '', undefined]) {
      assert.equal(isLoopback(address), false, String(address));
    }
  });

  it('put the installation licence into each state, as GET /license then answers it', async () => {
    const account = await server.account();
    const base = (await server.call<InstallationLicense>('GET', '/license', { token: account.tokens.view }))
      .body;
    for (const state of LICENCE_STATES) {
      const set = await control(server, 'license-state', account.tokens.view, { state });
      assert.equal(set.status, 200, state);
      const answer = await server.call<InstallationLicense>('GET', '/license', {
        token: account.tokens.view,
      });
      assert.deepEqual(
        answer.body,
        licenceInState(base, state, NOW),
        `${state}: as the memory adapter has it`,
      );
      assert.deepEqual(set.body, answer.body, `${state}: the control answers the licence`);
      assert.equal(licenceStateOf(answer.body, NOW), state, `${state}: the panel reads it back`);
    }
    const other = await server.account();
    assert.equal(
      (await server.call<InstallationLicense>('GET', '/license', { token: other.tokens.view })).body.status
        .state,
      'active',
      "another account's licence is not touched",
    );
  });

  it('set the Power Pack prerequisites missing or met, with a new version each time', async () => {
    const account = await server.account();
    const first = await snapshotOf(account);
    const missing = await control(server, 'prerequisites', account.tokens.update, { state: 'missing' });
    assert.equal(missing.status, 200);
    const without = await snapshotOf(account);
    assert.deepEqual(without.prerequisites, prerequisitesIn('missing').prerequisites);
    assert.equal(without.speechToText?.enabled, false, 'AI Topics on call queues needs Speech-to-Text on');
    assert.notEqual(without.version, first.version);
    assert.equal(missing.body?.version, without.version);

    await control(server, 'prerequisites', account.tokens.update, { state: 'met' });
    const met = await snapshotOf(account);
    assert.deepEqual(met.prerequisites, prerequisitesIn('met').prerequisites);
    assert.equal(met.speechToText?.enabled, true);
    assert.notEqual(met.version, without.version);
  });

  it("make the account's next load fail once (500), and no other account's", async () => {
    const account = await server.account();
    const other = await server.account();
    assert.equal(
      (await control(server, 'fail-next', account.tokens.update, { operation: 'load' })).status,
      204,
    );
    assert.equal((await server.call('GET', '/licensing', { token: other.tokens.view })).status, 200);
    const failed = await server.call<{ detail: string }>('GET', '/licensing', { token: account.tokens.view });
    assert.equal(failed.status, 500);
    assert.match(failed.body.detail, /on purpose/);
    assert.equal(
      (await server.call('GET', '/licensing', { token: account.tokens.view })).status,
      200,
      'once',
    );
  });

  it('make the next save fail once (500) without applying it; the retry with the same key saves', async () => {
    const account = await server.account();
    const before = await snapshotOf(account);
    const voice = before.lines.find((line) => line.typeId === 'voice')!;
    const save = () =>
      server.call<LicensingSnapshot>('POST', '/licensing/changes', {
        token: account.tokens.update,
        headers: { 'If-Match': `"${before.version}"`, 'Idempotency-Key': 'demo-fail-once' },
        body: { counts: { voice: voice.count + 1 } },
      });
    await control(server, 'fail-next', account.tokens.update, { operation: 'commit' });
    assert.equal((await save()).status, 500);
    assert.equal((await snapshotOf(account)).version, before.version, 'nothing was applied');
    const retry = await save();
    assert.equal(retry.status, 200);
    assert.equal(retry.body.lines.find((line) => line.typeId === 'voice')?.count, voice.count + 1);
  });

  it('reset the demo account to the demo data, and refuse to reset any other', async () => {
    await server.db.transaction((tx) => seedAccount(tx, demoAccount({ now: NOW, agents: 5 })));
    const token = DEMO_USERS.find((user) => user.permission === 'update')!.token;
    await control(server, 'license-state', token, { state: 'expired' });
    await control(server, 'prerequisites', token, { state: 'missing' });
    assert.equal((await control(server, 'reset', token)).status, 204);
    const snapshot = (await server.call<LicensingSnapshot>('GET', '/licensing', { token })).body;
    assert.equal(snapshot.version, 'v1');
    assert.deepEqual(snapshot.prerequisites, prerequisitesIn('met').prerequisites);
    const licence = (await server.call<InstallationLicense>('GET', '/license', { token })).body;
    assert.equal(licence.status.state, 'active');

    const account = await server.account();
    assert.equal((await control(server, 'reset', account.tokens.update)).status, 422);
  });
});
