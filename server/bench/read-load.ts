// The read load of the load bench: GET /licensing and usage pages (autocannon, keep-alive
// connections, a fixed overall rate), stepping the rate up until the server no longer holds it:
// p99 above the target, an error or non-2xx answer, or fewer answers than asked for. Answers the
// steps and the highest rate held.

import autocannon from 'autocannon';
import type { LoadAccount } from './load-clients.js';

export interface ReadStep {
  /** Requests per second asked for. */
  readonly rate: number;
  /** Requests per second answered. */
  readonly achieved: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly errors: number;
  readonly non2xx: number;
  readonly held: boolean;
}

export interface ReadLoadOptions {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  readonly accounts: readonly LoadAccount[];
  /** Seconds per step. */
  readonly stepSeconds: number;
  /** The p99 a step must stay under, ms. */
  readonly p99Ms: number;
  readonly startRate?: number;
  readonly factor?: number;
  readonly maxSteps?: number;
  readonly connections?: number;
  /** Agents per account, so usage pages spread over the list. */
  readonly agents: number;
  readonly log?: (line: string) => void;
}

export interface ReadLoadResult {
  readonly steps: ReadStep[];
  /** The highest step held, if any. */
  readonly best: ReadStep | undefined;
}

/** The requests each connection cycles through: loads and usage pages of a few accounts. */
function requestMix(accounts: readonly LoadAccount[], agents: number) {
  const requests = [];
  for (const [i, account] of accounts.slice(0, 10).entries()) {
    const headers = { Authorization: `Bearer ${account.token}` };
    const offset = Math.floor((((i * 37) % 10) / 10) * Math.max(0, agents - 50));
    requests.push({ method: 'GET', path: '/api/licensing', headers });
    requests.push({ method: 'GET', path: `/api/licensing/usage?offset=${offset}&limit=50`, headers });
  }
  return requests;
}

async function step(options: ReadLoadOptions, rate: number): Promise<ReadStep> {
  const result = await autocannon({
    url: options.origin,
    connections: options.connections ?? 16,
    duration: options.stepSeconds,
    overallRate: rate,
    requests: requestMix(options.accounts, options.agents),
  });
  const achieved = result.requests.total / result.duration;
  const held =
    result.latency.p99 <= options.p99Ms &&
    result.errors === 0 &&
    result.timeouts === 0 &&
    result.non2xx === 0 &&
    achieved >= rate * 0.95;
  return {
    rate,
    achieved: Math.round(achieved),
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    held,
  };
}

/**
 * From `startRate`, steps the rate up by `factor` while it is held (or down while it is not),
 * then tries the midpoint between the highest rate held and the lowest not held above it.
 */
export async function runReadLoad(options: ReadLoadOptions): Promise<ReadLoadResult> {
  const steps: ReadStep[] = [];
  const factor = options.factor ?? 1.5;
  const maxSteps = options.maxSteps ?? 12;
  const run = async (rate: number) => {
    const result = await step(options, Math.max(1, Math.round(rate)));
    steps.push(result);
    options.log?.(
      `  read ${String(result.rate).padStart(5)} req/s asked: ${result.achieved} answered, ` +
        `p50 ${result.p50} ms, p99 ${result.p99} ms${result.non2xx || result.errors ? `, ${result.non2xx} non-2xx, ${result.errors} errors` : ''} → ${result.held ? 'held' : 'not held'}`,
    );
    return result;
  };
  let rate = options.startRate ?? 50;
  const first = await run(rate);
  const direction = first.held ? factor : 1 / factor;
  while (steps.length < maxSteps && rate * direction >= 1) {
    rate *= direction;
    const result = await run(rate);
    if (result.held !== first.held) break;
  }
  const best = () => steps.filter((s) => s.held).sort((a, b) => b.rate - a.rate)[0];
  const held = best();
  const above = steps
    .filter((s) => !s.held && (!held || s.rate > held.rate))
    .sort((a, b) => a.rate - b.rate)[0];
  if (held && above && above.rate - held.rate > 1) await run((held.rate + above.rate) / 2);
  return { steps, best: best() };
}
