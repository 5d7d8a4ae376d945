// How long a stream of GET /api/licensing/events lives, over real HTTP: it is authorised once, so
// the server ends it after a maximum age and its client reconnects through authorisation again
// (a permission dropped to `none` is then refused; a commit made in between is not lost); and it
// ends when its account is replaced (the demo's Reset), whose version goes back to v1, so that
// the client reconnects to the new data instead of hearing nothing more.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LicensingSnapshot } from '../../src/core/index.js';
import { DEMO_USERS, demoAccount, seedAccount } from '../src/store/seed.js';
import { backendKind, startServer, type TestServer } from './helpers/harness.js';
import { openEvents, type EventStream } from './helpers/sse.js';

const MAX_AGE = 600;
let a: TestServer;
/** Another server process on the same database (PostgreSQL); on PGlite, `a` itself. */
let b: TestServer;
const streams: EventStream[] = [];

before(async () => {
  a = await startServer({ eventsMaxAge: MAX_AGE });
  b = backendKind === 'postgres' ? await startServer({ eventsMaxAge: MAX_AGE }) : a;
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

const within = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} not within ${ms} ms`)), ms)),
  ]);

async function commitVoice(server: TestServer, token: string): Promise<LicensingSnapshot> {
  const { body: now } = await server.call<LicensingSnapshot>('GET', '/licensing', { token });
  const voice = now.lines.find((l) => l.typeId === 'voice')!.count;
  const answer = await server.call<LicensingSnapshot>('POST', '/licensing/changes', {
    token,
    body: { counts: { voice: voice + 1 } },
    headers: { 'If-Match': `"${now.version}"`, 'Idempotency-Key': `k-${Math.random()}` },
  });
  assert.equal(answer.status, 200);
  return answer.body;
}

describe(`licensing events on ${backendKind}: a stream's lifetime`, () => {
  it('ends a stream after its maximum age; the reconnect is authorised again and misses nothing', async () => {
    const account = await a.account();
    const started = Date.now();
    const view = await listen(b, account.tokens.view);
    const first = await view.next();
    await within(view.ended, MAX_AGE + 2000, 'the end of the stream');
    assert.ok(Date.now() - started >= MAX_AGE - 50, 'not before its maximum age');

    // A commit while the client was away reaches it when it reconnects with Last-Event-ID.
    const saved = await commitVoice(a, account.tokens.update);
    const resumed = await listen(b, account.tokens.view, first.id);
    assert.equal(resumed.status, 200);
    const missed = await resumed.next();
    assert.equal(missed.data.version, saved.version);
    assert.deepEqual(missed.data.changes, {
      counts: { voice: saved.lines.find((l) => l.typeId === 'voice')!.count },
    });

    // The user's permission drops to none: the open stream ends by its age and the reconnect is refused.
    await a.db.query(`UPDATE users SET permission = 'none' WHERE account_id = $1 AND permission = 'view'`, [
      account.id,
    ]);
    await within(resumed.ended, MAX_AGE + 2000, 'the end of the resumed stream');
    const refused = await listen(b, account.tokens.view, missed.id);
    assert.equal(refused.status, 403);
  });

  it("ends the demo account's open streams on Reset, and the reconnect hears the reset version", async () => {
    // Streams of the default maximum age (5 minutes): only the reset can end them.
    const demo = await startServer({ demoControls: true });
    const other = backendKind === 'postgres' ? await startServer() : demo;
    try {
      await resetEndsStreams(demo, other);
    } finally {
      for (const stream of streams.splice(0)) stream.close();
      if (other !== demo) await other.close();
      await demo.close();
    }
  });
});

async function resetEndsStreams(a: TestServer, b: TestServer): Promise<void> {
  await a.db.transaction((tx) => seedAccount(tx, demoAccount({ agents: 5 })));
  const token = DEMO_USERS.find((user) => user.permission === 'update')!.token;
  await commitVoice(a, token);
  const saved = await commitVoice(a, token);
  const stream = await listen(b, token);
  assert.equal((await stream.next()).data.version, saved.version);

  const reset = await fetch(`${a.api}/dev/reset`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
  });
  assert.equal(reset.status, 204);
  // Well before the maximum age: the reset itself ends it.
  await within(stream.ended, 3000, 'the end of the stream on reset');
  const again = await listen(b, token, saved.version);
  assert.equal((await again.next()).data.version, 'v1');
}
