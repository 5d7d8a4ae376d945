// Change requests on the reference backend (R1): `view` may send a request and nothing else that
// writes; `update` lists every request, declines one with a reason or approves it after saving.
// Every answer is checked against docs/openapi.yaml by the harness.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ChangeRequest, LicensingSnapshot } from '../../src/core/index.js';
import { backendKind, startServer, type TestAccount, type TestServer } from './helpers/harness.js';

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(() => server.close());

async function load(account: TestAccount): Promise<LicensingSnapshot> {
  return (await server.call<LicensingSnapshot>('GET', '/licensing', { token: account.tokens.update })).body;
}

async function send(account: TestAccount, body: unknown, key: string, token = account.tokens.view) {
  return server.call<ChangeRequest>('POST', '/licensing/requests', {
    token,
    headers: { 'Idempotency-Key': key },
    body,
  });
}

describe(`reference backend on ${backendKind}: change requests`, () => {
  it('view sends a request (once per key) and changes no licence; view still may not commit', async () => {
    const account = await server.account();
    const snapshot = await load(account);
    const voice = snapshot.lines.find((l) => l.typeId === 'voice')!.count;
    const sent = await send(account, { changes: { counts: { voice: voice + 2 } }, note: 'New team' }, 'r-1');
    assert.equal(sent.status, 201);
    assert.equal(sent.body.status, 'pending');
    assert.equal(sent.body.note, 'New team');
    assert.deepEqual(sent.body.changes, { counts: { voice: voice + 2 } });
    assert.deepEqual(sent.body.before, { counts: { voice } });
    const again = await send(account, { changes: { counts: { voice: voice + 2 } }, note: 'New team' }, 'r-1');
    assert.equal(again.body.id, sent.body.id);
    assert.equal((await load(account)).version, snapshot.version);
    const commit = await server.call('POST', '/licensing/changes', {
      token: account.tokens.view,
      headers: { 'If-Match': `"${snapshot.version}"`, 'Idempotency-Key': 'c-1' },
      body: { counts: { voice: voice + 2 } },
    });
    assert.equal(commit.status, 403);
    const mine = await server.call<{ requests: ChangeRequest[] }>('GET', '/licensing/requests', {
      token: account.tokens.view,
    });
    assert.equal(mine.status, 200);
    assert.deepEqual(
      mine.body.requests.map((r) => r.id),
      [sent.body.id],
    );
  });

  it('refuses a request from update and none, one that breaks a rule, and a note too long', async () => {
    const account = await server.account();
    const voice = (await load(account)).lines.find((l) => l.typeId === 'voice')!;
    const raise = { changes: { counts: { voice: voice.count + 1 } } };
    assert.equal((await send(account, raise, 'u-1', account.tokens.update)).status, 403);
    assert.equal((await send(account, raise, 'n-1', account.tokens.none)).status, 403);
    const below = await send(account, { changes: { counts: { voice: 0 } } }, 'b-1');
    assert.equal(below.status, 422);
    const long = await send(account, { ...raise, note: 'x'.repeat(1001) }, 'l-1');
    assert.equal(long.status, 422);
  });

  it('update declines with a reason the requester sees; a second decision is a conflict', async () => {
    const account = await server.account();
    const voice = (await load(account)).lines.find((l) => l.typeId === 'voice')!.count;
    const sent = await send(account, { changes: { counts: { voice: voice + 1 } } }, 'd-1');
    const path = `/licensing/requests/${sent.body.id}`;
    assert.equal(
      (await server.call('POST', `${path}/decline`, { token: account.tokens.view, body: { reason: 'no' } }))
        .status,
      403,
    );
    const empty = await server.call('POST', `${path}/decline`, {
      token: account.tokens.update,
      body: { reason: ' ' },
    });
    assert.equal(empty.status, 422);
    const declined = await server.call<ChangeRequest>('POST', `${path}/decline`, {
      token: account.tokens.update,
      body: { reason: 'Budget frozen' },
    });
    assert.equal(declined.status, 200);
    assert.equal(declined.body.status, 'declined');
    assert.equal(declined.body.reason, 'Budget frozen');
    const seen = await server.call<{ requests: ChangeRequest[] }>('GET', '/licensing/requests', {
      token: account.tokens.view,
    });
    assert.equal(seen.body.requests[0]!.status, 'declined');
    assert.equal(seen.body.requests[0]!.reason, 'Budget frozen');
    const twice = await server.call('POST', `${path}/approve`, { token: account.tokens.update, body: {} });
    assert.equal(twice.status, 409);
    const missing = await server.call('POST', '/licensing/requests/nope/approve', {
      token: account.tokens.update,
      body: {},
    });
    assert.equal(missing.status, 404);
  });

  it('update approves a request once its change is saved, and lists every request', async () => {
    const account = await server.account();
    const snapshot = await load(account);
    const voice = snapshot.lines.find((l) => l.typeId === 'voice')!.count;
    const sent = await send(account, { changes: { counts: { voice: voice + 1 } } }, 'a-1');
    const all = await server.call<{ requests: ChangeRequest[] }>('GET', '/licensing/requests', {
      token: account.tokens.update,
    });
    assert.deepEqual(
      all.body.requests.map((r) => r.id),
      [sent.body.id],
    );
    const commit = await server.call('POST', '/licensing/changes', {
      token: account.tokens.update,
      headers: { 'If-Match': `"${snapshot.version}"`, 'Idempotency-Key': 'a-commit' },
      body: sent.body.changes,
    });
    assert.equal(commit.status, 200);
    const approved = await server.call<ChangeRequest>('POST', `/licensing/requests/${sent.body.id}/approve`, {
      token: account.tokens.update,
      body: {},
    });
    assert.equal(approved.status, 200);
    assert.equal(approved.body.status, 'approved');
    assert.ok(approved.body.decidedAt);
  });
});
