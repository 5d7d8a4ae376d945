// Overload and rate limits (server/src/http/limits.ts): 429 with Retry-After past a token's rate,
// 503 with Retry-After under pressure (the health check still answers), 413 for a body too large,
// all problem+json and checked against docs/openapi.yaml; both limits off unless configured.

import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { LicensingSnapshot } from '../../src/core/index.js';
import { startServerProcess, type ServerProcess } from '../bench/server-process.js';
import { parseEventLoopDelay, parseRateLimit } from '../src/http/limits.js';
import { backendKind, startServer, type TestServer } from './helpers/harness.js';

type Problem = { status: number; title: string; detail?: string };

const isProblem = (answer: { headers: Headers }) =>
  assert.match(answer.headers.get('content-type') ?? '', /^application\/problem\+json/);

/** Whole seconds, at least 1, as the contract's Retry-After says. */
const retryAfterSeconds = (answer: { headers: Headers }): number => {
  const value = answer.headers.get('retry-after');
  assert.match(value ?? '', /^\d+$/, 'Retry-After is delay-seconds');
  return Number(value);
};

describe(`reference backend on ${backendKind}: limits off by default`, () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  it('sends no rate-limit headers and never a 429 without --rate-limit', async () => {
    const account = await server.account();
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => server.call('GET', '/licensing', { token: account.tokens.view })),
    );
    assert.deepEqual(new Set(answers.map((a) => a.status)), new Set([200]));
    assert.equal(answers[0]!.headers.get('x-ratelimit-limit'), null);
  });

  it('answers a 1 MB body with 413 problem+json and changes nothing', async () => {
    const account = await server.account();
    const before = await server.call<LicensingSnapshot>('GET', '/licensing', {
      token: account.tokens.update,
    });
    const big = await server.call<Problem>('POST', '/licensing/changes', {
      token: account.tokens.update,
      headers: {
        'If-Match': `"${before.body.version}"`,
        'Idempotency-Key': 'big-1',
        'Content-Type': 'application/json',
      },
      rawBody: JSON.stringify({ counts: { voice: 1 }, pad: 'x'.repeat(1024 * 1024) }),
    });
    assert.equal(big.status, 413);
    isProblem(big);
    assert.equal(big.body.status, 413);
    const usage = await server.call<Problem>('POST', '/licensing/usage-records', {
      token: account.tokens.update,
      rawBody: JSON.stringify({ records: [], pad: 'x'.repeat(1024 * 1024) }),
      headers: { 'Content-Type': 'application/json' },
    });
    assert.equal(usage.status, 413);
    const after = await server.call<LicensingSnapshot>('GET', '/licensing', { token: account.tokens.update });
    assert.deepEqual(after.body, before.body, 'nothing changed');
  });
});

describe(`reference backend on ${backendKind}: per-token rate limit (--rate-limit)`, () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ limits: { rateLimit: { max: 3, windowMs: 60_000 }, rateLimitKeys: 50 } });
  });
  after(() => server.close());

  it('answers the N+1th request of a token with 429, Retry-After and problem+json; other tokens go on', async () => {
    const account = await server.account();
    const other = await server.account();
    for (let i = 0; i < 3; i++) {
      const ok = await server.call('GET', '/licensing', { token: account.tokens.update });
      assert.equal(ok.status, 200, `request ${i + 1} of 3`);
      assert.equal(ok.headers.get('x-ratelimit-limit'), '3');
    }
    const refused = await server.call<Problem>('GET', '/licensing/usage', { token: account.tokens.update });
    assert.equal(refused.status, 429);
    isProblem(refused);
    assert.equal(refused.body.status, 429);
    assert.equal(refused.body.title, 'Too Many Requests');
    const wait = retryAfterSeconds(refused);
    assert.ok(wait >= 1 && wait <= 60, `Retry-After ${wait} within the window`);

    // A commit past the limit is refused before it is judged: nothing changes.
    const commit = await server.call<Problem>('POST', '/licensing/changes', {
      token: account.tokens.update,
      headers: { 'If-Match': '"v1"', 'Idempotency-Key': 'limited-1' },
      body: { counts: { supervisor: 99 } },
    });
    assert.equal(commit.status, 429);
    retryAfterSeconds(commit);

    // Another token of the same account has its own budget and sees nothing changed.
    const seen = await server.call<LicensingSnapshot>('GET', '/licensing', { token: account.tokens.view });
    assert.equal(seen.status, 200);
    assert.notEqual(seen.body.lines.find((l) => l.typeId === 'supervisor')?.count, 99);
    assert.equal((await server.call('GET', '/licensing', { token: other.tokens.update })).status, 200);

    // Health checks are never limited.
    for (let i = 0; i < 5; i++) assert.equal((await fetch(`${server.origin}/healthz`)).status, 200);
  });

  it('counts only tokens that exist: more made-up ones (401) than it keeps leave a real token limited', async () => {
    const account = await server.account();
    for (let i = 0; i < 3; i++) await server.call('GET', '/licensing', { token: account.tokens.view });
    assert.equal((await server.call('GET', '/licensing', { token: account.tokens.view })).status, 429);
    // More made-up tokens than the limiter keeps in memory (50 here, 5,000 by default).
    const statuses = new Map<number, number>();
    for (let batch = 0; batch < 4; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          fetch(`${server.api}/licensing`, { headers: { Authorization: `Bearer made-up-${batch}-${i}` } }),
        ),
      );
      for (const answer of answers) {
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        await answer.body?.cancel();
      }
    }
    assert.deepEqual([...statuses], [[401, 100]]);
    const still = await server.call('GET', '/licensing', { token: account.tokens.view });
    assert.equal(still.status, 429, 'the real token is still limited in its window');
  });

  it('limits requests without a token by address, before any token lookup', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await server.call('GET', '/licensing')).status);
    assert.deepEqual(statuses, [401, 401, 401, 429, 429]);
  });
});

