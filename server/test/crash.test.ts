// Crash: the server is killed (SIGKILL) while commits are in flight and started again on the same
// data (a PGlite folder, or PostgreSQL when DATABASE_URL is set); its clients send each unanswered
// cart again with the same Idempotency-Key. Afterwards every cart is applied exactly once, no
// commit is half applied, and the audit log explains the counts. A short profile (3 crashes);
// `node bench/crash.mjs` runs 20 and reports the figures.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crashRun } from './helpers/crash-run.js';
import { backendKind } from './helpers/harness.js';

describe(`reference backend on ${backendKind}: kill -9 under commits`, () => {
  it('applies every cart exactly once across 3 crashes, and loses no acknowledged commit', async () => {
    const result = await crashRun({
      crashes: 3,
      accounts: 3,
      clientsPerAccount: 2,
      commitsBetweenCrashes: 3,
      databaseUrl: process.env.DATABASE_URL,
      log: (line) => console.log(line),
    });
    const { wire, stored } = result;
    assert.deepEqual(wire.unexpected, [], 'every answer was one a client expects');
    assert.equal(wire.hung, 0, 'no request went unanswered');
    assert.ok(wire.acknowledged > 0, 'carts were acknowledged');
    assert.ok(
      result.inFlightAtKill.some((carts) => carts > 0) && wire.networkErrors > 0,
      'the kills cut commits off (else nothing was in flight)',
    );
    assert.deepEqual(stored.problems, []);
    assert.equal(stored.lostAcknowledgements, 0);
    assert.equal(stored.doubleApplications, 0);
    assert.equal(stored.refusedWithTrace, 0);
    assert.equal(stored.halfApplied, 0);
    assert.equal(stored.auditRows, wire.acknowledged, 'one audit row per acknowledged cart, no other');
  });
});
