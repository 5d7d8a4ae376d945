// The load bench (server/bench/README.md, "Load and correctness"):
//
//   cd server && node --import tsx bench/load.ts [--accounts 100] [--clients 200] [--seconds 60]
//
// Seeds N accounts into a fresh PGlite folder (or the PostgreSQL of DATABASE_URL), starts the
// server as a child process on 127.0.0.1, runs the write load (load → change → commit, lost answers
// retried with the same Idempotency-Key, 409s rebased), then the read load (read-load.ts, stepping
// the rate up while p99 stays under --read-p99), stops the server and holds the database against
// the clients' ledger. Prints the figures; exits 1 if any invariant broke. Bounded in time and
// loopback only; the server it starts is stopped (SIGTERM, then SIGKILL) whatever happens.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDemoSeed } from '../../src/adapters/memory/demo-data.js';
import type { LicensingSnapshot } from '../../src/core/index.js';
import { openDatabase } from '../src/db/open.js';
import { checkLoad } from './load-check.js';
import { percentile, refusalsByReason, runWriteLoad, type LoadAccount } from './load-clients.js';
import { runReadLoad, type ReadLoadResult } from './read-load.js';
import { startServerProcess } from './server-process.js';

const usage = `Usage: node --import tsx bench/load.ts [options]   (in server/)

  --accounts N          accounts seeded and loaded (default 100)
  --clients N           concurrent writing clients (default 200)
  --seconds N           how long carts are started (default 60)
  --lose-rate R         share of commit attempts whose answer is dropped (default 0.1)
  --agents N            agents per account, for the usage pages (default 200)
  --read-step-seconds N seconds per read-rate step; 0 skips the read load (default 20: at
                        50 req/s a step's p99 is then its 10th slowest of 1,000 answers)
  --read-p99 MS         the p99 a read rate must keep to count as held (default 50)
  --port N              the server's port (default 0: a free one)
  --max-event-loop-delay MS  start the server with this overload limit (default: off), so it
                        sheds load with 503 + Retry-After, which the clients honour
  --json FILE           also write the figures as JSON
  --help                this text

DATABASE_URL=postgres://… runs on that PostgreSQL (the accounts load-001… are replaced there);
without it, on PGlite in a temporary folder that is removed afterwards.`;

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '100' },
    clients: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '60' },
    'lose-rate': { type: 'string', default: '0.1' },
    agents: { type: 'string', default: '200' },
    'read-step-seconds': { type: 'string', default: '20' },
    'read-p99': { type: 'string', default: '50' },
    port: { type: 'string', default: '0' },
    'max-event-loop-delay': { type: 'string' },
    json: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
  strict: true,
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const whole = (name: string, text: string, min = 0): number => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} ${text} is not a whole number ≥ ${min}`);
  return n;
};
const accountsN = whole('accounts', values.accounts, 1);
const clients = whole('clients', values.clients, 1);
const seconds = whole('seconds', values.seconds, 1);
const agents = whole('agents', values.agents, 0);
const readStep = whole('read-step-seconds', values['read-step-seconds']);
const readP99 = whole('read-p99', values['read-p99'], 1);
const loseRate = Number(values['lose-rate']);
if (!(loseRate >= 0 && loseRate < 1)) throw new Error(`--lose-rate ${values['lose-rate']} is not in [0, 1)`);
const maxDelay = values['max-event-loop-delay'];
const databaseUrl = process.env.DATABASE_URL || undefined;
const log = (line: string) => console.log(line);

const work = await mkdtemp(join(tmpdir(), 'licence-kit-load-'));
const dataDir = join(work, 'data');
const accounts: LoadAccount[] = Array.from({ length: accountsN }, (_, i) => {
  const id = `load-${String(i + 1).padStart(3, '0')}`;
  return { id, token: `${id}-update` };
});
const seed = {
  accounts: accounts.map((account) => ({
    id: account.id,
    ...createDemoSeed({ agents }),
    users: [{ token: account.token, name: `Admin of ${account.id}`, permission: 'update' }],
  })),
};
await writeFile(join(work, 'seed.json'), JSON.stringify(seed));

const where = databaseUrl ? 'PostgreSQL (DATABASE_URL)' : 'PGlite (a temporary data folder)';
log(
  `load bench on ${where}: ${accountsN} accounts, ${clients} clients, ${seconds} s, lose rate ${loseRate}` +
    (maxDelay === undefined ? '' : `, --max-event-loop-delay ${maxDelay}`),
);
let exitCode = 1;
const server = await startServerProcess(
  [
    ...['--port', values.port, '--data', dataDir, '--seed', join(work, 'seed.json')],
    ...(maxDelay === undefined ? [] : ['--max-event-loop-delay', maxDelay]),
  ],
  {
    env: { ...process.env, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
    logFile: join(work, 'server.log'),
  },
);
try {
  const api = `${server.origin}/api`;
  const baseline = new Map<string, LicensingSnapshot>();
  for (const account of accounts) {
    for (let attempt = 1; ; attempt++) {
      const response = await fetch(`${api}/licensing`, {
        headers: { Authorization: `Bearer ${account.token}` },
      });
      if (response.status === 200) {
        baseline.set(account.id, (await response.json()) as LicensingSnapshot);
        break;
      }
      // A server with --max-event-loop-delay may still be catching up after seeding.
      if (response.status !== 503 || attempt === 30) {
        throw new Error(`GET /licensing of ${account.id}: ${response.status}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }

  log(`write load: ${server.origin}, pid ${server.child.pid}`);
  const write = await runWriteLoad({ api, accounts, clients, seconds, loseRate });
  const accepted = write.carts.filter((cart) => cart.outcome === 'accepted').length;
  const refusals = refusalsByReason(write.carts);
  const lost = write.carts.reduce((sum, cart) => sum + cart.lostAnswers, 0);
  const figures = {
    database: databaseUrl ? 'postgres' : 'pglite',
    maxEventLoopDelay: maxDelay === undefined ? null : Number(maxDelay),
    accounts: accountsN,
    clients,
    seconds,
    elapsed: Number(write.elapsed.toFixed(1)),
    carts: write.carts.length,
    accepted,
    commitsPerSecond: Number((accepted / write.elapsed).toFixed(1)),
    commitAttempts: write.commitLatencies.length + lost,
    lostAnswers: lost,
    commitLatencyMs: {
      p50: Math.round(percentile(write.commitLatencies, 50)),
      p95: Math.round(percentile(write.commitLatencies, 95)),
      p99: Math.round(percentile(write.commitLatencies, 99)),
    },
    loadLatencyMs: {
      p50: Math.round(percentile(write.loadLatencies, 50)),
      p99: Math.round(percentile(write.loadLatencies, 99)),
    },
    refusals,
    retried: write.retried,
  };
  log(
    `  ${accepted} commits accepted in ${figures.elapsed} s = ${figures.commitsPerSecond}/s; ` +
      `commit p50 ${figures.commitLatencyMs.p50} ms, p95 ${figures.commitLatencyMs.p95} ms, p99 ${figures.commitLatencyMs.p99} ms`,
  );
  log(
    `  ${write.carts.length} carts, ${lost} answers lost and retried; refusals ${JSON.stringify(refusals)}`,
  );
  if (Object.keys(write.retried).length)
    log(`  answers retried after a wait ${JSON.stringify(write.retried)}`);

  let read: ReadLoadResult | undefined;
  if (readStep > 0) {
    log(`read load: GET /licensing and /licensing/usage pages, ${readStep} s per step, p99 ≤ ${readP99} ms`);
    read = await runReadLoad({
      origin: server.origin,
      accounts,
      stepSeconds: readStep,
      p99Ms: readP99,
      agents,
      ...(server.child.pid === undefined ? {} : { serverPid: server.child.pid }),
      log,
    });
    log(
      read.best
        ? `  held: ${read.best.achieved} req/s with p50 ${read.best.p50} ms, p99 ${read.best.p99} ms (${read.best.samples} samples)`
        : '  no rate held',
    );
  }

  await server.stop();
  const db = await openDatabase({ databaseUrl, dataDir });
  const check = await checkLoad(db, baseline, write.carts).finally(() => db.close());
  const unresolved = refusals.unresolved ?? 0;
  log(
    `check: ${check.accounts} accounts, ${check.acceptedCarts} accepted carts, ${check.auditRows} audit rows, ` +
      `${unresolved} unresolved, ${check.violations.length} violations`,
  );
  for (const violation of check.violations.slice(0, 20)) log(`  ✗ ${violation}`);
  if (values.json) {
    await writeFile(values.json, JSON.stringify({ ...figures, read, check }, null, 2));
    log(`figures written to ${values.json}`);
  }
  // 503 and 429 are the limits at work (off unless given); any other answer that settled nothing
  // (a 500) is a fault of the server, whose log (server.log, kept) says what.
  const faults = Object.keys(write.retried).filter((key) => !/ (503|429)$/.test(key));
  if (faults.length) log(`  ✗ answers that are faults of the server: ${faults.join(', ')}`);
  exitCode = check.violations.length === 0 && unresolved === 0 && faults.length === 0 ? 0 : 1;
} finally {
  await server.stop();
  // Kept when something broke, for the server's log.
  if (exitCode === 0) await rm(work, { recursive: true, force: true });
  else log(`kept for inspection: ${work} (server.log)`);
}
process.exit(exitCode);
