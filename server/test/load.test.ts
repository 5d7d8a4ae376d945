// The load bench's correctness check in a small profile (server/bench/README.md has the full
// run): 5 accounts, 10 clients for 3 s doing load → change → commit, some answers lost and retried
// with the same Idempotency-Key, 409s rebased. Then, from the database, for every account: counts,
// peaks, versions, the audit log and the stored keys hold exactly the accepted carts — none lost,
// none applied twice, no refused one left a trace. Correctness only; timings are the bench's.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LicensingSnapshot } from '../../src/core/index.js';
import { checkLoad } from '../bench/load-check.js';
import { refusalsByReason, runWriteLoad, type LoadAccount } from '../bench/load-clients.js';
import { backendKind, startServer, type TestServer } from './helpers/harness.js';

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(() => server.close());

describe(`reference backend on ${backendKind}: load and correctness together (small profile)`, () => {
  it('keeps every accepted cart exactly once and every refused one without a trace', async () => {
    const accounts: LoadAccount[] = [];
    const baseline = new Map<string, LicensingSnapshot>();
    for (let i = 0; i < 5; i++) {
      const account = await server.account();
      accounts.push({ id: account.id, token: account.tokens.update });
      const loaded = await server.call<LicensingSnapshot>('GET', '/licensing', {
        token: account.tokens.update,
      });
      baseline.set(account.id, loaded.body);
    }

    const run = await runWriteLoad({ api: server.api, accounts, clients: 10, seconds: 3, loseRate: 0.2 });
    const carts = run.carts;
    const accepted = carts.filter((cart) => cart.outcome === 'accepted');
    const refusals = refusalsByReason(carts);

    // The run did what it is for: commits landed, answers were lost and retried, carts collided.
    assert.ok(accepted.length >= 5, `${accepted.length} carts accepted`);
    assert.ok(
      carts.some((cart) => cart.lostAnswers > 0),
      'some answers were lost and the cart sent again with its key',
    );
    assert.ok(
      (refusals.conflict ?? 0) > 0,
      `some carts were rebased after a 409: ${JSON.stringify(refusals)}`,
    );
    assert.equal(refusals.unresolved, undefined, 'every cart got its answer');
    assert.deepEqual(run.retried, {}, 'no answer but 200, 409 and 422');

    const check = await checkLoad(server.db, baseline, carts);
    assert.deepEqual(check.violations, []);
    assert.equal(check.auditRows, accepted.length, 'one audit row per accepted commit');

    // The check sees a difference: a cart the server applied but the ledger calls refused.
    const tampered = carts.map((cart) => ({ ...cart }));
    const victim = tampered.find((cart) => cart.outcome === 'accepted')!;
    victim.outcome = 'conflict';
    const caught = await checkLoad(server.db, baseline, tampered);
    assert.ok(
      caught.violations.some((line) => line.includes(`${victim.key}, conflict`)),
      caught.violations.join('\n'),
    );
  });
});
