// `npm run server [-- options]`: the reference backend. See the README, "Reference backend".

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { buildApp } from './http/app.js';
import { parseEventLoopDelay, parseRateLimit } from './http/limits.js';
import { signKeyCli } from './license/cli.js';
import { readPublicKey } from './license/keys.js';
import { simulateUsage } from './store/simulate.js';
import { openDatabase } from './db/open.js';
import { DEMO_USERS, demoAccount, hasAccounts, parseSeedFile, withGeneratedAgents } from './store/seed.js';
import { MAX_AGENTS, seedReporting } from './store/seed-large.js';

const usage = `Usage: npm run server -- [options]

  --port N                  port (default 8787; 0 picks a free one)
  --host H                  address to listen on (default 127.0.0.1)
  --data DIR                PGlite data folder (default .data/ at the repository root)
  --seed FILE               seed accounts from FILE (replaces those accounts' data)
  --agents N                seed the demo account with N generated agents (replacing its data);
                            with --seed, N generated agents in each account of FILE
  --cors-origin URL         allow this origin by CORS (default: no CORS)
  --license-public-key FILE the licensing team's Ed25519 public key (PEM)
  --simulate-usage          record plausible Speech-to-Text and Power Pack use every 5 seconds
  --demo-controls           the demo panel's dev-only routes under /api/dev/ (loopback only;
                            docs/demo-controls.md); never for a real installation
  --max-event-loop-delay MS answer 503 with Retry-After while the event loop lags more than MS
                            (sampled each second) instead of queueing without bound (default: off)
  --rate-limit N/WINDOW     at most N requests per bearer token per WINDOW (100/1s, 600/min),
                            429 with Retry-After beyond (default: off)
  --statement-timeout MS    PostgreSQL cancels a statement running longer (answered 504);
                            default 10000; not on PGlite
  --server-timing           send Server-Timing: app;dur=MS with every answer (benches)
  --help                    this text

  sign-key …                make key pairs and sign licence keys (sign-key --help)

DATABASE_URL=postgres://… uses that PostgreSQL server instead of PGlite (--data is ignored).`;

// npm runs workspace scripts in server/; paths on the command line are the caller's.
const callerDir = process.env.INIT_CWD ?? process.cwd();
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

async function main(): Promise<void> {
  if (process.argv[2] === 'sign-key') {
    await signKeyCli(process.argv.slice(3), callerDir);
    return;
  }
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string' },
      seed: { type: 'string' },
      agents: { type: 'string' },
      'cors-origin': { type: 'string' },
      'license-public-key': { type: 'string' },
      'simulate-usage': { type: 'boolean', default: false },
      'demo-controls': { type: 'boolean', default: false },
      'server-timing': { type: 'boolean', default: false },
      'max-event-loop-delay': { type: 'string' },
      'rate-limit': { type: 'string' },
      'statement-timeout': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port ${values.port} is not a port`);
  const maxDelay = values['max-event-loop-delay'];
  const rate = values['rate-limit'];
  const limits = {
    ...(maxDelay === undefined ? {} : { maxEventLoopDelay: parseEventLoopDelay(maxDelay) }),
    ...(rate === undefined ? {} : { rateLimit: parseRateLimit(rate) }),
  };
  const agentCount = values.agents === undefined ? undefined : Number(values.agents);
  if (
    agentCount !== undefined &&
    !(Number.isInteger(agentCount) && agentCount >= 0 && agentCount <= MAX_AGENTS)
  )
    throw new Error(`--agents ${values.agents} is not a number of agents (0 to ${MAX_AGENTS})`);
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const statementTimeoutMs =
    values['statement-timeout'] === undefined ? undefined : Number(values['statement-timeout']);
  if (statementTimeoutMs !== undefined && !(Number.isInteger(statementTimeoutMs) && statementTimeoutMs > 0))
    throw new Error(`--statement-timeout ${values['statement-timeout']} is not a number of milliseconds`);
  const dataDir = values.data ? resolve(callerDir, values.data) : resolve(repoRoot, '.data');

  const publicKeyFile = values['license-public-key'];
  const licensePublicKey = publicKeyFile
    ? readPublicKey(await readFile(resolve(callerDir, publicKeyFile), 'utf8'))
    : undefined;

  const db = await openDatabase({
    databaseUrl,
    dataDir,
    ...(statementTimeoutMs ? { statementTimeoutMs } : {}),
  });
  const app = await buildApp({
    db,
    logger: { level: process.env.LOG_LEVEL ?? 'warn' },
    ...(values['cors-origin'] ? { corsOrigin: values['cors-origin'] } : {}),
    ...(licensePublicKey ? { licensePublicKey } : {}),
    demoControls: values['demo-controls'],
    serverTiming: values['server-timing'],
    limits,
  });

  const simulation = values['simulate-usage']
    ? setInterval(() => {
        simulateUsage(db, new Date()).catch((error: unknown) => app.log.error(error));
      }, 5000)
    : undefined;

  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    clearInterval(simulation);
    console.log(`${signal}: closing…`);
    try {
      await app.close();
    } finally {
      await db.close();
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void close('SIGINT'));
  process.on('SIGTERM', () => void close('SIGTERM'));

  const seeded: string[] = [];
  if (values.seed) {
    const file = resolve(callerDir, values.seed);
    let accounts = parseSeedFile(JSON.parse(await readFile(file, 'utf8')) as unknown);
    if (agentCount !== undefined) accounts = accounts.map((a) => withGeneratedAgents(a, agentCount));
    for (const account of accounts) await seedReporting(db, account, agentCount !== undefined);
    seeded.push(...accounts.map((a) => a.id));
  } else if (agentCount !== undefined || !(await hasAccounts(db))) {
    await seedReporting(db, demoAccount({ agents: agentCount ?? 250 }), agentCount !== undefined);
    seeded.push('demo');
  }

  const address = await app.listen({ port, host: values.host });
  const where = databaseUrl ? `PostgreSQL (DATABASE_URL)` : `PGlite in ${dataDir}`;
  // One write, so whoever reads the output sees the whole banner at once.
  const lines = [`licence-kit reference backend on ${address}/api — ${where}`];
  if (seeded.length) lines.push(`seeded: ${seeded.join(', ')}`);
  if (values['demo-controls']) lines.push('demo controls on: POST /api/dev/… (loopback only)');
  if (!values.seed) {
    lines.push('demo tokens (Authorization: Bearer <token>):');
    for (const user of DEMO_USERS) lines.push(`  ${user.permission.padEnd(6)} ${user.token}  (${user.name})`);
  }
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
