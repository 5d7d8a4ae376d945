// The load bench's read step (bench/read-load.ts) measures what it claims: it sends at the asked
// rate evenly spread over the step (not a burst at the start of each second, which made the step's
// p99 the time to answer a burst), and times each request from when it was due, so a slow answer
// also counts against the requests queued behind it. Against a plain HTTP server of the test's own
// whose answer times it sets; no database involved.

import assert from 'node:assert/strict';
import { Agent, createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { readStep, requestMix } from '../bench/read-load.js';

let server: Server;
let origin: string;
/** When each request arrived (ms, performance.now()). */
let arrivals: number[] = [];
/** How long the server waits before answering the n-th request (from 0). */
let delay: (n: number) => number = () => 0;

before(async () => {
  server = createServer((request, response) => {
    const n = arrivals.push(performance.now()) - 1;
    request.resume();
    setTimeout(() => response.end('{}'), delay(n));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

const mix = requestMix([{ id: 'a', token: 'a-update' }], 100);

describe('load bench: the read step', () => {
  it('sends the asked rate evenly over the step, never a second’s share at once', async () => {
    arrivals = [];
    delay = () => 0;
    const agent = new Agent({ keepAlive: true, maxSockets: 16 });
    const step = await readStep({ origin, stepSeconds: 1, p99Ms: 50 }, agent, mix, 100);
    agent.destroy();
    assert.equal(step.samples, 100);
    assert.equal(arrivals.length, 100, 'every request reached the server');
    assert.equal(step.errors + step.non2xx, 0);
    // 10 ms apart as asked: about 10 in any 100 ms. A second's share sent at once (as autocannon
    // did) puts all 100 in the same few milliseconds. Counted over windows, not gaps, so a busy
    // machine's late timers (a few requests sent together after a stall) do not fail it.
    const busiest = Math.max(...arrivals.map((t) => arrivals.filter((u) => u >= t && u < t + 100).length));
    assert.ok(busiest <= 40, `${busiest} requests arrived within 100 ms (10 asked)`);
    const span = arrivals.at(-1)! - arrivals[0]!;
    assert.ok(span >= 800, `the requests were spread over ${span.toFixed(0)} ms of the 1 s step`);
  });

  it('times each request from when it was due, so a stalled connection shows in the p99', async () => {
    arrivals = [];
    // One answer takes 300 ms; on one connection the 30 requests due meanwhile wait for it. Timed
    // from when they were sent, one request would be slow; from when they were due, 30 are.
    delay = (n) => (n === 30 ? 300 : 0);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const step = await readStep({ origin, stepSeconds: 1, p99Ms: 50 }, agent, mix, 100);
    agent.destroy();
    assert.equal(step.samples, 100);
    assert.ok(step.max >= 290, `max ${step.max} ms: the slow answer itself`);
    assert.ok(step.p90 >= 100, `p90 ${step.p90} ms: the requests queued behind it count their wait`);
    assert.equal(step.held, false);
  });
});
