// Assignments on the reference backend (R12, issue #22): judged with the rule book's
// planAssignment under the account lock and version check of a commit, idempotent, one audit row
// each; "all N matching" resolved on the server. Every answer is checked against docs/openapi.yaml
// by the harness.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  undoAssignment,
  type Agent,
  type AgentAssignment,
  type LicensingSnapshot,
  type UsagePage,
} from '../../src/core/index.js';
import { backendKind, startServer, type TestAccount, type TestServer } from './helpers/harness.js';

interface Result {
  snapshot: LicensingSnapshot;
  agents: Agent[];
}
interface Refusal {
  problems: { code: string; [field: string]: unknown }[];
}

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(() => server.close());

async function load(account: TestAccount): Promise<LicensingSnapshot> {
  return (await server.call<LicensingSnapshot>('GET', '/licensing', { token: account.tokens.update })).body;
}

async function usage(account: TestAccount, query: string): Promise<UsagePage> {
  return (
    await server.call<UsagePage>('GET', `/licensing/usage?limit=1000&${query}`, {
      token: account.tokens.update,
    })
  ).body;
}

function assignment<T = Result>(
  account: TestAccount,
  body: unknown,
  { version, key, token = account.tokens.update }: { version?: string; key?: string; token?: string },
) {
  return server.call<T>('POST', '/licensing/assignments', {
    token,
    headers: {
      ...(version === undefined ? {} : { 'If-Match': `"${version}"` }),
      ...(key === undefined ? {} : { 'Idempotency-Key': key }),
    },
    body,
  });
}

const inUse = (snapshot: LicensingSnapshot, typeId: string) =>
  snapshot.lines.find((line) => line.typeId === typeId)!.inUse;

