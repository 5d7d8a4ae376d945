// The reference backend over real HTTP: every operation and status of the contract, permissions,
// account isolation, idempotency, conflicts and rule breaks. Every answer is checked against
// docs/openapi.yaml by the harness.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LicensingSnapshot, UsagePage } from '../../src/core/index.js';
import { backendKind, startServer, type TestAccount, type TestServer } from './helpers/harness.js';

type Problem = { status: number; detail?: string; issues?: { code: string }[]; currentVersion?: string };

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(() => server.close());

const commitHeaders = (version: string, key: string) => ({
  'If-Match': `"${version}"`,
  'Idempotency-Key': key,
});

async function load(account: TestAccount): Promise<LicensingSnapshot> {
  const answer = await server.call<LicensingSnapshot>('GET', '/licensing', { token: account.tokens.update });
  assert.equal(answer.status, 200);
  return answer.body;
}

describe(`reference backend on ${backendKind}: who may do what`, () => {
  it('answers 401 without a token and with an unknown one', async () => {
    const none = await server.call<Problem>('GET', '/licensing');
    assert.equal(none.status, 401);
    assert.match(none.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.equal(none.headers.get('www-authenticate'), 'Bearer');
    const unknown = await server.call('GET', '/licensing', { token: 'not-a-token' });
    assert.equal(unknown.status, 401);
    const usage = await server.call('GET', '/licensing/usage', { token: 'not-a-token' });
    assert.equal(usage.status, 401);
  });

  it('shows a user with `none` that licensing exists, and none of the data; every other route is 403', async () => {
    const account = await server.account();
    const token = account.tokens.none;
    const snapshot = await server.call<LicensingSnapshot>('GET', '/licensing', { token });
    assert.equal(snapshot.status, 200);
    assert.equal(snapshot.body.permission, 'none');
    assert.deepEqual(snapshot.body.lines, []);
    assert.deepEqual(snapshot.body.catalog, []);
    assert.equal(snapshot.body.powerPack, undefined);
    assert.equal(snapshot.body.speechToText, undefined);
    for (const [method, path] of [
      ['GET', '/licensing/usage'],
      ['GET', '/license'],
      ['GET', '/license/log'],
    ] as const) {
      assert.equal((await server.call(method, path, { token })).status, 403, `${method} ${path}`);
    }
    const key = await server.call('PUT', '/license/key', { token, body: { key: 'x' } });
    assert.equal(key.status, 403);
  });

  it('lets a user with `view` read and change nothing, even with hand-made requests', async () => {
    const account = await server.account();
    const token = account.tokens.view;
    const before = await load(account);
    const snapshot = await server.call<LicensingSnapshot>('GET', '/licensing', { token });
    assert.equal(snapshot.body.permission, 'view');
    assert.equal(snapshot.body.lines.length, before.lines.length);
    assert.equal((await server.call('GET', '/licensing/usage', { token })).status, 200);
    assert.equal((await server.call('GET', '/license', { token })).status, 200);
    const commit = await server.call<Problem>('POST', '/licensing/changes', {
      token,
      headers: commitHeaders(before.version, 'view-1'),
      body: { counts: { supervisor: 30 } },
    });
    assert.equal(commit.status, 403);
    assert.equal((await server.call('PUT', '/license/key', { token, body: { key: 'x' } })).status, 403);
    assert.equal((await server.call('GET', '/license/log', { token })).status, 403);
    assert.deepEqual(await load(account), before, 'nothing changed');
  });

  it("never lets one account's token read or change another account's data (both ways)", async () => {
    const a = await server.account();
    const b = await server.account({
      agents: [{ id: 'only-b', name: 'Bertha Only', email: 'bertha@b.example', licences: ['voice'] }],
    });
    const usageA = await server.call<UsagePage>('GET', '/licensing/usage?limit=1000', {
      token: a.tokens.update,
    });
    const usageB = await server.call<UsagePage>('GET', '/licensing/usage?limit=1000', {
      token: b.tokens.update,
    });
    assert.equal(usageB.body.total, 1);
    assert.ok(!usageA.body.agents.some((agent) => agent.id === 'only-b'));
    assert.equal(usageA.body.total, 60);

    const beforeA = await load(a);
    const beforeB = await load(b);
    const changed = await server.call<LicensingSnapshot>('POST', '/licensing/changes', {
      token: b.tokens.update,
      headers: commitHeaders(beforeB.version, 'same-key'),
      body: { counts: { supervisor: 40 } },
    });
    assert.equal(changed.status, 200);
    assert.deepEqual(await load(a), beforeA, "B's commit did not touch A");
    // The same key in another account is another key: keys are per account.
    const inA = await server.call<LicensingSnapshot>('POST', '/licensing/changes', {
      token: a.tokens.update,
      headers: commitHeaders(beforeA.version, 'same-key'),
      body: { counts: { supervisor: 41 } },
    });
    assert.equal(inA.status, 200);
    assert.equal(inA.body.lines.find((l) => l.typeId === 'supervisor')?.count, 41);
    assert.equal(
      (await load(b)).lines.find((l) => l.typeId === 'supervisor')?.count,
      40,
      "A's commit did not touch B",
    );
  });
});

describe(`reference backend on ${backendKind}: GET /licensing and /licensing/usage`, () => {
  it('answers the snapshot with its version as a strong ETag', async () => {
    const account = await server.account();
    const answer = await server.call<LicensingSnapshot>('GET', '/licensing', {
      token: account.tokens.update,
    });
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('etag'), `"${answer.body.version}"`);
    assert.equal(answer.body.permission, 'update');
    assert.equal(answer.body.catalog.length, 10);
    assert.equal(answer.body.powerPack?.services.length, 3);
  });

  it('filters by type and folded text, pages in one stable order, and counts per type', async () => {
    const account = await server.account({
      agents: [
        { id: 'a3', name: 'Zoë Nováková', email: 'zoe@example.com', licences: ['voice', 'email'] },
        { id: 'a1', name: 'Adam Novak', licences: ['voice'] },
        { id: 'a2', name: 'Bára Svobodová', email: 'bara.novak@example.com', licences: ['email'] },
        { id: 'a4', name: 'Adam Novak', licences: [] },
      ],
    });
    const token = account.tokens.view;
    const all = await server.call<UsagePage>('GET', '/licensing/usage', { token });
    assert.deepEqual(
      all.body.agents.map((a) => a.id),
      ['a1', 'a4', 'a2', 'a3'],
    );
    assert.deepEqual(all.body.countsByType, { voice: 2, email: 2 });
    const found = await server.call<UsagePage>('GET', '/licensing/usage?q=NOVAK', { token });
    assert.deepEqual(
      found.body.agents.map((a) => a.id),
      ['a1', 'a4', 'a2', 'a3'],
      'name or email, case and accents folded',
    );
    const zoe = await server.call<UsagePage>('GET', `/licensing/usage?q=${encodeURIComponent('zoe nov')}`, {
      token,
    });
    assert.deepEqual(
      zoe.body.agents.map((a) => a.id),
      ['a3'],
    );
    const typed = await server.call<UsagePage>('GET', '/licensing/usage?type=email&q=novak', { token });
    assert.deepEqual(
      typed.body.agents.map((a) => a.id),
      ['a2', 'a3'],
    );
    assert.equal(typed.body.total, 2);
    assert.deepEqual(typed.body.countsByType, { voice: 2, email: 2 }, 'counts ignore the type filter');
    const page = await server.call<UsagePage>('GET', '/licensing/usage?offset=1&limit=2', { token });
    assert.deepEqual(
      page.body.agents.map((a) => a.id),
      ['a4', 'a2'],
    );
    assert.equal(page.body.total, 4);
    const wild = await server.call<UsagePage>('GET', '/licensing/usage?q=%25', { token });
    assert.equal(wild.body.total, 0, '% is text, not a wildcard');
  });

  it('answers 400 for a query that is not whole numbers', async () => {
    const account = await server.account();
    for (const query of ['offset=-1', 'limit=ten', 'offset=1.5']) {
      const answer = await server.call<Problem>('GET', `/licensing/usage?${query}`, {
        token: account.tokens.view,
      });
      assert.equal(answer.status, 400, query);
    }
  });
});

