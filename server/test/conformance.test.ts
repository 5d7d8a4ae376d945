// The shipped conformance suite (licence-kit/testing) for RestAdapter over real HTTP against the
// reference backend: each test gets a fresh account; every answer is checked against the contract.

import { after, before, describe, it } from 'node:test';
import { RestAdapter } from '../../src/adapters/rest/index.js';
import { describeAdapterConformance } from '../../src/testing/index.js';
import { contractFetch } from './helpers/contract.js';
import { backendKind, startServer, type TestServer } from './helpers/harness.js';

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(() => server.close());

describeAdapterConformance({
  name: `RestAdapter on the reference backend (${backendKind})`,
  create: async () => {
    const account = await server.account();
    return new RestAdapter({
      baseUrl: server.api,
      headers: { Authorization: `Bearer ${account.tokens.update}` },
      fetch: contractFetch(server.api),
      retries: 0,
    });
  },
  requestPair: async () => {
    const account = await server.account();
    const as = (token: string) =>
      new RestAdapter({
        baseUrl: server.api,
        headers: { Authorization: `Bearer ${token}` },
        fetch: contractFetch(server.api),
        retries: 0,
      });
    return { viewer: as(account.tokens.view), admin: as(account.tokens.update) };
  },
  describe,
  it: (name, body) => it(name, body),
});
