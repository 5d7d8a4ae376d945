// Where the time of a new search's first page goes, statement by statement, with counts that do not
// move with the machine's load: runs the statements the server sends for the first page of a search
// whose kept matches are stale (the agents version moved) alternately, N rounds, and prints for each
// the median and p95 of the client's time, the PostgreSQL backend's planning and execution time
// (EXPLAIN ANALYZE, the median of N) and the round trips postgres.js makes. Reads only.
//
//   cd server && DATABASE_URL=postgres://…/licence_kit_scale node --import tsx bench/new-search.ts
//     [--rounds 60] [--search "na nov"] [--plan]

import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { searchKey } from '../../src/core/index.js';
import { DEMO_ACCOUNT } from '../src/store/seed.js';
import { searchStatement } from '../src/store/usage-search.js';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '60' },
    search: { type: 'string', default: 'na nov' },
    plan: { type: 'boolean', default: false },
  },
});
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL: a PostgreSQL database seeded with --agents N');
const rounds = Number(values.rounds);
const key = searchKey(values.search!);
const page = { typeId: '', offset: 0, limit: 100 };

const sql = postgres(url, { max: 1, onnotice: () => undefined, connection: { jit: 'off' } });
// Prepared statements planned for their parameters each time (a generic plan of the search is
// ruinous: it cannot know that a pattern has trigrams to look up).
const custom = postgres(url, {
  max: 1,
  onnotice: () => undefined,
  connection: { jit: 'off', plan_cache_mode: 'force_custom_plan' },
});

/** The statement the server sent before it: is the kept page still current (100 agents by key)? */
const KEPT_PAGE_SQL = `
SELECT
  (SELECT version::text FROM agent_versions WHERE account_id = $1) AS version,
  (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('id', a.id, 'name', a.name, 'email', a.email, 'licences', to_jsonb(a.licences))) ORDER BY u.n)
     FROM unnest($2::text[]) WITH ORDINALITY AS u (id, n)
     JOIN agents a ON a.account_id = $1 AND a.id = u.id) AS agents`;

interface Variant {
  readonly label: string;
  run(): Promise<unknown>;
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const ms = (v: number) => `${v.toFixed(2)} ms`.padStart(10);

async function main(): Promise<void> {
  const statement = searchStatement(DEMO_ACCOUNT, key, page);
  const params = statement.params as postgres.ParameterOrJSON<never>[];
  const ids = (
    await sql.unsafe<{ id: string }[]>(
      `SELECT id FROM agents WHERE account_id = $1 ORDER BY name COLLATE "C", id COLLATE "C" LIMIT 100`,
      [DEMO_ACCOUNT],
    )
  ).map((row) => row.id);
  const [row] = await sql.unsafe<{ version: string }[]>(
    'SELECT version::text AS version FROM agent_versions WHERE account_id = $1',
    [DEMO_ACCOUNT],
  );
  const version = row!.version;
  const stale = searchStatement(DEMO_ACCOUNT, key, page, 0, { version: 'stale', ids }).params;
  const current = searchStatement(DEMO_ACCOUNT, key, page, 0, { version, ids }).params;
  const p = (values: unknown[]) => values as postgres.ParameterOrJSON<never>[];
  const variants: Variant[] = [
    {
      label: 'new search: check, then search (before)',
      run: async () => {
        await sql.unsafe(KEPT_PAGE_SQL, [DEMO_ACCOUNT, ids]);
        return sql.unsafe(statement.text, params);
      },
    },
    { label: 'new search: one statement', run: () => sql.unsafe(statement.text, p(stale)) },
    {
      label: 'new search: one statement, prepared',
      run: () => sql.unsafe(statement.text, p(stale), { prepare: true }),
    },
    {
      label: 'new search: prepared, custom plans',
      run: () => custom.unsafe(statement.text, p(stale), { prepare: true }),
    },
    {
      label: 'kept page: the check alone (before)',
      run: () => sql.unsafe(KEPT_PAGE_SQL, [DEMO_ACCOUNT, ids]),
    },
    { label: 'kept page: one statement', run: () => sql.unsafe(statement.text, p(current)) },
  ];
  const times = variants.map(() => [] as number[]);
  for (let round = -5; round < rounds; round++) {
    for (const [i, variant] of variants.entries()) {
      const start = performance.now();
      await variant.run();
      if (round >= 0) times[i]!.push(performance.now() - start);
    }
  }
  console.log(`search ${JSON.stringify(values.search)}, ${rounds} rounds, alternating`);
  console.log('variant                                       p25       p50       p95');
  for (const [i, variant] of variants.entries()) {
    const sorted = times[i]!.sort((a, b) => a - b);
    console.log(
      `${variant.label.padEnd(40)}${ms(percentile(sorted, 25))}${ms(percentile(sorted, 50))}${ms(percentile(sorted, 95))}`,
    );
  }
  // Planning against execution inside the backend, and what the statement touched.
  const backend = async (label: string, text: string, values: unknown[]) => {
    const planning: number[] = [];
    const execution: number[] = [];
    let buffers = 0;
    for (let i = 0; i < rounds; i++) {
      const [row] = await sql.unsafe<{ 'QUERY PLAN': unknown }[]>(
        `EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, FORMAT JSON) ${text}`,
        p(values),
      );
      const raw = row!['QUERY PLAN'];
      const [plan] = (typeof raw === 'string' ? JSON.parse(raw) : raw) as [
        { 'Planning Time': number; 'Execution Time': number; Plan: { 'Shared Hit Blocks': number } },
      ];
      planning.push(plan['Planning Time']);
      execution.push(plan['Execution Time']);
      buffers = plan.Plan['Shared Hit Blocks'];
    }
    planning.sort((a, b) => a - b);
    execution.sort((a, b) => a - b);
    console.log(
      `${label.padEnd(40)} planning ${ms(percentile(planning, 50))} (best ${ms(planning[0]!)}), execution ${ms(percentile(execution, 50))} (best ${ms(execution[0]!)}), ${buffers} buffers`,
    );
  };
  console.log(`\nbackend (EXPLAIN ANALYZE, TIMING OFF), median of ${rounds}:`);
  await backend('new search: one statement', statement.text, stale);
  await backend('kept page: one statement', statement.text, current);
  await backend('kept page: the check alone (before)', KEPT_PAGE_SQL, [DEMO_ACCOUNT, ids]);
  if (values.plan) {
    for (const values of [stale, current]) {
      const rows = await sql.unsafe<{ 'QUERY PLAN': string }[]>(
        `EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`,
        p(values),
      );
      console.log(rows.map((row) => row['QUERY PLAN']).join('\n'));
    }
  }
}

try {
  await main();
} finally {
  await sql.end({ timeout: 5 });
  await custom.end({ timeout: 5 });
}
