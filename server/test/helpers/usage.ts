// GET /licensing/usage in tests: its path for a query, one page as a user sees it, and the check
// that the server answers a query as the memory adapter does over the same agents.

import assert from 'node:assert/strict';
import type { MemoryAdapter } from '../../../src/adapters/memory/index.js';
import type { UsagePage, UsageQuery } from '../../../src/core/index.js';
import type { TestAccount, TestServer } from './harness.js';

/** `/licensing/usage?…` as RestAdapter asks it: `type` and `q` only when set. */
export function usagePath({ typeId, search, offset, limit }: UsageQuery): string {
  const params = new URLSearchParams();
  if (typeId) params.set('type', typeId);
  if (search) params.set('q', search);
  params.set('offset', String(offset));
  params.set('limit', String(limit));
  return `/licensing/usage?${params}`;
}

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
