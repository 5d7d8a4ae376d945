// GET /api/licensing/events when things go wrong: a process whose LISTEN connection went silent or
// was ended (pg_terminate_backend) notices, listens again and sends each open stream what it
// missed from the audit log, so no stream stays silent about a commit; a change set too big for a
// NOTIFY payload (> 7900 bytes) still arrives whole; and the per-token rate limit and the overload
// limit refuse new requests without cutting a stream that is already open.

import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createDemoSeed } from '../../src/adapters/memory/demo-data.js';
import type { ChangeSet, LicensingSnapshot } from '../../src/core/index.js';
import type { Database } from '../src/db/database.js';
import { backendKind, startServer, type TestAccount, type TestServer } from './helpers/harness.js';
import { openEvents, type EventStream } from './helpers/sse.js';

const servers: TestServer[] = [];
const streams: EventStream[] = [];
after(async () => {
  for (const stream of streams) stream.close();
  for (const server of servers) await server.close();
});

async function serve(options: Parameters<typeof startServer>[0] = {}): Promise<TestServer> {
  const server = await startServer(options);
  servers.push(server);
  return server;
}

async function listen(server: TestServer, token: string): Promise<EventStream> {
  const stream = await openEvents(server.api, { token });
  streams.push(stream);
  assert.equal(stream.status, 200);
  return stream;
}

async function commit(
  server: TestServer,
  account: TestAccount,
  changes: ChangeSet,
): Promise<LicensingSnapshot> {
  const { body: now } = await server.call<LicensingSnapshot>('GET', '/licensing', {
    token: account.tokens.update,
  });
  const answer = await server.call<LicensingSnapshot>('POST', '/licensing/changes', {
    token: account.tokens.update,
    body: changes,
    headers: { 'If-Match': `"${now.version}"`, 'Idempotency-Key': `k-${Math.random()}` },
  });
  assert.equal(answer.status, 200);
  return answer.body;
}

const voiceOf = (snapshot: LicensingSnapshot) => snapshot.lines.find((l) => l.typeId === 'voice')!.count;
const ids = (stream: EventStream) => stream.events.map((event) => event.id);

describe(`licensing events on ${backendKind}: a lost listener`, () => {
  it('a process whose listener went silent notices, listens again and sends an open stream the commit it missed', async () => {
    // The notices stop arriving as they do when the listening connection is gone and the driver
    // gave up on it; the process's own check (a probe every heartbeat here) must notice.
    let deaf = false;
    const server = await serve({
      eventsHeartbeat: 100,
      wrapDatabase: (db): Database => ({
        ...db,
        // PGlite is one connection and cannot lose it; treated as a server's, it is checked alike.
        kind: 'postgres',
        listen: (channel, onNotice, onRelisten) =>
          db.listen(
            channel,
            (payload) => {
              if (!deaf) onNotice(payload);
            },
            onRelisten,
          ),
      }),
    });
    const account = await server.account();
    const stream = await listen(server, account.tokens.view);
    const opening = await stream.next();

    deaf = true;
    const voice = voiceOf(
      (await server.call<LicensingSnapshot>('GET', '/licensing', { token: account.tokens.view })).body,
    );
    const missed = await commit(server, account, { counts: { voice: voice + 1 } });
    const caughtUp = await stream.next(3000);
    assert.deepEqual(
      caughtUp,
      { id: missed.version, data: { version: missed.version, changes: { counts: { voice: voice + 1 } } } },
      'the commit whose notice never came, with its change set, read from the audit log',
    );

    deaf = false;
    const live = await commit(server, account, { counts: { voice: voice + 2 } });
    let event = await stream.next(3000);
    while (event.id !== live.version) event = await stream.next(3000);
    assert.deepEqual(event.data, { version: live.version, changes: { counts: { voice: voice + 2 } } });
    const seen = ids(stream);
    assert.equal(new Set(seen).size, seen.length, `no event twice: ${seen.join(' ')}`);
    assert.equal(seen[0], opening.id);
  });

  if (backendKind === 'postgres') {
    it('a listener ended by pg_terminate_backend: the stream still gets the change made meanwhile, then live commits of another process', async () => {
      const a = await serve({ eventsHeartbeat: 200 });
      const b = await serve();
      const account = await a.account();
      const listeners = async () =>
        (
          await a.db.query<{ pid: number }>(
            `SELECT pid FROM pg_stat_activity
              WHERE datname = current_database() AND pid <> pg_backend_pid() AND query ILIKE 'listen %'`,
          )
        ).map((row) => Number(row.pid));
      // The other tests' processes may listen too: a's listener is the one its stream adds.
      const before = new Set(await listeners());
      const stream = await listen(a, account.tokens.view);
      await stream.next();
      const [listener, ...others] = (await listeners()).filter((pid) => !before.has(pid));
      assert.ok(listener !== undefined && others.length === 0, 'the stream made its process listen');

      const voice = voiceOf(
        (await b.call<LicensingSnapshot>('GET', '/licensing', { token: account.tokens.view })).body,
      );
      // The account's version moves on in the statement that ends the listener, so its notice is
      // sent before the listener can be back (a version moved without a commit, as a new billing
      // month moves it: announced without changes).
      const [moved] = await b.db.query<{ version: string }>(
        `WITH ended AS (SELECT pg_terminate_backend($1) AS done)
         UPDATE accounts SET version = version + 1 WHERE id = $2 AND (SELECT done FROM ended)
         RETURNING 'v' || version AS version`,
        [listener, account.id],
      );
      assert.deepEqual(await stream.next(5000), { id: moved!.version, data: { version: moved!.version } });

      const live = await commit(b, account, { counts: { voice: voice + 2 } });
      let event = await stream.next(5000);
      while (event.id !== live.version) event = await stream.next(5000);
      assert.deepEqual(event.data, { version: live.version, changes: { counts: { voice: voice + 2 } } });
      const now = (await listeners()).filter((pid) => !before.has(pid));
      assert.equal(now.length, 1, 'listening again, once');
      assert.notEqual(now[0], listener, 'on a new connection');
      const seen = ids(stream);
      assert.equal(new Set(seen).size, seen.length, `no event twice: ${seen.join(' ')}`);
    });
  }
});

