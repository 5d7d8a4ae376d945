// The read load of the load bench: GET /licensing and usage pages at a fixed rate, stepping the rate
// up until the server no longer holds it (p99 above the target, an error or a non-2xx answer).
// Answers the steps and the highest rate held.
//
// Open loop, evenly spaced: request k of a step is due at k / rate seconds, whatever the answers
// before it did, and sent on a free keep-alive connection of a pool (or, when all are busy, as soon
// as one is free). Its latency runs from when it was due to its answer's last byte, so time spent
// waiting behind a slow answer counts (no coordinated omission). autocannon, which this replaced,
// sends each connection's share of a second back to back at the start of that second: with 16
// connections every second began with 16 requests at once, so its p99 was the time to answer a
// burst of 16, whatever the rate, and its correction for omitted requests (an expected interval of
// ceil(1 / per-connection rate) = 1 ms) recorded every slow answer once per millisecond it took.

import { Agent, request } from 'node:http';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { percentile, type LoadAccount } from './load-clients.js';

export interface ReadStep {
  /** Requests per second asked for. */
  readonly rate: number;
  /** Requests per second answered (answers / seconds from the first due time to the last answer). */
  readonly achieved: number;
  /** Requests sent (and latencies measured) in the step. */
  readonly samples: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly errors: number;
  readonly non2xx: number;
  /** The server's CPU time (user + system) per request in the step, ms; undefined without its pid. */
  readonly serverCpuMs: number | undefined;
  /** The machine's 1-minute load average at the end of the step. */
  readonly load: number;
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
  /** Keep-alive connections at most (default 16). */
  readonly connections?: number;
  /** Agents per account, so usage pages spread over the list. */
  readonly agents: number;
  /** The server's process id, to read its CPU time (Linux /proc). */
  readonly serverPid?: number;
  readonly log?: (line: string) => void;
}

export interface ReadLoadResult {
  readonly steps: ReadStep[];
  /** The highest step held, if any. */
  readonly best: ReadStep | undefined;
}

interface Read {
  readonly path: string;
  readonly headers: Record<string, string>;
}

/** The requests sent in turn: loads and usage pages of a few accounts. */
export function requestMix(accounts: readonly LoadAccount[], agents: number): Read[] {
  const requests: Read[] = [];
  for (const [i, account] of accounts.slice(0, 10).entries()) {
    const headers = { Authorization: `Bearer ${account.token}` };
    const offset = Math.floor((((i * 37) % 10) / 10) * Math.max(0, agents - 50));
    requests.push({ path: '/api/licensing', headers });
    requests.push({ path: `/api/licensing/usage?offset=${offset}&limit=50`, headers });
  }
  return requests;
}

/** A process's CPU time so far (user + system), ms; undefined where /proc cannot be read. */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime, fields 14 and 15 of stat (the split starts at field 3), in ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** How long to wait for one answer before counting it an error, ms. */
const TIMEOUT_MS = 10_000;

