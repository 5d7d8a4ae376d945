// Database lost: PostgreSQL stops under load (a cluster of the test's own, helpers/own-cluster.ts —
// never the machine's). The server answers 503 with Retry-After at once (never a 500, never a
// hang), /readyz says not ready while /healthz still answers, and when PostgreSQL is back
// everything works again with nothing lost that was acknowledged. PostgreSQL only, as root:
// scripts/test.mjs runs it in the PostgreSQL run when it can make the cluster, and says why not
// otherwise (on PGlite the database lives in the server's process: nothing to lose apart from it).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/open.js';
import { Ledger, startCartClients, verifyLedger, writeSeedFile } from './helpers/ledger.js';
import { createOwnCluster } from './helpers/own-cluster.js';
import { killAll, startServerProcess } from './helpers/server-process.js';

const PORT = Number(process.env.FAULTS_PG_PORT ?? 18499);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, condition: () => boolean | Promise<boolean>, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** One request with a bound: an answer that does not come within 10 s is a hang. */
async function answer(url: string, init: RequestInit = {}) {
  const started = Date.now();
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) }).catch(
    (error: unknown) => {
      throw new Error(`${init.method ?? 'GET'} ${url}: no answer (${(error as Error).message})`);
    },
  );
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, ms: Date.now() - started };
}

describe('reference backend on PostgreSQL: the database is lost under load', () => {
  it('answers 503 with Retry-After while PostgreSQL is down, and loses nothing acknowledged', async () => {
    const cluster = createOwnCluster(PORT);
    const dir = await mkdtemp(join(tmpdir(), 'licence-kit-lost-'));
    let stopping = false;
    let aborted = false;
    const ledger = new Ledger();
    const clients: Promise<void>[] = [];
    try {
      cluster.start();
      // The server is a child process, as in production: the driver's failures are its own.
      const seedFile = join(dir, 'seed.json');
      const accounts = await writeSeedFile(seedFile, 2, 'lost');
      const server = await startServerProcess(['--seed', seedFile, '--statement-timeout', '2000'], {
        ...process.env,
        DATABASE_URL: cluster.url,
      });
      const origin = server.url;
      clients.push(
        ...startCartClients(accounts, 2, {
          ledger,
          origin: () => origin,
          stop: () => stopping,
          aborted: () => aborted,
          requestTimeoutMs: 10_000,
        }),
      );
      await until('commits before the outage', () => ledger.figures.acknowledged >= 4);
      const acknowledgedBefore = ledger.figures.acknowledged;

      cluster.stop('fast');
      const auth = { Authorization: `Bearer ${accounts[0]!.token}` };
      const ready = await answer(`${origin}/readyz`);
      assert.equal(ready.status, 503, ready.text);
      assert.match(ready.headers.get('retry-after') ?? '', /^\d+$/);
      assert.equal((await answer(`${origin}/healthz`)).status, 200, 'the process itself is up');
      for (const path of ['/api/licensing', '/api/licensing/usage?limit=5', '/api/license']) {
        const got = await answer(`${origin}${path}`, { headers: auth });
        assert.equal(got.status, 503, `${path}: ${got.text}`);
        assert.match(got.headers.get('content-type') ?? '', /^application\/problem\+json/);
        assert.match(got.headers.get('retry-after') ?? '', /^\d+$/);
        assert.doesNotMatch(got.text, /ECONNREFUSED|postgres|stack|\.ts:\d/i, 'no internals in the answer');
      }
      const commit = await answer(`${origin}/api/licensing/changes`, {
        method: 'POST',
        headers: {
          ...auth,
          'Content-Type': 'application/json',
          'If-Match': '"v1"',
          'Idempotency-Key': 'lost-1',
        },
        body: JSON.stringify({ counts: { sms: 1 } }),
      });
      assert.equal(commit.status, 503, commit.text);
      // The clients keep trying against the lost database for a while.
      const refusedBefore = ledger.figures.statuses['503'] ?? 0;
      await sleep(1500);
      assert.ok(
        (ledger.figures.statuses['503'] ?? 0) > refusedBefore,
        'the clients were answered 503 meanwhile',
      );

      cluster.start();
      await until('ready again', async () => (await answer(`${origin}/readyz`)).status === 200);
      await until('commits after the outage', () => ledger.figures.acknowledged >= acknowledgedBefore + 4);
      stopping = true;
      await Promise.all(clients);

      assert.deepEqual(ledger.figures.unexpected, [], 'no 500, no answer other than 200, 409 or 503');
      assert.equal(ledger.figures.hung, 0, 'no request went unanswered');
      assert.equal(server.child.exitCode, null, 'the server lived through it');
      const db = await openDatabase({ databaseUrl: cluster.url });
      const stored = await verifyLedger(db, accounts, ledger).finally(() => db.close());
      assert.deepEqual(stored.problems, []);
      assert.equal(stored.lostAcknowledgements, 0);
      assert.equal(stored.doubleApplications, 0);
      assert.equal(stored.auditRows, ledger.figures.acknowledged);
    } finally {
      stopping = true;
      aborted = true;
      await Promise.allSettled(clients);
      await killAll();
      cluster.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
