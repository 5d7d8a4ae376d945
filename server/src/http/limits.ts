// Overload and rate limits, both off unless configured: past what it holds the server answers 503
// with Retry-After (@fastify/under-pressure, on the event loop's delay) instead of queueing without
// bound, and each bearer token may send N requests per window (@fastify/rate-limit), 429 with
// Retry-After beyond. Both answer problem+json like every other error.

import rateLimit from '@fastify/rate-limit';
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hashToken } from '../store/seed.js';
import { bearerToken } from './caller.js';
import { HttpProblem, sendProblem } from './problem.js';

/** `--rate-limit N/WINDOW`: at most `max` requests per token in `windowMs`. */
export interface RateLimit {
  readonly max: number;
  readonly windowMs: number;
}

export interface LimitOptions {
  /**
   * Answer 503 with Retry-After while the event loop's mean delay over the last sample is above
   * this many milliseconds (`--max-event-loop-delay MS`). Off when absent.
   */
  readonly maxEventLoopDelay?: number;
  /** How often the event loop's delay is sampled, in milliseconds. Default 1000; tests use less. */
  readonly pressureSampleInterval?: number;
  /** Per-token rate limit (`--rate-limit N/WINDOW`). Off when absent. */
  readonly rateLimit?: RateLimit;
  /** How many tokens' counts the rate limit keeps in memory (least recently used go). Default 5000. */
  readonly rateLimitKeys?: number;
}

/** Seconds a client is asked to wait on a 503 under pressure. */
export const PRESSURE_RETRY_AFTER = 2;

/** Routes that always answer, so an orchestrator sees a busy process as alive. */
const UNLIMITED = new Set(['/healthz', '/readyz']);

const units: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000 };

/**
 * `"100/1s"`, `"600/min"`, `"5/250ms"` → `{ max, windowMs }`; throws on anything else. The window
 * is a number (default 1) and a unit: ms, s, m or min, h.
 */
export function parseRateLimit(text: string): RateLimit {
  const match = /^\s*(\d+)\s*\/\s*(\d+)?\s*(ms|s|min|m|h)\s*$/.exec(text);
  const max = Number(match?.[1]);
  const windowMs = Number(match?.[2] ?? 1) * (units[match?.[3] ?? ''] ?? NaN);
  if (!match || !(max >= 1) || !(windowMs >= 1)) {
    throw new Error(`--rate-limit ${text} is not N/WINDOW, e.g. 100/1s or 600/min`);
  }
  return { max, windowMs };
}

/** `--max-event-loop-delay MS` → a positive number of milliseconds; throws on anything else. */
export function parseEventLoopDelay(text: string): number {
  const ms = Number(text);
  if (!Number.isFinite(ms) || ms <= 0)
    throw new Error(`--max-event-loop-delay ${text} is not a number of ms`);
  return ms;
}

/**
 * The rate limit's key: a hash of the bearer token (the token itself is never kept in memory
 * longer than the request), or the client's address when it sends none.
 */
function limitKey(request: FastifyRequest): string {
  const token = bearerToken(request);
  return token ? `token:${hashToken(token)}` : `address:${request.ip}`;
}

/**
 * Registers what `options` turns on. Call it before the hook that looks the caller up: the 503
 * and the 429 are answered before any work that costs a database query.
 */
export async function registerLimits(app: FastifyInstance, options: LimitOptions): Promise<void> {
  if (options.maxEventLoopDelay !== undefined) {
    await app.register(underPressure, {
      maxEventLoopDelay: options.maxEventLoopDelay,
      sampleInterval: options.pressureSampleInterval ?? 1000,
      // Resolves with the reply sent (Fastify runs no further hook), or unsent to let it through.
      pressureHandler: async (request, reply, type, value) => {
        if (UNLIMITED.has(request.routeOptions.url ?? '')) return;
        request.log.warn({ type, value }, 'under pressure: answered 503');
        await sendProblem(reply, 503, {
          detail: 'The server is busy. Nothing was changed; try again shortly.',
          headers: { 'Retry-After': String(PRESSURE_RETRY_AFTER) },
        });
      },
    });
  }
  const limit = options.rateLimit;
  if (limit) {
    await app.register(rateLimit, {
      global: false,
      max: limit.max,
      timeWindow: limit.windowMs,
      keyGenerator: limitKey,
      cache: options.rateLimitKeys ?? 5000,
      errorResponseBuilder: (_request, context) => {
        const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
        return new HttpProblem(429, {
          detail: `Too many requests: at most ${limit.max} per ${limit.windowMs} ms for one token. Nothing was changed; try again in ${seconds} s.`,
          headers: { 'Retry-After': String(seconds) },
        });
      },
    });
    const check = app.rateLimit();
    // The contract's operations only (their config names one); health checks and 404s are free.
    const limited = (request: FastifyRequest) => request.routeOptions.config?.operationId !== undefined;
    // Without a token: by address, at once, before any lookup.
    app.addHook('onRequest', async (request, reply) => {
      if (limited(request) && !bearerToken(request)) await check.call(app, request, reply);
    });
    // With one: once the caller's lookup has found it (preParsing runs after every onRequest hook),
    // so a made-up token is answered 401 and never takes a place in the limiter's memory, where
    // thousands of them would push real tokens' counts out.
    app.addHook('preParsing', async (request, reply, payload) => {
      if (limited(request)) await check.call(app, request, reply);
      return payload;
    });
  }
}
