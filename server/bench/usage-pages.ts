// Usage pages at scale: seeds N agents (default 1,000,000) into DATABASE_URL (or PGlite in a
// throw-away folder), starts the server (`npm run server -- --agents N`), times the five requests
// usage-overview makes (first page, a middle page, the last page, a type filter, a search matching
// about 1 % of the agents, and its next page) over loopback, and prints p50/p95/p99 per request and an EXPLAIN
// (ANALYZE, BUFFERS) summary of each statement showing which scans it used.
//
//   cd server && DATABASE_URL=postgres://… node --import tsx bench/usage-pages.ts [--agents N]
//     [--samples 200] [--no-seed] [--port P]
//
// --no-seed reuses what the database holds (the demo account of a previous run). See README.md.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/db/open.js';
import { searchKey } from '../../src/core/index.js';
import { usageStatement, type UsageParams } from '../src/store/usage.js';
import { DEMO_ACCOUNT } from '../src/store/seed.js';
import { SORTED_PAGES } from '../src/store/usage-search.js';
import { usagePath } from '../test/helpers/usage-path.js';

const { values } = parseArgs({
  options: {
    agents: { type: 'string', default: '1000000' },
    samples: { type: 'string', default: '200' },
    port: { type: 'string', default: '0' },
    'no-seed': { type: 'boolean', default: false },
    search: { type: 'string', default: 'na nov' },
  },
});
const agents = Number(values.agents);
const samples = Number(values.samples);
const databaseUrl = process.env.DATABASE_URL || undefined;
const serverDir = fileURLToPath(new URL('..', import.meta.url));
const PAGE = 100;

interface Probe {
  readonly label: string;
  readonly query: UsageParams;
  /** Asked in turn instead of `query`, one a sample (new searches: a different text each time). */
  readonly queries?: readonly UsageParams[];
  /** An agent changes (a no-op UPDATE) before each sample, so the search's matches are read again. */
  readonly afterChange?: boolean;
}

function probes(total: number, newSearches: readonly UsageParams[]): Probe[] {
  const last = Math.max(0, Math.floor((total - 1) / PAGE) * PAGE);
  const middle = Math.floor(total / 2 / PAGE) * PAGE;
  return [
    { label: 'first page', query: { offset: 0, limit: PAGE } },
    { label: `middle page (offset ${middle})`, query: { offset: middle, limit: PAGE } },
    { label: `last page (offset ${last}, Ctrl+End)`, query: { offset: last, limit: PAGE } },
    { label: 'type filter sms, first page', query: { typeId: 'sms', offset: 0, limit: PAGE } },
    {
      label: `search "${values.search}", first page`,
      query: { search: values.search, offset: 0, limit: PAGE },
    },
    {
      label: `the search, a further page (offset ${PAGE})`,
      query: { search: values.search, offset: PAGE, limit: PAGE },
    },
    {
      // The first page that keeps the matches' ids (SORTED_PAGES): in this bench always right after
      // an agent changed, so every sample sorts and keeps them again.
      label: `the search, a deeper page (offset ${SORTED_PAGES * PAGE})`,
      query: { search: values.search, offset: SORTED_PAGES * PAGE, limit: PAGE },
    },
    ...(databaseUrl
      ? [
          {
            label: `new searches: ${newSearches.length} texts, in turn`,
            query: newSearches[0]!,
            queries: newSearches,
            afterChange: true,
          },
          {
            label: 'the search, after an agent changed',
            query: { search: values.search, offset: 0, limit: PAGE },
            afterChange: true,
          },
        ]
      : []),
  ];
}

/** Starts `npm run server`'s entry point; answers its API URL once the banner is out. */
function startServer(env: NodeJS.ProcessEnv, args: string[]): Promise<{ child: ChildProcess; api: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--port', values.port!, ...args], {
    cwd: serverDir,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      out += text;
      for (const line of text.split('\n')) if (/^seed/.test(line)) console.log(`  ${line}`);
      const match = /reference backend on (\S+)\/api/.exec(out);
      if (match) resolve({ child, api: `${match[1]}/api` });
    });
    child.on('exit', (code) =>
      reject(new Error(`the server stopped (${code}) before it was ready:\n${out}`)),
    );
  });
}

/**
 * Search texts that match about 1 % of the agents (0.5–1.5 %), as an admin would type them: the
 * end of a first name, a space, the start of a surname ("na nov", "a dubo"), from names the
 * account holds. Up to 40, from at most 300 tried.
 */
