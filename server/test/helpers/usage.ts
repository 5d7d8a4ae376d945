// GET /licensing/usage in tests: one page as a user sees it, and the check that the server answers
// a query as the memory adapter does over the same agents.

import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { MemoryAdapter } from '../../../src/adapters/memory/index.js';
import type { UsagePage, UsageQuery } from '../../../src/core/index.js';
import { startServer, type TestAccount, type TestServer } from './harness.js';
import { usagePath } from './usage-path.js';

export { usagePath };

/** One page, as the account's view user asks for it (checked against the contract). */
export async function usagePage(
  server: TestServer,
  account: TestAccount,
  query: UsageQuery,
): Promise<UsagePage> {
  const answer = await server.call<UsagePage>('GET', usagePath(query), { token: account.tokens.view });
  assert.equal(answer.status, 200, usagePath(query));
  return answer.body;
}

/** The server and the memory adapter over the same agents answer `query` alike. */
export async function assertSameAsMemory(
  server: TestServer,
  account: TestAccount,
  memory: MemoryAdapter,
  query: UsageQuery,
  why: string,
): Promise<void> {
  const [ours, theirs] = await Promise.all([usagePage(server, account, query), memory.listUsage(query)]);
  assert.equal(ours.total, theirs.total, `${why}: total`);
  assert.deepEqual(ours.countsByType, theirs.countsByType, `${why}: countsByType`);
  assert.deepEqual(ours.agents, theirs.agents, `${why}: the page's agents, in order`);
}

/** For a test file: a server started before its tests and closed after them, and the calls above on it. */
export function useUsageServer() {
  let started: TestServer | undefined;
  before(async () => {
    started = await startServer();
  });
  after(() => started?.close());
  const server = (): TestServer => {
    if (!started) throw new Error('The server starts in before().');
    return started;
  };
  return {
    server,
    page: (account: TestAccount, query: UsageQuery) => usagePage(server(), account, query),
    assertSame: (account: TestAccount, memory: MemoryAdapter, query: UsageQuery, why: string) =>
      assertSameAsMemory(server(), account, memory, query, why),
  };
}