describe(`reference backend on ${backendKind}: POST /licensing/changes`, () => {
  it('applies a change with the rule book: count set, peak raised, version bumped, audit row stored', async () => {
    const account = await server.account();
    const before = await load(account);
    const line = before.lines.find((l) => l.typeId === 'supervisor')!;
    const answer = await server.call<LicensingSnapshot>('POST', '/licensing/changes', {
      token: account.tokens.update,
      headers: commitHeaders(before.version, 'k-apply'),
      body: { counts: { supervisor: line.peak + 5 }, powerPack: { limits: { 'ai-qa': 7 } } },
    });
    assert.equal(answer.status, 200);
    assert.notEqual(answer.body.version, before.version);
    assert.equal(answer.headers.get('etag'), `"${answer.body.version}"`);
    const after = answer.body.lines.find((l) => l.typeId === 'supervisor')!;
    assert.equal(after.count, line.peak + 5);
    assert.equal(after.peak, line.peak + 5, 'the high-water peak rose');
    assert.equal(answer.body.powerPack?.services.find((s) => s.id === 'ai-qa')?.limit, 7);
    assert.deepEqual(await load(account), answer.body);
    const audit = await server.db.query<{ user_name: string; idempotency_key: string; quote: unknown }>(
      'SELECT user_name, idempotency_key, quote FROM audit_log WHERE account_id = $1',
      [account.id],
    );
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.user_name, 'update user');
    assert.equal(audit[0]!.idempotency_key, 'k-apply');
    assert.ok(audit[0]!.quote);
  });

  it('answers a repeated key with the first result and applies it once; another body under it is 422', async () => {
    const account = await server.account();
    const before = await load(account);
    const call = (body: unknown) =>
      server.call<LicensingSnapshot & Problem>('POST', '/licensing/changes', {
        token: account.tokens.update,
        headers: commitHeaders(before.version, 'k-twice'),
        body,
      });
    const first = await call({ counts: { supervisor: 30 } });
    const second = await call({ counts: { supervisor: 30 } });
    assert.equal(first.status, 200);
    assert.equal(second.status, 200, 'not a conflict, although the version moved on');
    assert.deepEqual(second.body, first.body);
    assert.equal((await load(account)).version, first.body.version, 'applied once');
    const other = await call({ counts: { supervisor: 31 } });
    assert.equal(other.status, 422);
    assert.match(other.body.detail ?? '', /Idempotency-Key/);
    const audit = await server.db.query('SELECT 1 FROM audit_log WHERE account_id = $1', [account.id]);
    assert.equal(audit.length, 1);
  });

  it('makes a repeat that arrives while the first is running wait for it, never a conflict', async () => {
    const account = await server.account();
    const before = await load(account);
    const send = () =>
      server.call<LicensingSnapshot>('POST', '/licensing/changes', {
        token: account.tokens.update,
        headers: commitHeaders(before.version, 'k-race'),
        body: { counts: { supervisor: 33 } },
      });
    const answers = await Promise.all([send(), send(), send()]);
    assert.deepEqual(
      answers.map((a) => a.status),
      [200, 200, 200],
    );
    assert.equal(new Set(answers.map((a) => a.body.version)).size, 1);
    const audit = await server.db.query('SELECT 1 FROM audit_log WHERE account_id = $1', [account.id]);
    assert.equal(audit.length, 1);
  });

  it('answers 409 with currentVersion to a stale If-Match and changes nothing', async () => {
    const account = await server.account();
    const before = await load(account);
    const answer = await server.call<Problem>('POST', '/licensing/changes', {
      token: account.tokens.update,
      headers: commitHeaders('v999', 'k-stale'),
      body: { counts: { supervisor: 30 } },
    });
    assert.equal(answer.status, 409);
    assert.equal(answer.body.currentVersion, before.version);
    assert.deepEqual(await load(account), before);
  });

  it('accepts the bare version form in If-Match', async () => {
    const account = await server.account();
    const before = await load(account);
    const answer = await server.call('POST', '/licensing/changes', {
      token: account.tokens.update,
      headers: { 'If-Match': before.version, 'Idempotency-Key': 'k-bare' },
      body: { counts: { supervisor: 30 } },
    });
    assert.equal(answer.status, 200);
  });

  it('answers 422 with the rule book’s issue codes to a rule break and changes nothing', async () => {
    const account = await server.account();
    const before = await load(account);
    const voice = before.lines.find((l) => l.typeId === 'voice')!;
    const answer = await server.call<Problem>('POST', '/licensing/changes', {
      token: account.tokens.update,
      headers: commitHeaders(before.version, 'k-rule'),
      body: { counts: { voice: voice.inUse - 1 }, retention: { months: 4 } },
    });
    assert.equal(answer.status, 422);
    const codes = answer.body.issues?.map((issue) => issue.code) ?? [];
    assert.ok(codes.includes('reduce-below-in-use'), codes.join());
    assert.ok(codes.includes('retention-invalid'), codes.join());
    assert.deepEqual(await load(account), before);
  });

  it('answers 422 naming an unknown or mistyped field, never a silent no-op', async () => {
    const account = await server.account();
    const before = await load(account);
    const cases: [unknown, RegExp][] = [
      [{ count: { voice: 3 } }, /count is not a field/],
      [{ counts: { voice: '3' } }, /counts\.voice must be number/],
      [{ speechToText: { enabled: 'yes' } }, /speechToText\.enabled must be boolean/],
      [{ powerPack: { limit: {} } }, /powerPack\.limit is not a field/],
      [[1, 2], /must be object/],
    ];
    for (const [i, [body, detail]] of cases.entries()) {
      const answer = await server.call<Problem>('POST', '/licensing/changes', {
        token: account.tokens.update,
        headers: commitHeaders(before.version, `k-shape-${i}`),
        body,
      });
      assert.equal(answer.status, 422, JSON.stringify(body));
      assert.match(answer.body.detail ?? '', detail);
      assert.deepEqual(answer.body.issues, []);
    }
    assert.deepEqual(await load(account), before);
  });

  it('answers 428 without If-Match, 400 without Idempotency-Key or with a body that is not JSON', async () => {
    const account = await server.account();
    const before = await load(account);
    const token = account.tokens.update;
    const noMatch = await server.call('POST', '/licensing/changes', {
      token,
      headers: { 'Idempotency-Key': 'k' },
      body: { counts: {} },
    });
    assert.equal(noMatch.status, 428);
    const noKey = await server.call<Problem>('POST', '/licensing/changes', {
      token,
      headers: { 'If-Match': `"${before.version}"` },
      body: { counts: {} },
    });
    assert.equal(noKey.status, 400);
    assert.match(noKey.body.detail ?? '', /Idempotency-Key/);
    const notJson = await server.call<Problem>('POST', '/licensing/changes', {
      token,
      headers: { ...commitHeaders(before.version, 'k-json'), 'Content-Type': 'application/json' },
      rawBody: '{"counts":',
    });
    assert.equal(notJson.status, 400);
    assert.match(notJson.body.detail ?? '', /not valid JSON/);
    assert.deepEqual(await load(account), before);
  });
});

describe(`reference backend on ${backendKind}: installation licence, health`, () => {
  it('answers the installation licence, and 501 for an account without one', async () => {
    const withLicence = await server.account();
    const answer = await server.call<{ token: string }>('GET', '/license', {
      token: withLicence.tokens.view,
    });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.token, '7f3c9a2e-51d8-4b6e-9c0a-e2d41f8b7a65');
    const without = await server.account({ installationLicense: null });
    assert.equal((await server.call('GET', '/license', { token: without.tokens.view })).status, 501);
  });

  it('answers /healthz and /readyz', async () => {
    const health = await fetch(`${server.origin}/healthz`);
    assert.equal(health.status, 200);
    const ready = await fetch(`${server.origin}/readyz`);
    assert.equal(ready.status, 200);
    assert.equal(((await ready.json()) as { database: string }).database, backendKind);
  });

  it('answers an unknown /api path with a problem+json 404', async () => {
    const answer = await fetch(`${server.api}/nope`);
    assert.equal(answer.status, 404);
    assert.match(answer.headers.get('content-type') ?? '', /^application\/problem\+json/);
  });
});
