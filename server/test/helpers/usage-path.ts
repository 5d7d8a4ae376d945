// The path of GET /licensing/usage for a query, as RestAdapter builds it (the tests and the usage
// bench ask with it).

import type { UsageQuery } from '../../../src/core/index.js';

/** `/licensing/usage?…` as RestAdapter asks it: `type` and `q` only when set. */
export function usagePath({ typeId, search, offset, limit }: UsageQuery): string {
  const params = new URLSearchParams();
  if (typeId) params.set('type', typeId);
  if (search) params.set('q', search);
  params.set('offset', String(offset));
  params.set('limit', String(limit));
  return `/licensing/usage?${params}`;
}