describe(`reference backend on ${backendKind}: assignments (R12)`, () => {
  it('a reduction R3 blocks → unassign 3 → the reduction is saved with no conflict; once per key, one audit row', async () => {
    const account = await server.account();
    const snapshot = await load(account);
    const voice = inUse(snapshot, 'voice');
    const blocked = await server.call('POST', '/licensing/changes', {
      token: account.tokens.update,
      headers: { 'If-Match': `"${snapshot.version}"`, 'Idempotency-Key': 'reduce-1' },
      body: { counts: { voice: voice - 3 } },
    });
    assert.equal(blocked.status, 422);
    const voiceOnly = (await usage(account, 'type=voice')).agents.filter(
      (a) => !a.licences.includes('outbound'),
    );
    const ids = voiceOnly.slice(0, 3).map((a) => a.id);
    const freed = await assignment(
      account,
      { action: 'unassign', typeId: 'voice', agentIds: ids },
      {
        version: snapshot.version,
        key: 'free-3',
      },
    );
    assert.equal(freed.status, 200);
    assert.equal(freed.headers.get('etag'), `"${freed.body.snapshot.version}"`);
    assert.notEqual(freed.body.snapshot.version, snapshot.version);
    assert.equal(inUse(freed.body.snapshot, 'voice'), voice - 3);
    assert.deepEqual(freed.body.agents.map((a) => a.id).sort(), [...ids].sort());
    assert.ok(freed.body.agents.every((a) => !a.licences.includes('voice')));
    // A retry answers the first result and changes nothing.
    const again = await assignment(
      account,
      { action: 'unassign', typeId: 'voice', agentIds: ids },
      {
        version: snapshot.version,
        key: 'free-3',
      },
    );
    assert.equal(again.status, 200);
    assert.deepEqual(again.body, freed.body);
    assert.equal((await load(account)).version, freed.body.snapshot.version);
    assert.equal((await usage(account, 'type=voice')).total, voice - 3);

    const saved = await server.call<LicensingSnapshot>('POST', '/licensing/changes', {
      token: account.tokens.update,
      headers: { 'If-Match': `"${freed.body.snapshot.version}"`, 'Idempotency-Key': 'reduce-2' },
      body: { counts: { voice: voice - 3 } },
    });
    assert.equal(saved.status, 200);
    const rows = await server.db.query<{
      action: string;
      type_id: string;
      agents: number;
      user_name: string;
    }>('SELECT action, type_id, agents, user_name FROM assignment_log WHERE account_id = $1', [account.id]);
    assert.deepEqual(
      rows.map((row) => ({ ...row, agents: Number(row.agents) })),
      [{ action: 'unassign', type_id: 'voice', agents: 3, user_name: 'update user' }],
    );
    // An assignment is not a commit: the history does not list it.
    const history = await server.call<{ total: number }>('GET', '/licensing/history?limit=50', {
      token: account.tokens.update,
    });
    assert.equal(history.body.total, 1);
  });

  it('refuses voice from an agent who holds outbound (with the reason), frees both when asked; undo restores the counts', async () => {
    const account = await server.account();
    const snapshot = await load(account);
    const holder = (await usage(account, 'type=outbound')).agents[0]!;
    const refused = await assignment<Refusal>(
      account,
      { action: 'unassign', typeId: 'voice', agentIds: [holder.id] },
      { version: snapshot.version, key: 'v-1' },
    );
    assert.equal(refused.status, 422);
    assert.deepEqual(refused.body.problems, [
      { code: 'required-by-licence', typeId: 'voice', dependentTypeId: 'outbound', agents: 1 },
    ]);
    assert.equal((await load(account)).version, snapshot.version);
    const both = await assignment(
      account,
      { action: 'unassign', typeId: 'voice', agentIds: [holder.id], alsoLinked: true },
      { version: snapshot.version, key: 'v-2' },
    );
    assert.equal(both.status, 200);
    assert.equal(inUse(both.body.snapshot, 'voice'), inUse(snapshot, 'voice') - 1);
    assert.equal(inUse(both.body.snapshot, 'outbound'), inUse(snapshot, 'outbound') - 1);
    const undo = await assignment(
      account,
      { action: 'assign', typeId: 'outbound', agentIds: both.body.agents.map((a) => a.id), alsoLinked: true },
      { version: both.body.snapshot.version, key: 'v-3' },
    );
    assert.equal(undo.status, 200);
    assert.deepEqual(undo.body.snapshot.lines, snapshot.lines);
  });

  it('never assigns above the count; "all N matching" is resolved on the server', async () => {
    const account = await server.account();
    const snapshot = await load(account);
    const all = (await usage(account, '')).agents;
    // A type nothing requires, some agent lacks, set to exactly what is in use: none available.
    const line = snapshot.lines.find(
      (l) =>
        !snapshot.catalog.some((t) => t.requires === l.typeId) &&
        !snapshot.catalog.find((t) => t.id === l.typeId)!.requires &&
        all.some((a) => !a.licences.includes(l.typeId)),
    )!;
    const full = await server.call<LicensingSnapshot>('POST', '/licensing/changes', {
      token: account.tokens.update,
      headers: { 'If-Match': `"${snapshot.version}"`, 'Idempotency-Key': 'full-1' },
      body: { counts: { [line.typeId]: line.inUse } },
    });
    assert.equal(full.status, 200);
    const lacking = all.find((a) => !a.licences.includes(line.typeId))!;
    const over = await assignment<Refusal>(
      account,
      { action: 'assign', typeId: line.typeId, agentIds: [lacking.id] },
      { version: full.body.version, key: 'o-1' },
    );
    assert.equal(over.status, 422);
    assert.deepEqual(over.body.problems, [
      { code: 'not-enough-available', typeId: line.typeId, requested: 1, available: 0 },
    ]);
    assert.equal((await load(account)).version, full.body.version);
    const email = await usage(account, 'type=email&q=a');
    assert.ok(email.total > 0);
    const matching = await assignment(
      account,
      { action: 'unassign', typeId: 'email', query: { typeId: 'email', search: 'a' } },
      { version: full.body.version, key: 'q-1' },
    );
    assert.equal(matching.status, 200);
    assert.equal(matching.body.agents.length, email.total);
    assert.equal(inUse(matching.body.snapshot, 'email'), inUse(snapshot, 'email') - email.total);
    assert.equal((await usage(account, 'type=email&q=a')).total, 0);
  });

  it('refuses view (403), no If-Match (428), a stale version (409), no key (400), a bad selection and unknown agents (422)', async () => {
    const account = await server.account();
    const snapshot = await load(account);
    const body = { action: 'unassign', typeId: 'email', agentIds: ['nobody'] };
    const v = snapshot.version;
    assert.equal(
      (await assignment(account, body, { version: v, key: 'k1', token: account.tokens.view })).status,
      403,
    );
    assert.equal((await assignment(account, body, { key: 'k2' })).status, 428);
    const stale = await assignment<{ currentVersion: string }>(account, body, { version: 'v999', key: 'k3' });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.currentVersion, v);
    assert.equal((await assignment(account, body, { version: v })).status, 400);
    const both = await assignment(account, { ...body, query: { search: 'a' } }, { version: v, key: 'k4' });
    assert.equal(both.status, 422);
    const unknown = await assignment<Refusal>(account, body, { version: v, key: 'k5' });
    assert.equal(unknown.status, 422);
    assert.deepEqual(unknown.body.problems, [{ code: 'unknown-agents', agentIds: ['nobody'] }]);
    const holder = (await usage(account, 'type=email')).agents[0]!;
    const first = await assignment(account, { ...body, agentIds: [holder.id] }, { version: v, key: 'k6' });
    assert.equal(first.status, 200);
    const reused = await assignment(
      account,
      { ...body, typeId: 'voice', agentIds: [holder.id] },
      {
        version: first.body.snapshot.version,
        key: 'k6',
      },
    );
    assert.equal(reused.status, 422);
    assert.equal((await load(account)).version, first.body.snapshot.version);
  });
});