/** One step: `rate` requests a second for `seconds`, evenly spaced; every latency kept. */
export async function readStep(
  options: Pick<ReadLoadOptions, 'origin' | 'stepSeconds' | 'p99Ms' | 'serverPid'>,
  agent: Agent,
  mix: readonly Read[],
  rate: number,
): Promise<ReadStep> {
  const total = Math.max(1, Math.round(rate * options.stepSeconds));
  const interval = 1000 / rate;
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  let lastAnswer = 0;
  const cpuBefore = processCpuMs(options.serverPid);
  const send = (k: number, due: number) =>
    new Promise<void>((resolve) => {
      const read = mix[k % mix.length]!;
      let settled = false;
      // A response that fails mid-body can be reported by both `res` and `req`: counted once.
      const done = (ok: boolean, status?: number) => {
        if (settled) return;
        settled = true;
        const now = performance.now();
        lastAnswer = Math.max(lastAnswer, now);
        if (!ok) errors++;
        else if (status! < 200 || status! > 299) non2xx++;
        latencies.push(now - due);
        resolve();
      };
      const req = request(`${options.origin}${read.path}`, { agent, headers: read.headers }, (res) => {
        res.resume();
        res.on('end', () => done(true, res.statusCode));
        res.on('error', () => done(false));
      });
      req.setTimeout(TIMEOUT_MS, () => req.destroy(new Error('timed out')));
      req.on('error', () => done(false));
      req.end();
    });

  const start = performance.now() + 5;
  const answers: Promise<void>[] = [];
  await new Promise<void>((resolve) => {
    let k = 0;
    const tick = () => {
      const now = performance.now();
      // Everything due by now goes out; a late tick sends its backlog at once, timed from when due.
      while (k < total && start + k * interval <= now) {
        answers.push(send(k, start + k * interval));
        k++;
      }
      if (k === total) resolve();
      else setTimeout(tick, Math.max(0, start + k * interval - performance.now()));
    };
    setTimeout(tick, Math.max(0, start - performance.now()));
  });
  await Promise.all(answers);
  const cpuAfter = processCpuMs(options.serverPid);
  const p99 = percentile(latencies, 99);
  const achieved = total / ((lastAnswer - start) / 1000);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    rate,
    achieved: Math.round(achieved),
    samples: total,
    p50: round(percentile(latencies, 50)),
    p90: round(percentile(latencies, 90)),
    p99: round(p99),
    max: round(Math.max(...latencies)),
    errors,
    non2xx,
    serverCpuMs:
      cpuBefore === undefined || cpuAfter === undefined
        ? undefined
        : Math.round(((cpuAfter - cpuBefore) / total) * 1000) / 1000,
    load: Math.round(loadavg()[0]! * 100) / 100,
    held: p99 <= options.p99Ms && errors === 0 && non2xx === 0 && achieved >= rate * 0.95,
  };
}

/**
 * Waits until the server's process has been idle (under 5 % of a core) for a second, at most
 * `maxMs`: the write load's last carts and the answers it dropped may still be in work when its
 * clients are done. Answers the ms waited; at once without a pid.
 */
export async function serverIdle(pid: number | undefined, maxMs = 30_000): Promise<number> {
  const started = performance.now();
  let before = processCpuMs(pid);
  while (before !== undefined && performance.now() - started < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = processCpuMs(pid);
    if (now === undefined || now - before < 50) break;
    before = now;
  }
  return Math.round(performance.now() - started);
}

/**
 * From `startRate`, steps the rate up by `factor` while it is held (or down while it is not),
 * then tries the midpoint between the highest rate held and the lowest not held above it. A short
 * unrecorded warm-up at the start rate comes first (connections opened, code compiled).
 */
export async function runReadLoad(options: ReadLoadOptions): Promise<ReadLoadResult> {
  const steps: ReadStep[] = [];
  const factor = options.factor ?? 1.5;
  const maxSteps = options.maxSteps ?? 12;
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections ?? 16 });
  const mix = requestMix(options.accounts, options.agents);
  const run = async (rate: number) => {
    const result = await readStep(options, agent, mix, Math.max(1, Math.round(rate)));
    steps.push(result);
    options.log?.(
      `  read ${String(result.rate).padStart(5)} req/s asked: ${result.achieved} answered, ${result.samples} samples, ` +
        `p50 ${result.p50} ms, p99 ${result.p99} ms, max ${result.max} ms` +
        (result.serverCpuMs === undefined ? '' : `, server CPU ${result.serverCpuMs} ms/req`) +
        `, load ${result.load}` +
        `${result.non2xx || result.errors ? `, ${result.non2xx} non-2xx, ${result.errors} errors` : ''} → ${result.held ? 'held' : 'not held'}`,
    );
    return result;
  };
  try {
    const waited = await serverIdle(options.serverPid);
    options.log?.(
      `  server idle after ${waited} ms; load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    let rate = options.startRate ?? 50;
    await readStep({ ...options, stepSeconds: Math.min(2, options.stepSeconds) }, agent, mix, rate);
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
  } finally {
    agent.destroy();
  }
}
