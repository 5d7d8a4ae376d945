// A licence type held by a handful of agents, on a database seeded by usage-pages.ts (or
// `npm run server -- --agents N`): gives the type to --holders agents spread evenly over the demo
// account's page order (the same agents every run), then runs each type-filter statement
// usage-overview asks for --runs times (the median) and once under EXPLAIN (ANALYZE, BUFFERS),
// printing the rows the walk over agents read and dropped and the buffers it touched (figures that
// do not depend on the machine's load). See README.md, "A rare licence type".
//
//   cd server && DATABASE_URL=postgres://… node --import tsx bench/rare-type.ts [--holders 20]
//     [--type rare-bench] [--runs 7]

import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/open.js';
import { DEMO_ACCOUNT } from '../src/store/seed.js';
import { usageStatement, type UsageParams } from '../src/store/usage.js';

const { values } = parseArgs({
  options: {
    holders: { type: 'string', default: '20' },
    type: { type: 'string', default: 'rare-bench' },
    runs: { type: 'string', default: '7' },
  },
});
const holders = Number(values.holders);
const runs = Number(values.runs);
const rare = values.type!;
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('Set DATABASE_URL to a database seeded with --agents N.');
const PAGE = 100;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}

const db = await openDatabase({ databaseUrl });
try {
  await db.query(`SET statement_timeout = 0`);
  const [{ n: total } = { n: 0 }] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM agents WHERE account_id = $1`,
    [DEMO_ACCOUNT],
  );
  // Every (total / holders)-th agent in page order holds the type, and nobody else (5/7 of the way
  // into each stretch, so that holders do not fall on bucket edges).
  await db.query(
    `UPDATE agents SET licences = array_remove(licences, $2) WHERE account_id = $1 AND licences @> ARRAY[$2]`,
    [DEMO_ACCOUNT, rare],
  );
  await db.query(
    `UPDATE agents a SET licences = a.licences || $2::text FROM (
       SELECT id, row_number() OVER (ORDER BY name COLLATE "C", id COLLATE "C") - 1 AS rn
         FROM agents WHERE account_id = $1) r
      WHERE a.account_id = $1 AND a.id = r.id AND r.rn % $3 = ($3 * 5) / 7`,
    [DEMO_ACCOUNT, rare, Math.max(1, Math.floor(total / holders))],
  );
  await db.query('ANALYZE agent_counts');
  const [{ n: held } = { n: 0 }] = await db.query<{ n: number }>(
    `SELECT n::int FROM agent_totals WHERE account_id = $1 AND type_id = $2`,
    [DEMO_ACCOUNT, rare],
  );
  const [{ n: sms } = { n: 0 }] = await db.query<{ n: number }>(
    `SELECT n::int FROM agent_totals WHERE account_id = $1 AND type_id = 'sms'`,
    [DEMO_ACCOUNT],
  );
  console.log(`${total.toLocaleString('en-US')} agents; "${rare}" held by ${held}, sms by ${sms}`);
  const probes: [string, UsageParams][] = [
    ['rare type, first page', { typeId: rare, offset: 0, limit: PAGE }],
    [
      `rare type, offset ${Math.floor(held / 2)}`,
      { typeId: rare, offset: Math.floor(held / 2), limit: PAGE },
    ],
    ['rare type, last of its holders', { typeId: rare, offset: held - 1, limit: PAGE }],
    ['supervisor, first page', { typeId: 'supervisor', offset: 0, limit: PAGE }],
    ['sms, first page', { typeId: 'sms', offset: 0, limit: PAGE }],
    ['sms, middle', { typeId: 'sms', offset: Math.floor(sms / 2 / PAGE) * PAGE, limit: PAGE }],
    ['every agent, last page', { offset: Math.floor((total - 1) / PAGE) * PAGE, limit: PAGE }],
  ];
  console.log('\nstatement                          median    EXPLAIN  read by the walk  dropped  buffers');
  for (const [label, query] of probes) {
    const { text, params } = usageStatement(DEMO_ACCOUNT, query);
    const times: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const start = performance.now();
      await db.query(text, params);
      if (i > 0) times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const [row] = await db.query<{ 'QUERY PLAN': unknown }>(
      `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${text}`,
      params,
    );
    const raw = row!['QUERY PLAN'];
    const [plan] = (typeof raw === 'string' ? JSON.parse(raw) : raw) as [
      { Plan: PlanNode; 'Execution Time': number },
    ];
    let read = 0;
    let dropped = 0;
    const walk = (node: PlanNode) => {
      if (node['Relation Name'] === 'agents') {
        const loops = node['Actual Loops'] ?? 1;
        dropped += (node['Rows Removed by Filter'] ?? 0) * loops;
        read += ((node['Actual Rows'] ?? 0) + (node['Rows Removed by Filter'] ?? 0)) * loops;
      }
      node.Plans?.forEach(walk);
    };
    walk(plan.Plan);
    const buffers = (plan.Plan['Shared Hit Blocks'] ?? 0) + (plan.Plan['Shared Read Blocks'] ?? 0);
    const ms = (v: number) => `${v.toFixed(1)} ms`.padStart(10);
    console.log(
      `${label.padEnd(32)}${ms(times[Math.floor(times.length / 2)]!)}${ms(plan['Execution Time'])}${String(read).padStart(18)}${String(dropped).padStart(9)}${String(buffers).padStart(9)}`,
    );
  }
} finally {
  await db.close();
}
