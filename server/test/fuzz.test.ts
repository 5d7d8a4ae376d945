// Bad input: fast-check generates bad requests for every operation (helpers/fuzz-probes.ts) —
// malformed JSON, wrong types, huge numbers, unknown fields, 1 MB bodies, SQL and script in every
// string, bad If-Match, Idempotency-Key and Authorization. Never a 500, never a change to the
// database (a digest of every row of the account, before and after), always a problem+json in the
// contract that names what is wrong. FUZZ_RUNS sets the number of requests (default 300; the bench
// runs 10,000: `FUZZ_RUNS=10000 node --import tsx --test test/fuzz.test.ts`).

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { LicensingSnapshot } from '../../src/core/index.js';
import type { Database } from '../src/db/database.js';
import { checkResponse } from './helpers/contract.js';
import { probes, type Probe } from './helpers/fuzz-probes.js';
import { backendKind, startServer, type TestAccount, type TestServer } from './helpers/harness.js';

const runs = Number(process.env.FUZZ_RUNS ?? 300);

/** A digest of every row the account owns, table by table (license_events apart: see below). */
async function digest(db: Database, accountId: string): Promise<Record<string, string>> {
  const tables = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND column_name = 'account_id' ORDER BY table_name`,
  );
  const result: Record<string, string> = {};
  for (const name of ['accounts', ...tables.map((t) => t.table_name)]) {
    const column = name === 'accounts' ? 'id' : 'account_id';
    const filter = name === 'license_events' ? " AND kind <> 'refused'" : '';
    const [row] = await db.query<{ rows: unknown; digest: string | null }>(
      `SELECT count(*) AS rows, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest
         FROM ${name} t WHERE ${column} = $1${filter}`,
      [accountId],
    );
    result[name] = `${String(row?.rows)}:${row?.digest ?? '-'}`;
  }
  return result;
}

describe(`reference backend on ${backendKind}: generated bad input`, () => {
  let server: TestServer;
  let account: TestAccount;
  before(async () => {
    server = await startServer();
    account = await server.account();
  });
  after(() => server.close());

  it(`answers ${runs} bad requests with a 4xx problem+json naming the fault, and changes nothing`, async () => {
    const { body: snapshot } = await server.call<LicensingSnapshot>('GET', '/licensing', {
      token: account.tokens.update,
    });
    const target = {
      version: snapshot.version,
      token: account.tokens.update,
      viewToken: account.tokens.view,
      typeIds: snapshot.catalog.map((type) => type.id),
      serviceIds: snapshot.powerPack?.services.map((service) => service.id) ?? [],
      // One more of a type that needs none and that none needs: a change the rules allow.
      goodCounts: Object.fromEntries(
        snapshot.catalog
          .filter((type) => !type.requires && !snapshot.catalog.some((other) => other.requires === type.id))
          .map((type) => [type.id, (snapshot.lines.find((line) => line.typeId === type.id)?.count ?? 0) + 1]),
      ),
    };
    const before = await digest(server.db, account.id);
    const tally: Record<string, number> = {};

    await fc.assert(
      fc.asyncProperty(probes(target), async (probe: Probe) => {
        const response = await fetch(`${server.api}${probe.path}`, {
          method: probe.method,
          headers: probe.headers,
          ...(probe.body === undefined ? {} : { body: probe.body }),
          signal: AbortSignal.timeout(15_000),
        });
        const text = await response.text();
        const type = response.headers.get('content-type') ?? '';
        const where = `${probe.kind}: ${probe.method} ${probe.path.slice(0, 120)} → ${response.status} ${text.slice(0, 300)}`;
        assert.ok(response.status < 500, `no 5xx: ${where}`);
        assert.ok(probe.statuses.includes(response.status), `expected ${probe.statuses.join('/')}: ${where}`);
        const body = /json/.test(type) ? (JSON.parse(text) as unknown) : text;
        checkResponse(probe.method, probe.path.split('?')[0]!, response.status, type, body);
        if (response.status >= 400) {
          assert.match(type, /^application\/problem\+json/, where);
          if (probe.names) {
            // As the JSON answer spells it (quotes and control characters escaped).
            const named = JSON.stringify(probe.names).slice(1, -1).toLowerCase();
            assert.ok(text.toLowerCase().includes(named), `names ${probe.names}: ${where}`);
          }
        }
        tally[`${probe.kind} ${response.status}`] = (tally[`${probe.kind} ${response.status}`] ?? 0) + 1;
      }),
      {
        numRuns: runs,
        includeErrorInReport: true,
        ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}),
      },
    );
    console.log(`fuzz: ${runs} requests: ${JSON.stringify(tally)}`);

    assert.deepEqual(await digest(server.db, account.id), before, 'no bad request changed the database');
    const { body: now } = await server.call<LicensingSnapshot>('GET', '/licensing', {
      token: account.tokens.update,
    });
    assert.equal(now.version, snapshot.version);
  });
});
