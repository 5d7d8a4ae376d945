// Where a read's milliseconds go (server/bench/README.md, "Load and correctness"): the server as a
// child process (PGlite in a temporary folder, or DATABASE_URL), then for each route, one request
// at a time over one keep-alive connection (and then `--concurrency` at a time): the latency the
// client sees, the server's CPU time per request (its /proc/PID/stat, user + system) and, on
// PostgreSQL, the statements per request (the database's committed transactions: each statement
// outside a transaction is one) and the CPU time of its backends per request. CPU time per
// request carries comparisons on a shared machine, where latencies carry the machine's load.
//
//   cd server && node --import tsx bench/read-probe.ts [--requests 2000] [--concurrency 1,16]
//   node --import tsx bench/read-probe.ts --cpu-prof /tmp/prof   # the server's CPU profile too

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { createDemoSeed } from '../../src/adapters/memory/demo-data.js';
import { percentile } from './load-clients.js';
import { processCpuMs } from './read-load.js';
import { startServerProcess } from './server-process.js';

const usage = `Usage: node --import tsx bench/read-probe.ts [options]   (in server/)

  --requests N      requests per route and concurrency (default 2000)
  --concurrency L   requests in flight at once, a list (default 1,16)
  --agents N        agents in the account (default 200)
  --routes L        routes probed (default healthz,readyz,licensing,usage)
  --cpu-prof DIR    start the server with node --cpu-prof, its profile written to DIR on exit
  --help            this text

DATABASE_URL=postgres://… probes that PostgreSQL (the account probe-001 is replaced there).`;

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '1,16' },
    agents: { type: 'string', default: '200' },
    routes: { type: 'string', default: 'healthz,readyz,licensing,usage' },
    'cpu-prof': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
  strict: true,
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const requests = Number(values.requests);
const concurrencies = values.concurrency.split(',').map(Number);
const agents = Number(values.agents);
const databaseUrl = process.env.DATABASE_URL || undefined;

const token = 'probe-001-update';
const paths: Record<string, string> = {
  healthz: '/healthz',
  readyz: '/readyz',
  licensing: '/api/licensing',
  usage: `/api/licensing/usage?offset=${Math.max(0, Math.floor(agents / 2) - 25)}&limit=50`,
};
const routes = values.routes.split(',').map((name) => {
  const path = paths[name];
  if (!path) throw new Error(`--routes: no route ${name} (${Object.keys(paths).join(', ')})`);
  return { name, path };
});

const cpuMs = (pid: number): number => processCpuMs(pid) ?? NaN;

const work = await mkdtemp(join(tmpdir(), 'licence-kit-probe-'));
const seed = {
  accounts: [
    {
      id: 'probe-001',
      ...createDemoSeed({ agents }),
      users: [{ token, name: 'Admin of probe-001', permission: 'update' }],
    },
  ],
};
await writeFile(join(work, 'seed.json'), JSON.stringify(seed));
const profile = values['cpu-prof'];
const server = await startServerProcess(
  ['--port', '0', '--data', join(work, 'data'), '--seed', join(work, 'seed.json')],
  {
    env: {
      ...process.env,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    },
    logFile: join(work, 'server.log'),
    ...(profile ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profile}`] } : {}),
  },
);
const pg = databaseUrl ? postgres(databaseUrl, { max: 1, onnotice: () => undefined }) : undefined;
/**
 * Transactions committed in the database so far, read once its backends have flushed their counts:
 * an idle backend may hold them up to 10 s (PostgreSQL 15's PGSTAT_IDLE_INTERVAL).
 */
const committed = async (): Promise<number> => {
  if (!pg) return NaN;
  await new Promise((resolve) => setTimeout(resolve, 11_000));
  await pg`SELECT pg_stat_clear_snapshot()`;
  const [row] = await pg`SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()`;
  return Number(row!.xact_commit);
};

/** CPU time so far of each of the database's other backends (the server's pool), ms, by pid. */
const backendsMs = async (): Promise<Map<number, number>> => {
  const cpu = new Map<number, number>();
  if (!pg) return cpu;
  const rows = await pg`SELECT pid FROM pg_stat_activity
    WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`;
  for (const row of rows) {
    const ms = processCpuMs(Number(row.pid));
    if (ms !== undefined) cpu.set(Number(row.pid), ms);
  }
  return cpu;
};

/**
 * The backends' CPU time between two readings: each backend's own difference (one that started in
 * between counts from 0). A backend that ended in between took its last CPU time with it: then the
 * figure is a lower bound, marked "≥".
 */
const backendsSpent = (before: Map<number, number>, after: Map<number, number>) => {
  let ms = 0;
  for (const [pid, now] of after) ms += now - (before.get(pid) ?? 0);
  const lost = [...before.keys()].some((pid) => !after.has(pid));
  return { ms, lost };
};

const agent = new Agent({ keepAlive: true, maxSockets: Math.max(...concurrencies) });
const get = (path: string) =>
  new Promise<number>((resolve, reject) => {
    const started = performance.now();
    const req = request(
      `${server.origin}${path}`,
      { agent, headers: { Authorization: `Bearer ${token}` } },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(performance.now() - started)
            : reject(new Error(`${path}: ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });

/** `n` requests, `concurrency` at a time (each worker sends its next when its last is answered). */
async function run(path: string, n: number, concurrency: number) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < n) latencies.push(await get(path));
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

const pid = server.child.pid!;
const where = databaseUrl ? 'PostgreSQL (DATABASE_URL)' : 'PGlite';
console.log(
  `read probe on ${where}, server pid ${pid}, ${requests} requests per row, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(
  'route       in flight  req/s   p50 ms  p99 ms  server CPU ms/req  statements/req  backends CPU ms/req',
);
try {
  for (const route of routes) {
    await run(route.path, 200, 1); // warm: JIT, prepared plans, the pool's connections
    for (const concurrency of concurrencies) {
      const xactBefore = await committed();
      const cpuBefore = cpuMs(pid);
      const backendsBefore = await backendsMs();
      const { latencies, seconds } = await run(route.path, requests, concurrency);
      const cpu = (cpuMs(pid) - cpuBefore) / requests;
      const spent = backendsSpent(backendsBefore, await backendsMs());
      const backends = `${spent.lost ? '≥' : ''}${(spent.ms / requests).toFixed(3)}`;
      const statements = ((await committed()) - xactBefore) / requests;
      console.log(
        `${route.name.padEnd(12)}${String(concurrency).padStart(9)}${(requests / seconds).toFixed(0).padStart(7)}` +
          `${percentile(latencies, 50).toFixed(2).padStart(9)}${percentile(latencies, 99).toFixed(2).padStart(8)}` +
          `${cpu.toFixed(3).padStart(19)}${(pg ? statements.toFixed(2) : '—').padStart(16)}` +
          `${(pg ? backends : '—').padStart(20)}`,
      );
    }
  }
  console.log(
    `load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
} finally {
  agent.destroy();
  await pg?.end({ timeout: 1 });
  await server.stop();
  await rm(work, { recursive: true, force: true });
}
