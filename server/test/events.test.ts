// GET /api/licensing/events over real HTTP: a commit reaches every open stream of its account
// within a second, with its version and change set, whichever server instance accepted it (two
// instances on one PostgreSQL database share events through LISTEN/NOTIFY; PGlite is one process,
// so there both ends are the same instance); Last-Event-ID resumes; accounts are isolated; `view`
// may listen, `none` and no token may not; shutdown ends open streams.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ChangeSet, LicensingSnapshot } from '../../src/core/index.js';
import { backendKind, startServer, type TestAccount, type TestServer } from './helpers/harness.js';
import { openEvents, type EventStream } from './helpers/sse.js';

let a: TestServer;
/** Another server process on the same database (PostgreSQL); on PGlite, `a` itself. */
let b: TestServer;
const streams: EventStream[] = [];

before(async () => {
  a = await startServer();
  b = backendKind === 'postgres' ? await startServer() : a;
});
after(async () => {
  for (const stream of streams) stream.close();
  if (b !== a) await b.close();
  await a.close();
});

async function listen(server: TestServer, token: string, lastEventId?: string): Promise<EventStream> {
  const stream = await openEvents(server.api, { token, ...(lastEventId ? { lastEventId } : {}) });
  streams.push(stream);
  return stream;
}

async function commit(
  server: TestServer,
  account: TestAccount,
  changes: ChangeSet,
): Promise<LicensingSnapshot> {
  const { body: before } = await server.call<LicensingSnapshot>('GET', '/licensing', {
    token: account.tokens.update,
  });
  const answer = await server.call<LicensingSnapshot>('POST', '/licensing/changes', {
    token: account.tokens.update,
    body: changes,
    headers: { 'If-Match': `"${before.version}"`, 'Idempotency-Key': `k-${Math.random()}` },
  });
  assert.equal(answer.status, 200);
  return answer.body;
}

const voiceOf = (snapshot: LicensingSnapshot) => snapshot.lines.find((l) => l.typeId === 'voice')!.count;

async function voiceNow(server: TestServer, account: TestAccount): Promise<number> {
  const { body } = await server.call<LicensingSnapshot>('GET', '/licensing', { token: account.tokens.view });
  return voiceOf(body);
}

const where =
  backendKind === 'postgres' ? 'another server instance on the same database' : 'the same instance';

describe(`licensing events on ${backendKind}`, () => {
  it(`a commit accepted by one instance reaches a stream on ${where} within 1 s, with version and changes`, async () => {
    const account = await a.account();
    const stream = await listen(b, account.tokens.view);
    assert.equal(stream.status, 200);
    assert.match(stream.headers.get('content-type') ?? '', /^text\/event-stream/);
    assert.equal(stream.headers.get('cache-control'), 'no-cache, no-transform');
    const opening = await stream.next();
    assert.deepEqual(
      opening,
      { id: 'v1', data: { version: 'v1' } },
      'a new stream starts at the current version',
    );
    assert.equal(stream.retry, 2000);

    const changes = { counts: { voice: (await voiceNow(a, account)) + 3 } };
    const started = Date.now();
    const saved = await commit(a, account, changes);
    const event = await stream.next(1000);
    assert.ok(Date.now() - started < 1000, 'within a second of the commit');
    assert.deepEqual(event, { id: saved.version, data: { version: saved.version, changes } });
  });

  it('resumes after Last-Event-ID with every commit missed, in order, then goes on live', async () => {
    const account = await a.account();
    const voice = await voiceNow(a, account);
    const first = await commit(a, account, { counts: { voice: voice + 1 } });
    const second = await commit(a, account, { counts: { voice: voice + 2 }, retention: { months: 6 } });
    const third = await commit(a, account, { counts: { voice: voice + 3 } });
    const stream = await listen(b, account.tokens.update, first.version);
    assert.deepEqual(await stream.next(), {
      id: second.version,
      data: { version: second.version, changes: { counts: { voice: voice + 2 }, retention: { months: 6 } } },
    });
    assert.deepEqual(await stream.next(), {
      id: third.version,
      data: { version: third.version, changes: { counts: { voice: voice + 3 } } },
    });
    const live = await commit(b, account, { counts: { voice: voice + 4 } });
    assert.equal((await stream.next(1000)).id, live.version);

    const current = await listen(b, account.tokens.view, live.version);
    assert.deepEqual(
      await current.next(),
      { id: live.version, data: { version: live.version } },
      'up to date',
    );
  });

  it("gives a stream no event of another account's commits", async () => {
    const mine = await a.account();
    const other = await a.account();
    const quiet = await listen(b, other.tokens.view);
    const loud = await listen(b, mine.tokens.view);
    await quiet.next();
    await loud.next();
    const saved = await commit(a, mine, { counts: { voice: (await voiceNow(a, mine)) + 1 } });
    assert.equal((await loud.next(1000)).id, saved.version);
    await commit(a, other, { counts: { voice: (await voiceNow(a, other)) + 1 } });
    const own = await quiet.next(1000);
    assert.equal(own.id, 'v2', "the other account's stream sees its own commit only");
    assert.deepEqual(
      quiet.events.map((e) => e.id),
      ['v1', 'v2'],
    );
    assert.equal(loud.events.length, 2, 'and the first sees nothing of the other');
  });

  it('lets `view` listen; refuses `none` (403), no token or an unknown one (401), a bad Last-Event-ID (400)', async () => {
    const account = await a.account();
    assert.equal((await listen(a, account.tokens.view)).status, 200);
    const none = await listen(a, account.tokens.none);
    assert.equal(none.status, 403);
    assert.equal(none.events.length, 0);
    const anonymous = await openEvents(a.api);
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.headers.get('www-authenticate'), 'Bearer');
    assert.equal((await openEvents(a.api, { token: 'not-a-token' })).status, 401);
    const bad = await listen(a, account.tokens.view, 'yesterday');
    assert.equal(bad.status, 400);
    assert.match(bad.problem?.detail ?? '', /Last-Event-ID/);
  });

  it('tells a new billing month (no commit: no changes), sends heartbeats, and ends open streams on close', async () => {
    // Its own server: a clock in January, a heartbeat every 50 ms, and closed by the test.
    const server = await startServer({ now: new Date('2026-01-20T12:00:00Z'), eventsHeartbeat: 50 });
    const account = await server.account();
    const stream = await openEvents(server.api, { token: account.tokens.view });
    try {
      assert.equal((await stream.next()).id, 'v1');
      assert.equal(await stream.nextComment(1000), 'heartbeat');
      server.clock.now = new Date('2026-02-02T08:00:00Z');
      await server.call('GET', '/licensing', { token: account.tokens.view });
      assert.deepEqual(await stream.next(1000), { id: 'v2', data: { version: 'v2' } });
    } finally {
      const started = Date.now();
      await server.close();
      await stream.ended;
      assert.ok(Date.now() - started < 3000, `closed in ${Date.now() - started} ms with a stream open`);
    }
  });
});
