// Change requests an admin can trust (issue #20): a request approved in its commit's own
// transaction (or neither), a retried POST answered once, every pending request listed, a `view`
// user's own requests matched by user, never by display name. Checked against docs/openapi.yaml.

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { ChangeRequest, LicensingSnapshot } from '../../src/core/index.js';
import { hashToken } from '../src/store/seed.js';
import { backendKind, startServer, type TestAccount, type TestServer } from './helpers/harness.js';

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(() => server.close());

async function load(account: TestAccount): Promise<LicensingSnapshot> {
  return (await server.call<LicensingSnapshot>('GET', '/licensing', { token: account.tokens.update })).body;
}

const voiceOf = (snapshot: LicensingSnapshot) => snapshot.lines.find((l) => l.typeId === 'voice')!.count;

async function send(account: TestAccount, body: unknown, key: string, token = account.tokens.view) {
  return server.call<ChangeRequest>('POST', '/licensing/requests', {
    token,
    headers: { 'Idempotency-Key': key },
    body,
  });
}

async function list(token: string): Promise<ChangeRequest[]> {
  const answer = await server.call<{ requests: ChangeRequest[] }>('GET', '/licensing/requests', { token });
  assert.equal(answer.status, 200);
  return answer.body.requests;
}

function commit(account: TestAccount, version: string, key: string, body: unknown, requestId?: string) {
  return server.call<LicensingSnapshot>('POST', '/licensing/changes', {
    token: account.tokens.update,
    headers: {
      'If-Match': `"${version}"`,
      'Idempotency-Key': key,
      ...(requestId ? { 'Change-Request': requestId } : {}),
    },
    body,
  });
}