async function searchTexts(
  get: (query: UsageParams) => Promise<{ total: number; agents?: { name: string }[] }>,
  total: number,
): Promise<UsageParams[]> {
  const texts = new Set<string>();
  for (let offset = 0; offset < total && texts.size < 400; offset += Math.ceil(total / 97)) {
    const page = await get({ offset, limit: 100 });
    for (const { name } of page.agents ?? []) {
      const [given, family] = searchKey(name).split(' ');
      if (!given || !family) continue;
      for (const [end, start] of [
        [2, 3],
        [3, 2],
        [1, 4],
        [2, 2],
      ] as const) {
        if (given.length >= end && family.length >= start) {
          texts.add(`${given.slice(-end)} ${family.slice(0, start)}`);
        }
      }
    }
  }
  const chosen: UsageParams[] = [];
  const matched: number[] = [];
  for (const search of [...texts].slice(0, 300)) {
    const { total: found } = await get({ search, offset: 0, limit: 1 });
    if (found >= total * 0.005 && found <= total * 0.015) {
      chosen.push({ search, offset: 0, limit: PAGE });
      matched.push(found);
    }
    if (chosen.length === 40) break;
  }
  if (chosen.length === 0) throw new Error('no search text matches 0.5–1.5 % of the agents');
  const mean = matched.reduce((sum, n) => sum + n, 0) / matched.length;
  console.log(
    `new searches: ${chosen.map((q) => JSON.stringify(q.search)).join(', ')}; ${Math.min(...matched)}–${Math.max(...matched)} agents each (mean ${mean.toFixed(0)}, ${((100 * mean) / total).toFixed(2)} %)`,
  );
  return chosen;
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main(): Promise<void> {
  const dataDir = databaseUrl ? undefined : await mkdtemp(join(tmpdir(), 'lk-bench-'));
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn' };
  // Server-Timing: the server's own time for each answer, beside the client's.
  const args = [...(dataDir ? ['--data', dataDir] : []), '--server-timing'];
  // The seed runs without the statement timeout (store/seed-large.ts); the server's own applies to the reads.
  if (!values['no-seed']) args.push('--agents', String(agents));
  console.log(
    `usage pages: ${agents.toLocaleString('en-US')} agents on ${databaseUrl ? 'PostgreSQL (DATABASE_URL)' : 'PGlite'}, ${samples} samples each`,
  );
  let server: { child: ChildProcess; api: string } | undefined;
  try {
    server = await startServer(env, args);
    const headers = { Authorization: 'Bearer demo-view' };
    let serverMs = NaN;
    const get = async (query: UsageParams) => {
      const response = await fetch(`${server!.api}${usagePath(query)}`, { headers });
      if (response.status !== 200) throw new Error(`${usagePath(query)}: ${response.status}`);
      serverMs = Number(/dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '')?.[1]);
      return (await response.json()) as { total: number; countsByType: Record<string, number> };
    };
    // With PostgreSQL the bench changes an agent itself (PGlite's folder belongs to the server).
    const direct = databaseUrl ? await openDatabase({ databaseUrl }) : undefined;
    const first = await get({ offset: 0, limit: 1 });
    const someone = ((await get({ offset: 0, limit: 1 })) as unknown as { agents: { id: string }[] })
      .agents[0]!;
    const touch = () =>
      direct!.query('UPDATE agents SET licences = licences WHERE account_id = $1 AND id = $2', [
        DEMO_ACCOUNT,
        someone.id,
      ]);
    const newSearches = databaseUrl ? await searchTexts(get, first.total) : [];
    const list = probes(first.total, newSearches);
    const times = list.map(() => [] as number[]);
    const serverTimes = list.map(() => [] as number[]);
    const answers = await Promise.all(list.map((probe) => get(probe.query)));
    // Warm-up, then the samples round-robin, so the machine's other load spreads over all five.
    for (let round = -20; round < samples; round++) {
      for (const [i, probe] of list.entries()) {
        if (probe.afterChange) await touch();
        const query = probe.queries ? probe.queries[(round + 20) % probe.queries.length]! : probe.query;
        const start = performance.now();
        await get(query);
        if (round >= 0) times[i]!.push(performance.now() - start);
        if (round >= 0) serverTimes[i]!.push(serverMs);
      }
    }
    console.log(
      '\nrequest (client time; server time)         total      p50      p95      p99      max   server p50 p95',
    );
    for (const [i, probe] of list.entries()) {
      const sorted = times[i]!.sort((a, b) => a - b);
      const onServer = serverTimes[i]!.sort((a, b) => a - b);
      const ms = (v: number) => `${v.toFixed(1)} ms`.padStart(9);
      console.log(
        `${probe.label.padEnd(40)} ${String(answers[i]!.total).padStart(8)}${ms(percentile(sorted, 50))}${ms(percentile(sorted, 95))}${ms(percentile(sorted, 99))}${ms(sorted.at(-1)!)}` +
          `${ms(percentile(onServer, 50))}${ms(percentile(onServer, 95))}`,
      );
    }
    await direct?.close();
    const search = answers[4]!;
    console.log(
      `\nsearch "${values.search}": ${search.total} agents (${((100 * search.total) / first.total).toFixed(2)} %), countsByType ${JSON.stringify(search.countsByType)}`,
    );
    // The EXPLAIN below needs the database; PGlite's folder belongs to the server until it stops.
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server!.child.once('exit', resolve));
    server = undefined;
    // Two searches that read many rows: a key of three characters has one piece to look up ("ova",
    // the end of many a Czech surname: about 10 % of the agents), and every agent's e-mail holds
    // "example". Neither may compute a row's text pieces (migration 014).
    await explain(dataDir, [
      ...list,
      { label: 'search "ova" (one piece)', query: { offset: 0, limit: PAGE, search: 'ova' } },
      { label: 'search "example" (every agent)', query: { offset: 0, limit: PAGE, search: 'example' } },
    ]);
  } finally {
    server?.child.kill('SIGKILL');
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Lossy Heap Blocks'?: number;
  'Rows Removed by Index Recheck'?: number;
  Filter?: string;
  Plans?: PlanNode[];
}

