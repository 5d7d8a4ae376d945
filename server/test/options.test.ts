// The server's options: seed files (one account or several; seeding again replaces an account's
// data), CORS (off unless --cors-origin names an origin) and Server-Timing (off unless
// --server-timing).

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createDemoSeed } from '../../src/adapters/memory/demo-data.js';
import type { UsagePage } from '../../src/core/index.js';
import { parseSeedFile, seedAccount } from '../src/store/seed.js';
import { backendKind, startServer, type TestServer } from './helpers/harness.js';

let server: TestServer;
before(async () => {
  server = await startServer({ corsOrigin: 'http://localhost:5173' });
});
after(() => server.close());

describe(`reference backend on ${backendKind}: seed files`, () => {
  it('reads one account (id demo) or several, and refuses a file without users that make sense', () => {
    const { snapshot, agents } = createDemoSeed({ agents: 2 });
    const one = parseSeedFile({ snapshot, agents, users: [{ token: 't', name: 'N', permission: 'view' }] });
    assert.equal(one.length, 1);
    assert.equal(one[0]!.id, 'demo');
    assert.equal(one[0]!.installationLicense, null);
    const many = parseSeedFile({
      accounts: [
        { id: 'a', snapshot, agents, users: [] },
        { id: 'b', snapshot, agents: [], users: [] },
      ],
    });
    assert.deepEqual(
      many.map((a) => a.id),
      ['a', 'b'],
    );
    assert.throws(
      () => parseSeedFile({ snapshot, agents, users: [{ token: 't', name: 'N', permission: 'admin' }] }),
      /users\[0\]/,
    );
    assert.throws(() => parseSeedFile({ accounts: [{ snapshot, agents }] }), /accounts\[0\]\.id/);
    assert.throws(() => parseSeedFile({ snapshot, agents, timeZone: 'Mars/Olympus' }), /timeZone/);
    assert.equal(
      parseSeedFile({ snapshot, agents, timeZone: 'Europe/Prague' })[0]!.timeZone,
      'Europe/Prague',
    );
  });

  it('seeding an account again replaces its data, users included, and leaves other accounts alone', async () => {
    const { snapshot } = createDemoSeed({ agents: 1 });
    const other = await server.account();
    const id = `seeded-${Date.now()}`;
    const seed = (name: string, token: string) =>
      server.db.transaction((tx) =>
        seedAccount(tx, {
          id,
          snapshot,
          agents: [{ id: 'x', name, licences: ['voice'] }],
          installationLicense: null,
          users: [{ token, name: 'Admin', permission: 'update' }],
        }),
      );
    await seed('First Seed', `${id}-1`);
    await seed('Second Seed', `${id}-2`);
    const page = await server.call<UsagePage>('GET', '/licensing/usage', { token: `${id}-2` });
    assert.deepEqual(
      page.body.agents.map((a) => a.name),
      ['Second Seed'],
    );
    assert.equal(
      (await server.call('GET', '/licensing', { token: `${id}-1` })).status,
      401,
      'the old users are gone',
    );
    assert.equal((await server.call('GET', '/licensing', { token: other.tokens.view })).status, 200);
  });
});

describe(`reference backend on ${backendKind}: CORS`, () => {
  it('answers CORS for the --cors-origin origin only, exposing ETag, Retry-After and Content-Disposition', async () => {
    const account = await server.account();
    const preflight = await fetch(`${server.api}/licensing/changes`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers':
          'authorization, if-match, idempotency-key, content-type, change-request',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /If-Match/);
    // A cart saving a reviewed change request sends it as Change-Request: a browser on another
    // origin must be allowed to.
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Change-Request/);
    const get = await fetch(`${server.api}/licensing`, {
      headers: { Origin: 'http://localhost:5173', Authorization: `Bearer ${account.tokens.view}` },
    });
    assert.equal(get.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    assert.match(get.headers.get('access-control-expose-headers') ?? '', /ETag/);
    const elsewhere = await fetch(`${server.api}/licensing`, {
      headers: { Origin: 'https://evil.example', Authorization: `Bearer ${account.tokens.view}` },
    });
    assert.equal(elsewhere.headers.get('access-control-allow-origin'), null);
  });

  it('sends no CORS headers when no origin is configured', async () => {
    const plain = await startServer();
    try {
      const account = await plain.account();
      const get = await fetch(`${plain.api}/licensing`, {
        headers: { Origin: 'http://localhost:5173', Authorization: `Bearer ${account.tokens.view}` },
      });
      assert.equal(get.status, 200);
      assert.equal(get.headers.get('access-control-allow-origin'), null);
    } finally {
      await plain.close();
    }
  });
});

describe(`reference backend on ${backendKind}: Server-Timing`, () => {
  it('says how long the server took with --server-timing, and nothing without it', async () => {
    const timed = await startServer({ serverTiming: true });
    try {
      const account = await timed.account();
      for (const path of ['/licensing', '/licensing/usage?q=nov&offset=0&limit=10', '/licensing/nothing']) {
        const answer = await fetch(`${timed.api}${path}`, {
          headers: { Authorization: `Bearer ${account.tokens.view}` },
        });
        await answer.arrayBuffer();
        const timing = /^app;dur=(\d+\.\d{2})$/.exec(answer.headers.get('server-timing') ?? '');
        assert.ok(timing, `${path} (${answer.status}): Server-Timing ${answer.headers.get('server-timing')}`);
        assert.ok(Number(timing[1]) > 0, `${path}: ${timing[1]} ms`);
      }
    } finally {
      await timed.close();
    }
    const account = await server.account();
    const plain = await fetch(`${server.api}/licensing`, {
      headers: { Authorization: `Bearer ${account.tokens.view}` },
    });
    assert.equal(plain.status, 200);
    assert.equal(plain.headers.get('server-timing'), null);
  });
});
