// The 5xx answers of the contract, from the server itself: an unexpected failure is a 500
// problem+json that gives away nothing of the server's insides; a database that cannot be reached
// is a 503 with Retry-After (and /readyz says not ready); a statement that outlasts PostgreSQL's
// statement_timeout is a 504. 502 is only ever a gateway's (docs/openapi.yaml says so; RestAdapter's
// handling of 502 and 504 is tested in test/rest-adapter.test.ts). Failures are injected through a
// wrapper around the database the app is given.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LicensingSnapshot } from '../../src/core/index.js';
import type { Database, Sql } from '../src/db/database.js';
import { backendKind, startServer, type TestAccount, type TestServer } from './helpers/harness.js';

/** Runs before each statement the app sends; throws (or waits on the database) to inject a fault. */
type Fault = (text: string, sql: Sql) => Promise<void>;

function faultyDatabase(db: Database, fault: { current: Fault | undefined }): Database {
  const wrap = (sql: Sql): Sql => ({
    async query<T extends object>(text: string, params?: readonly unknown[]): Promise<T[]> {
      await fault.current?.(text, sql);
      return sql.query<T>(text, params);
    },
  });
  const root = wrap(db);
  return {
    kind: db.kind,
    query: root.query,
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
    longTransaction: (work) => db.longTransaction((tx) => work(wrap(tx))),
    maintain: (statement) => db.maintain(statement),
    exec: (script, tx) => db.exec(script, tx),
    listen: (channel, onNotice) => db.listen(channel, onNotice),
    close: () => db.close(),
  };
}

/** Like pg's and postgres.js's errors: a message full of internals, a code, a stack. */
function internalError(code?: string): Error {
  const error = new Error('relation "secret_internal_table" does not exist at /srv/server/src/db.ts:12');
  if (code) Object.assign(error, { code });
  return error;
}

const onLines = (text: string) => /FROM licence_lines/.test(text);

/** Asserts nothing of the error's text or stack reached the client. */
function assertNoInternals(body: unknown): void {
  const text = JSON.stringify(body);
  assert.doesNotMatch(text, /secret_internal_table|\/srv\/|\.ts:\d|stack|\bat \S+ \(/);
}

describe('5xx answers of the reference backend', () => {
  const fault: { current: Fault | undefined } = { current: undefined };
  let server: TestServer;
  let account: TestAccount;
  before(async () => {
    server = await startServer({
      statementTimeoutMs: 500,
      wrapDatabase: (db) => faultyDatabase(db, fault),
    });
    account = await server.account();
  });
  after(async () => {
    fault.current = undefined;
    await server.close();
  });

  const load = () => server.call<LicensingSnapshot>('GET', '/licensing', { token: account.tokens.update });
  const commit = (version: string, key: string, supervisor: number) =>
    server.call<{ detail: string }>('POST', '/licensing/changes', {
      token: account.tokens.update,
      headers: { 'If-Match': `"${version}"`, 'Idempotency-Key': key },
      body: { counts: { supervisor } },
    });

  it('answers an unexpected failure with a 500 problem+json without the error, and applies nothing', async () => {
    const { body: first } = await load();
    fault.current = async (text) => {
      if (onLines(text)) throw internalError();
    };
    const got = await load();
    assert.equal(got.status, 500);
    assert.match(got.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assertNoInternals(got.body);
    const refused = await commit(first.version, 'failures-500', 9);
    assert.equal(refused.status, 500);
    assertNoInternals(refused.body);
    fault.current = undefined;
    const { body: now } = await load();
    assert.equal(now.version, first.version, 'the failed commit changed nothing');
    assert.deepEqual(now.lines, first.lines);
    // The same key later: applied once, as a first attempt.
    const retried = await commit(first.version, 'failures-500', 9);
    assert.equal(retried.status, 200);
  });

  it('answers a database it cannot reach with 503 and Retry-After on every route; /readyz is 503, /healthz 200', async () => {
    const { body: first } = await load();
    fault.current = async () => {
      throw internalError('ECONNREFUSED');
    };
    const calls = [
      load(),
      server.call('GET', '/licensing/usage?limit=5', { token: account.tokens.view }),
      server.call('GET', '/license', { token: account.tokens.view }),
      server.call('GET', '/license/log', { token: account.tokens.update }),
      server.call('GET', '/licensing/services/speech-to-text/allowed', { token: account.tokens.view }),
      server.call('POST', '/licensing/usage-records', {
        token: account.tokens.update,
        body: { records: [{ id: 'failures-503', service: 'speech-to-text', quantity: 1 }] },
      }),
      commit(first.version, 'failures-503', 10),
    ];
    for (const got of await Promise.all(calls)) {
      assert.equal(got.status, 503);
      assert.match(got.headers.get('retry-after') ?? '', /^\d+$/);
      assertNoInternals(got.body);
    }
    const ready = await fetch(`${server.origin}/readyz`);
    assert.equal(ready.status, 503);
    assert.match(ready.headers.get('retry-after') ?? '', /^\d+$/);
    assertNoInternals(await ready.json());
    assert.equal((await fetch(`${server.origin}/healthz`)).status, 200);

    // A connection lost in the middle of a transaction (the database went away during the commit).
    fault.current = async (text) => {
      if (/INSERT INTO audit_log/.test(text)) throw internalError('CONNECTION_CLOSED');
    };
    const midway = await commit(first.version, 'failures-503', 10);
    assert.equal(midway.status, 503);
    fault.current = undefined;
    assert.equal((await load()).body.version, first.version, 'the lost transaction was rolled back');
    assert.equal((await fetch(`${server.origin}/readyz`)).status, 200);
    assert.equal((await commit(first.version, 'failures-503', 10)).status, 200, 'the retry applies it');
  });

  it('answers a statement that outlasts the statement timeout with 504, and applies nothing', async () => {
    const { body: first } = await load();
    fault.current =
      backendKind === 'postgres'
        ? // The real thing: PostgreSQL cancels the statement after statement_timeout (500 ms).
          async (text, sql) => {
            if (onLines(text)) await sql.query('SELECT pg_sleep(5)');
          }
        : // PGlite has no statement timeout (one WASM thread, no timer signal): what PostgreSQL
          // answers is injected (SQLSTATE 57014, query_canceled).
          async (text) => {
            if (onLines(text)) throw internalError('57014');
          };
    const got = await load();
    assert.equal(got.status, 504);
    assertNoInternals(got.body);
    const refused = await commit(first.version, 'failures-504', 11);
    assert.equal(refused.status, 504);
    fault.current = undefined;
    const { body: now } = await load();
    assert.equal(now.version, first.version, 'the timed-out commit changed nothing');
  });
});
