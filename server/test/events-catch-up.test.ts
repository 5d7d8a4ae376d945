// The catch-up of a resuming event stream (Last-Event-ID) reads the account's audit rows after the
// version it names, up to the current one: a range of the index on (account_id, version_number)
// (migration 010), not a filter over every audit row of the account with a cast in WHERE. And it
// answers over HTTP exactly the commits missed, in order.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LicensingSnapshot } from '../../src/core/index.js';
import { CATCH_UP_SQL } from '../src/db/notify.js';
import { backendKind, startServer, type TestServer } from './helpers/harness.js';
import { openEvents } from './helpers/sse.js';

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

describe(`licensing events on ${backendKind}: the catch-up`, () => {
  it('reads the missed versions through the index on (account_id, version_number), and resumes with them', async () => {
    const account = await server.account();
    const token = account.tokens.update;
    const versions: string[] = [];
    for (let i = 0; i < 12; i++) {
      const { body: now } = await server.call<LicensingSnapshot>('GET', '/licensing', { token });
      const voice = now.lines.find((l) => l.typeId === 'voice')!.count;
      const answer = await server.call<LicensingSnapshot>('POST', '/licensing/changes', {
        token,
        body: { counts: { voice: voice + 1 } },
        headers: { 'If-Match': `"${now.version}"`, 'Idempotency-Key': `k-${Math.random()}` },
      });
      assert.equal(answer.status, 200);
      versions.push(answer.body.version);
    }
    const from = Number(versions[3]!.slice(1));
    const to = Number(versions.at(-1)!.slice(1));

    const plan = await server.db.transaction(async (tx) => {
      // A small table is read whole when it is cheaper; the question is whether the index can serve.
      await tx.query('SET LOCAL enable_seqscan = off');
      const rows = await tx.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN ${CATCH_UP_SQL}`
          .replace(/\$1/g, `'${account.id}'`)
          .replace('$2', String(from))
          .replace('$3', String(to)),
      );
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    });
    assert.match(plan, /audit_log_by_version_number/, plan);
    assert.match(plan, /Index Cond: .*version_number > /, plan);

    const stream = await openEvents(server.api, { token: account.tokens.view, lastEventId: versions[3] });
    try {
      for (const version of versions.slice(4)) assert.equal((await stream.next()).data.version, version);
    } finally {
      stream.close();
    }
  });
});