describe(`reference backend on ${backendKind}: change requests an admin can trust`, () => {
  it('a commit with Change-Request approves the request in its own transaction, with its version', async () => {
    const account = await server.account();
    const snapshot = await load(account);
    const sent = await send(account, { changes: { counts: { voice: voiceOf(snapshot) + 2 } } }, 'k-1');
    const saved = await commit(account, snapshot.version, 'c-1', sent.body.changes, sent.body.id);
    assert.equal(saved.status, 200);
    const [approved] = await list(account.tokens.view);
    assert.equal(approved!.id, sent.body.id);
    assert.equal(approved!.status, 'approved');
    assert.equal(approved!.decidedBy, 'update user');
    assert.equal(approved!.version, saved.body.version);
    // A retry of the same cart answers the first result and approves nothing twice.
    const again = await commit(account, snapshot.version, 'c-1', sent.body.changes, sent.body.id);
    assert.equal(again.status, 200);
    assert.equal(again.body.version, saved.body.version);
    // The same key with another request is another body.
    const other = await commit(account, snapshot.version, 'c-1', sent.body.changes, 'another');
    assert.equal(other.status, 422);
  });

  it('refuses the commit (409, request-decided) when the request was declined meanwhile: nothing saved', async () => {
    const account = await server.account();
    const snapshot = await load(account);
    const sent = await send(account, { changes: { counts: { voice: voiceOf(snapshot) + 1 } } }, 'k-2');
    const declined = await server.call('POST', `/licensing/requests/${sent.body.id}/decline`, {
      token: account.tokens.update,
      body: { reason: 'Budget frozen' },
    });
    assert.equal(declined.status, 200);
    const refused = await commit(account, snapshot.version, 'c-2', sent.body.changes, sent.body.id);
    assert.equal(refused.status, 409);
    const problem = refused.body as unknown as { reason: string; detail: string };
    assert.equal(problem.reason, 'request-decided');
    assert.match(problem.detail, /already declined by update user/);
    const now = await load(account);
    assert.equal(now.version, snapshot.version);
    assert.equal(voiceOf(now), voiceOf(snapshot));
    const [still] = await list(account.tokens.update);
    assert.equal(still!.status, 'declined');
    assert.equal(still!.version, undefined);
  });

  it('refuses the commit of an unknown request (404) and leaves a stale one unapproved (409)', async () => {
    const account = await server.account();
    const snapshot = await load(account);
    const missing = await commit(account, snapshot.version, 'c-3', { counts: { voice: 1 } }, 'nope');
    assert.equal(missing.status, 404);
    // Told apart from a missing account or route: the cart ends the review and keeps the draft.
    assert.equal((missing.body as unknown as { reason: string }).reason, 'request-not-found');
    const sent = await send(account, { changes: { counts: { voice: voiceOf(snapshot) + 1 } } }, 'k-3');
    const stale = await commit(account, 'v0', 'c-4', sent.body.changes, sent.body.id);
    assert.equal(stale.status, 409);
    const [request] = await list(account.tokens.update);
    assert.equal(request!.status, 'pending');
    assert.equal((await load(account)).version, snapshot.version);
  });

  it('answers concurrent POSTs with one Idempotency-Key with the same request, never a 500', async () => {
    const account = await server.account();
    const voice = voiceOf(await load(account));
    const body = { changes: { counts: { voice: voice + 3 } }, note: 'Night shift' };
    const answers = await Promise.all(Array.from({ length: 6 }, () => send(account, body, 'same-key')));
    assert.deepEqual(
      answers.map((a) => a.status),
      [201, 201, 201, 201, 201, 201],
    );
    assert.equal(new Set(answers.map((a) => a.body.id)).size, 1);
    assert.equal((await list(account.tokens.update)).length, 1);
    const reused = await send(account, { ...body, note: 'Another note' }, 'same-key');
    assert.equal(reused.status, 422);
    assert.equal((reused.body as unknown as { reason: string }).reason, 'key-reused');
  });

  it('lists every pending request first, however many were decided since, then 200 decided', async () => {
    const account = await server.account();
    const voice = voiceOf(await load(account));
    const old = await send(account, { changes: { counts: { voice: voice + 1 } } }, 'old');
    await server.db.query(
      `INSERT INTO change_requests (account_id, id, idempotency_key, request_hash, requested_by, requested_at,
         changes, before, note, status, decided_by, decided_at, reason, requester_id)
       SELECT $1, 'd-' || n, 'd-' || n, 'h', 'view user', now(), '{}'::jsonb, '{}'::jsonb, '', 'declined',
         'update user', now(), 'No', NULL
       FROM generate_series(1, 230) AS n`,
      [account.id],
    );
    const newest = await send(account, { changes: { counts: { voice: voice + 2 } } }, 'new');
    const requests = await list(account.tokens.update);
    assert.deepEqual(
      requests.slice(0, 2).map((r) => r.id),
      [newest.body.id, old.body.id],
    );
    assert.equal(requests.length, 202);
    assert.ok(requests.slice(2).every((r) => r.status === 'declined'));
    assert.equal(requests[2]!.id, 'd-230');
  });

  it("matches a view user's own requests by user, not by a display name two users share", async () => {
    const account = await server.account();
    const twin = `view-twin-${randomUUID()}`;
    await server.db.query(
      `INSERT INTO users (token_hash, account_id, name, permission) VALUES ($1, $2, 'view user', 'view')`,
      [hashToken(twin), account.id],
    );
    const voice = voiceOf(await load(account));
    const mine = await send(account, { changes: { counts: { voice: voice + 1 } } }, 'mine');
    const theirs = await send(account, { changes: { counts: { voice: voice + 2 } } }, 'theirs', twin);
    assert.equal(theirs.status, 201);
    assert.deepEqual(
      (await list(account.tokens.view)).map((r) => r.id),
      [mine.body.id],
    );
    assert.deepEqual(
      (await list(twin)).map((r) => r.id),
      [theirs.body.id],
    );
    assert.equal((await list(account.tokens.update)).length, 2);
  });

  it('answers the reason note-too-long for a long note, as the memory adapter does', async () => {
    const account = await server.account();
    const voice = voiceOf(await load(account));
    const long = await send(
      account,
      { changes: { counts: { voice: voice + 1 } }, note: 'x'.repeat(1001) },
      'l',
    );
    assert.equal(long.status, 422);
    assert.equal((long.body as unknown as { reason: string }).reason, 'note-too-long');
  });
});