async function explain(dataDir: string | undefined, list: Probe[]): Promise<void> {
  const db = await openDatabase({ databaseUrl, dataDir });
  try {
    console.log('\nEXPLAIN (ANALYZE, BUFFERS) of each statement, once warm:');
    let seqScans = 0;
    let rechecked = 0;
    for (const probe of list) {
      const { text, params } = usageStatement(DEMO_ACCOUNT, probe.query);
      await db.query(text, params);
      const [row] = await db.query<{ 'QUERY PLAN': unknown }>(
        `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${text}`,
        params,
      );
      const raw = row!['QUERY PLAN'];
      const [plan] = (typeof raw === 'string' ? JSON.parse(raw) : raw) as [
        {
          Plan: PlanNode & { 'Shared Hit Blocks': number; 'Shared Read Blocks': number };
          'Execution Time': number;
        },
      ];
      const scans: string[] = [];
      const walk = (node: PlanNode) => {
        if (node['Relation Name']) {
          const rows = (node['Actual Rows'] ?? 0) * (node['Actual Loops'] ?? 1);
          const removed = (node['Rows Removed by Filter'] ?? 0) * (node['Actual Loops'] ?? 1);
          scans.push(
            `${node['Node Type']} ${node['Index Name'] ?? node['Relation Name']} (${rows} rows${removed ? `, ${removed} filtered out` : ''})`,
          );
          if (node['Node Type'] === 'Seq Scan' && node['Relation Name'] === 'agents') seqScans++;
          // A search must never compute a row's text pieces (migration 014): not as a filter, and
          // not on a lossy block (the bitmap outgrew work_mem: every row's condition checked again).
          if (
            node['Relation Name'] === 'agents' &&
            (node['Lossy Heap Blocks'] ||
              node['Rows Removed by Index Recheck'] ||
              node.Filter?.includes('account_pieces'))
          ) {
            rechecked++;
            scans.push(
              `  pieces computed: ${node['Lossy Heap Blocks'] ?? 0} lossy blocks, filter ${node.Filter ?? 'none'}`,
            );
          }
        }
        node.Plans?.forEach(walk);
      };
      walk(plan.Plan);
      console.log(
        `- ${probe.label}: ${plan['Execution Time'].toFixed(1)} ms, buffers hit ${plan.Plan['Shared Hit Blocks']} read ${plan.Plan['Shared Read Blocks']}\n    ${scans.join('\n    ')}`,
      );
    }
    console.log(`\nsequential scans of agents: ${seqScans === 0 ? 'none' : seqScans}`);
    console.log(
      `scans of agents that computed a row's text pieces (a filter, lossy blocks): ${rechecked === 0 ? 'none' : rechecked}`,
    );
    if (rechecked) process.exitCode = 1;
    // A small table is read faster whole, and the planner knows it: only a large one must not be.
    if (seqScans && agents >= 100_000) process.exitCode = 1;
    else if (seqScans) console.log(`(${agents} agents: the planner may read a table this small whole)`);
  } finally {
    await db.close();
  }
}

await main();