describe(`reference backend on ${backendKind}: overload (--max-event-loop-delay)`, () => {
  let server: TestServer;
  before(async () => {
    // Well above what a busy shared machine adds on its own, well below the blocker's 100 ms.
    server = await startServer({ limits: { maxEventLoopDelay: 30, pressureSampleInterval: 20 } });
  });
  after(() => server.close());

  /** Keeps this process's event loop (the server's) lagging ~100 ms at a time while `work` runs. */
  async function whileBlocked<T>(work: () => Promise<T>): Promise<T> {
    const blocker = setInterval(() => {
      const end = Date.now() + 100;
      while (Date.now() < end) {
        // busy: the event loop is held, as a CPU-bound burst of requests would hold it
      }
    }, 1);
    try {
      return await work();
    } finally {
      clearInterval(blocker);
    }
  }

  it('answers 503 with Retry-After while the event loop lags, keeps /healthz answering, and recovers', async () => {
    const account = await server.account();
    // Seeding the account (PGlite works on this thread) may itself have tripped the limit.
    assert.equal(await statusOnceCalm(), 200, 'answers while the event loop keeps up');

    const { refused, health } = await whileBlocked(async () => {
      let answer: Awaited<ReturnType<typeof server.call<Problem>>> | undefined;
      for (let i = 0; i < 100 && answer?.status !== 503; i++) {
        answer = await server.call<Problem>('GET', '/licensing', { token: account.tokens.view });
      }
      return { refused: answer!, health: await fetch(`${server.origin}/healthz`) };
    });
    assert.equal(refused.status, 503, 'the lagging server refuses instead of queueing');
    isProblem(refused);
    assert.equal(refused.body.status, 503);
    assert.equal(retryAfterSeconds(refused), 2);
    assert.equal(health.status, 200, '/healthz answers under pressure');

    assert.equal(await statusOnceCalm(), 200, 'answers again once the lag is gone');

    async function statusOnceCalm(): Promise<number> {
      let status = 0;
      for (let i = 0; i < 250 && status !== 200; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        status = (await server.call('GET', '/licensing', { token: account.tokens.view })).status;
      }
      return status;
    }
  });
});

describe('limit options', () => {
  it('npm run server -- --rate-limit 2/1m limits the demo token (PGlite in a new folder)', async (t) => {
    const folder = await mkdtemp(join(tmpdir(), 'licence-kit-limits-'));
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const started: { server?: ServerProcess } = {};
    t.after(async () => {
      await started.server?.stop();
      await rm(folder, { recursive: true, force: true });
    });
    const server = (started.server = await startServerProcess(
      ['--port', '0', '--data', join(folder, 'data'), '--rate-limit', '2/1m'],
      { env, logFile: join(folder, 'server.log') },
    ));
    const origin = server.origin;
    const get = () => fetch(`${origin}/api/licensing`, { headers: { Authorization: 'Bearer demo-view' } });
    assert.equal((await get()).status, 200);
    assert.equal((await get()).status, 200);
    const refused = await get();
    assert.equal(refused.status, 429);
    assert.match(refused.headers.get('retry-after') ?? '', /^\d+$/);
    assert.equal((await fetch(`${origin}/healthz`)).status, 200);
  });

  it('reads N/WINDOW and a delay in ms, and refuses anything else', () => {
    assert.deepEqual(parseRateLimit('100/1s'), { max: 100, windowMs: 1000 });
    assert.deepEqual(parseRateLimit('600/min'), { max: 600, windowMs: 60_000 });
    assert.deepEqual(parseRateLimit('5/250ms'), { max: 5, windowMs: 250 });
    assert.deepEqual(parseRateLimit('10/2h'), { max: 10, windowMs: 7_200_000 });
    for (const bad of ['100', '0/1s', '1/0s', '-1/s', '10/1d', 'ten/s']) {
      assert.throws(() => parseRateLimit(bad), /--rate-limit/, bad);
    }
    assert.equal(parseEventLoopDelay('200'), 200);
    for (const bad of ['0', '-5', 'soon'])
      assert.throws(() => parseEventLoopDelay(bad), /--max-event-loop-delay/);
  });
});
