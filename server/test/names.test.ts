// Names per language through the reference backend: the demo seed's Czech names reach
// `GET /licensing` (so the Czech demo says "Hlas" on the REST adapter too), a seed without them
// has no `names` at all, and a commit keeps them. Every answer is checked against the contract.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LicensingSnapshot } from '../../src/core/index.js';
import { createDemoSeed } from '../../src/adapters/memory/demo-data.js';
import { backendKind, startServer, type TestAccount, type TestServer } from './helpers/harness.js';

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(() => server.close());

async function load(account: TestAccount): Promise<LicensingSnapshot> {
  const answer = await server.call<LicensingSnapshot>('GET', '/licensing', { token: account.tokens.view });
  assert.equal(answer.status, 200);
  return answer.body;
}

describe(`reference backend on ${backendKind}: names per language`, () => {
  it("serves the demo data's Czech names and descriptions, and keeps them through a commit", async () => {
    const account = await server.account();
    const before = await load(account);
    const voice = before.catalog.find((type) => type.id === 'voice')!;
    assert.equal(voice.name, 'Voice');
    assert.deepEqual(voice.names, { cs: 'Hlas' });
    assert.deepEqual(voice.descriptions, { cs: 'Příchozí a interní hovory ve hlasových frontách.' });
    const routing = before.powerPack!.services.find((service) => service.id === 'smart-routing')!;
    assert.deepEqual(routing.names, { cs: 'Chytré směrování' });
    // A type the data names the same in Czech carries no `names`.
    assert.equal('names' in before.catalog.find((type) => type.id === 'chat')!, false);

    const count = before.lines.find((line) => line.typeId === 'voice')!.count;
    const commit = await server.call<LicensingSnapshot>('POST', '/licensing/changes', {
      token: account.tokens.update,
      headers: { 'If-Match': `"${before.version}"`, 'Idempotency-Key': 'names-1' },
      body: { counts: { voice: count + 1 } },
    });
    assert.equal(commit.status, 200);
    assert.deepEqual(commit.body.catalog, before.catalog);
    assert.deepEqual((await load(account)).powerPack!.services, commit.body.powerPack!.services);
  });

  it('leaves `names` and `descriptions` out when a seed gives none', async () => {
    const demo = createDemoSeed();
    // The demo data as a backend that knows one language only: no `names` or `descriptions` keys.
    const plain = JSON.parse(
      JSON.stringify(demo.snapshot, (key, value: unknown) =>
        key === 'names' || key === 'descriptions' ? undefined : value,
      ),
    ) as LicensingSnapshot;
    const snapshot = await load(await server.account({ snapshot: plain }));
    for (const type of snapshot.catalog) {
      assert.equal('names' in type, false, type.id);
      assert.equal('descriptions' in type, false, type.id);
    }
    for (const service of snapshot.powerPack!.services) assert.equal('names' in service, false, service.id);
  });
});