describe(`reference backend on ${backendKind}: outbound needs voice, and undo (R12)`, () => {
  it('outbound to an agent without voice is refused with the reason; with "both" both are given, and undoAssignment takes both back', async () => {
    const account = await server.account();
    const snapshot = await load(account);
    const all = await usage(account, '');
    const bare = all.agents.find((a) => !a.licences.includes('voice'));
    assert.ok(bare, 'the seed has an agent without voice');
    const body = { action: 'assign', typeId: 'outbound', agentIds: [bare.id] };
    const refusedAnswer = await assignment<Refusal>(account, body, {
      version: snapshot.version,
      key: 'ob-1',
    });
    assert.equal(refusedAnswer.status, 422);
    assert.deepEqual(refusedAnswer.body.problems, [
      { code: 'requires-licence', typeId: 'outbound', requiredTypeId: 'voice', agents: 1 },
    ]);
    assert.equal((await load(account)).version, snapshot.version);

    const both = await assignment<Result & { changes: AgentAssignment[] }>(
      account,
      { ...body, alsoLinked: true },
      { version: snapshot.version, key: 'ob-2' },
    );
    assert.equal(both.status, 200);
    assert.deepEqual(both.body.changes, [{ agentId: bare.id, add: ['outbound', 'voice'], remove: [] }]);
    assert.equal(inUse(both.body.snapshot, 'voice'), inUse(snapshot, 'voice') + 1);
    assert.equal(inUse(both.body.snapshot, 'outbound'), inUse(snapshot, 'outbound') + 1);

    let version = both.body.snapshot.version;
    for (const [i, step] of undoAssignment(both.body).entries()) {
      const done = await assignment<Result>(
        account,
        { action: step.action, typeId: step.typeId, agentIds: step.agentIds },
        { version, key: `undo-${i}` },
      );
      assert.equal(done.status, 200, `${step.action} ${step.typeId}`);
      version = done.body.snapshot.version;
    }
    const after = await load(account);
    assert.equal(inUse(after, 'voice'), inUse(snapshot, 'voice'));
    assert.equal(inUse(after, 'outbound'), inUse(snapshot, 'outbound'));
    const now = (await usage(account, '')).agents.find((a) => a.id === bare.id)!;
    assert.deepEqual([...now.licences].sort(), [...bare.licences].sort());
  });
});
