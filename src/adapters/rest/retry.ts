// The retry policy of RestAdapter: which failures are sent again, how often, and how long to wait
// before each retry. Reads are retried on anything transient (429 rate limits included); a commit
// only where sending the same body with the same Idempotency-Key again is how the client learns
// what happened, or where the server said it did not take the request on (429, 503).

import { NetworkError, TimeoutError, type LicensingError } from '../errors.js';
import { parseRetryAfter } from './headers.js';

/** When an attempt may be sent again: a read (GET), a commit, or never (a licence key). */
export type RetryPolicy = 'read' | 'commit' | 'never';

/** The retry options of `RestAdapterOptions`, with their defaults applied. */
export interface RetrySettings {
  /** Retries of a read. */
  readonly retries: number;
  /** Retries of a commit. */
  readonly commitRetries: number;
  /** Base of the exponential backoff, in milliseconds. */
  readonly retryDelay: number;
  /** Longest wait before a retry, in milliseconds, `Retry-After` included. */
  readonly maxRetryDelay: number;
}

/** The settings from the options: defaults 2, 1, 300 ms and 10 s; nothing below 0. */
export function retrySettings(options: {
  retries?: number | undefined;
  commitRetries?: number | undefined;
  retryDelay?: number | undefined;
  maxRetryDelay?: number | undefined;
}): RetrySettings {
  return {
    retries: Math.max(0, Math.floor(options.retries ?? 2)),
    commitRetries: Math.max(0, Math.floor(options.commitRetries ?? 1)),
    retryDelay: Math.max(0, options.retryDelay ?? 300),
    maxRetryDelay: Math.max(0, options.maxRetryDelay ?? 10000),
  };
}

const RETRY_READ_STATUSES = new Set([429, 502, 503, 504]);
// A 429 or a 503 says the server did not take the request on (rate limit, overload); sending the
// same body under the same Idempotency-Key again is safe even if it did, since a server answers a
// repeat with the first result. A 500 or a gateway error may hide a broken server: not retried.
const RETRY_COMMIT_STATUSES = new Set([429, 503]);

/** How many times a request under `policy` may be sent again. */
export function retryLimit(policy: RetryPolicy, settings: RetrySettings): number {
  return policy === 'read' ? settings.retries : policy === 'commit' ? settings.commitRetries : 0;
}

/** Whether an HTTP error answer with `status` may be retried: 429/502/503/504 for reads, 429/503 for commits. */
export function isRetryableStatus(policy: RetryPolicy, status: number): boolean {
  if (policy === 'read') return RETRY_READ_STATUSES.has(status);
  if (policy === 'commit') return RETRY_COMMIT_STATUSES.has(status);
  return false;
}

/** Whether an attempt that got no answer may be retried. */
export function isRetryableFailure(policy: RetryPolicy, failure: LicensingError): boolean {
  if (policy === 'read') return failure instanceof NetworkError;
  // A commit that timed out may have been applied; sending it again with the same key is how the
  // client finds out, since the server answers a repeat with the first result.
  if (policy === 'commit') return failure instanceof NetworkError || failure instanceof TimeoutError;
  return false;
}

/**
 * Milliseconds to wait before retry `attempt` (from 0): the answer's `Retry-After` when it has one,
 * else exponential backoff with jitter; never more than `maxRetryDelay`.
 */
export function retryDelay(attempt: number, retryAfter: string | null, settings: RetrySettings): number {
  const asked = parseRetryAfter(retryAfter);
  // Full exponential growth with "equal jitter": half fixed, half random, so retries spread out
  // but never collapse to zero.
  const backoff = settings.retryDelay * 2 ** attempt * (0.5 + Math.random() / 2);
  return Math.min(settings.maxRetryDelay, asked ?? backoff);
}