describe(`licensing events on ${backendKind}: a change set too big for a NOTIFY payload`, () => {
  it('arrives whole: the listener reads it from the audit log', async () => {
    const a = await serve();
    const b = backendKind === 'postgres' ? await serve() : a;
    // 200 extra licence types with long ids: one commit of all their counts is about 10 kB.
    const demo = createDemoSeed({ agents: 10 });
    const model = demo.snapshot.catalog.find((type) => type.id === 'email')!;
    const line = demo.snapshot.lines.find((l) => l.typeId === 'email')!;
    const extra = Array.from(
      { length: 200 },
      (_, i) => `an-extra-licence-type-with-a-long-id-${String(i).padStart(3, '0')}`,
    );
    const snapshot: LicensingSnapshot = {
      ...demo.snapshot,
      catalog: [...demo.snapshot.catalog, ...extra.map((id) => ({ ...model, id, name: id }))],
      lines: [
        ...demo.snapshot.lines,
        ...extra.map((typeId) => ({ ...line, typeId, count: 0, inUse: 0, peak: 0 })),
      ],
    };
    const account = await a.account({ snapshot, agents: demo.agents });
    const stream = await listen(b, account.tokens.view);
    await stream.next();

    const changes: ChangeSet = { counts: Object.fromEntries(extra.map((id, i) => [id, i + 1])) };
    const notice = JSON.stringify({ account: account.id, version: 'v999', changes });
    assert.ok(notice.length > 7900, `the notice would be ${notice.length} bytes`);
    const saved = await commit(a, account, changes);
    assert.deepEqual(await stream.next(3000), {
      id: saved.version,
      data: { version: saved.version, changes },
    });
  });
});

describe(`licensing events on ${backendKind}: limits leave open streams alone`, () => {
  it('a token past its rate limit is refused new requests, and its open stream goes on', async () => {
    const server = await serve({ eventsHeartbeat: 100, limits: { rateLimit: { max: 3, windowMs: 60_000 } } });
    const account = await server.account();
    const stream = await listen(server, account.tokens.view);
    await stream.next();
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await server.call('GET', '/licensing', { token: account.tokens.view })).status);
    }
    assert.deepEqual(statuses, [200, 200, 429], 'the stream was the first of three requests');
    // Heartbeats are not requests, and the stream is not cut.
    await stream.nextComment(2000);
    await stream.nextComment(2000);
    const saved = await commit(server, account, { counts: { voice: 99 } });
    assert.equal((await stream.next(3000)).id, saved.version);
    const again = await openEvents(server.api, { token: account.tokens.view });
    streams.push(again);
    assert.equal(again.status, 429, 'a new stream of the token counts as a request');
  });

  it('an overloaded server refuses new requests with 503 and keeps its open streams', async () => {
    const server = await serve({
      eventsHeartbeat: 100,
      limits: { maxEventLoopDelay: 30, pressureSampleInterval: 20 },
    });
    const account = await server.account();
    let stream: EventStream | undefined;
    for (let i = 0; i < 250 && stream?.status !== 200; i++) {
      // Seeding the account (PGlite works on this thread) may have tripped the limit for a moment.
      await new Promise((resolve) => setTimeout(resolve, 20));
      stream = await openEvents(server.api, { token: account.tokens.view });
      streams.push(stream);
    }
    assert.equal(stream!.status, 200);
    await stream!.next();

    const blocker = setInterval(() => {
      const end = Date.now() + 100;
      while (Date.now() < end) {
        // busy: the event loop is held, as a CPU-bound burst of requests would hold it
      }
    }, 1);
    let refused = 0;
    try {
      for (let i = 0; i < 100 && refused !== 503; i++) {
        refused = (await server.call('GET', '/licensing', { token: account.tokens.view })).status;
      }
    } finally {
      clearInterval(blocker);
    }
    assert.equal(refused, 503, 'the lagging server refuses a new request');

    let saved: LicensingSnapshot | undefined;
    for (let i = 0; i < 250 && !saved; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const now = await server.call<LicensingSnapshot>('GET', '/licensing', { token: account.tokens.update });
      if (now.status !== 200) continue;
      const answer = await server.call<LicensingSnapshot>('POST', '/licensing/changes', {
        token: account.tokens.update,
        body: { counts: { voice: voiceOf(now.body) + 1 } },
        headers: { 'If-Match': `"${now.body.version}"`, 'Idempotency-Key': `calm-${i}` },
      });
      if (answer.status === 200) saved = answer.body;
    }
    assert.ok(saved, 'commits again once calm');
    let event = await stream!.next(3000);
    while (event.id !== saved.version) event = await stream!.next(3000);
    assert.equal(event.data.version, saved.version, 'the stream opened before the overload still delivers');
  });
});
