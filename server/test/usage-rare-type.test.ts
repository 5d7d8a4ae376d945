// GET /licensing/usage?type= for a licence type held by a handful of agents spread over many
// buckets: the walk visits only the buckets that hold the type (agent_counts n > 0) and skips the
// empty ones, yet answers every page, offset and page size exactly as a plain ordering of the
// holders does — also after a bucket loses its only holder and another gains one, and combined with
// a search.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createDemoSeed, generateAgents } from '../../src/adapters/memory/demo-data.js';
import { agentMatchesSearch, type Agent, type UsagePage } from '../../src/core/index.js';
import { usageStatement } from '../src/store/usage.js';
import { backendKind, type TestAccount } from './helpers/harness.js';
import { useUsageServer } from './helpers/usage.js';

const { snapshot } = createDemoSeed({ agents: 1 });
const { server, page } = useUsageServer();
const RARE = 'supervisor';

/** Page order without the database: name, then id, compared as UTF-8 bytes (byte order, "C"). */
const byKey = (a: Agent, b: Agent): number =>
  Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)) ||
  Buffer.compare(Buffer.from(a.id), Buffer.from(b.id));

/** What page `offset`/`limit` of the agents holding `typeId` (and matching `search`) must be. */
function reference(
  all: readonly Agent[],
  query: { typeId: string; search?: string; offset: number; limit: number },
) {
  const matches = all
    .filter((a) => a.licences.includes(query.typeId))
    .filter((a) => query.search === undefined || agentMatchesSearch(a, query.search))
    .sort(byKey);
  return {
    total: matches.length,
    ids: matches.slice(query.offset, query.offset + query.limit).map((a) => a.id),
  };
}

/** Every offset from 0 to past the end, at each page size, answers the reference's page. */
async function assertEveryPage(account: TestAccount, all: readonly Agent[], search?: string) {
  const total = reference(all, { typeId: RARE, search, offset: 0, limit: 0 }).total;
  for (const limit of [1, 2, 3, 100]) {
    for (let offset = 0; offset <= total + 1; offset++) {
      const query = { typeId: RARE, ...(search === undefined ? {} : { search }), offset, limit };
      const expected = reference(all, { typeId: RARE, search, offset, limit });
      const answer: UsagePage = await page(account, query);
      const why = `${search === undefined ? '' : `"${search}", `}offset ${offset}, limit ${limit}`;
      assert.equal(answer.total, expected.total, `${why}: total`);
      assert.deepEqual(
        answer.agents.map((a) => a.id),
        expected.ids,
        `${why}: the page's agents, in order`,
      );
      assert.ok(
        answer.agents.every((a) => a.licences.includes(RARE)),
        `${why}: every agent holds ${RARE}`,
      );
    }
  }
}

describe(`reference backend on ${backendKind}: a rare licence type`, () => {
  // 2,000 agents are 20 buckets of 100; the type is taken from everyone, then given to seven agents
  // at these places in page order: two in one bucket, one on a bucket's first row, one on a bucket's
  // last, and the very last agent, with empty buckets between them.
  const sorted = generateAgents(2000, { seed: 23 })
    .map((a) => ({ ...a, licences: a.licences.filter((t) => t !== RARE) }))
    .sort(byKey);
  const places = [7, 130, 131, 700, 1399, 1400, 1999];
  const agents: Agent[] = sorted.map((a, i) =>
    places.includes(i) ? { ...a, licences: [...a.licences, RARE] } : a,
  );
  let account: TestAccount;
  before(async () => {
    account = await server().account({ snapshot, agents, installationLicense: null });
  });

  it('answers every page, offset and page size as a plain ordering of its seven holders does', async () => {
    const first = await page(account, { typeId: RARE, offset: 0, limit: 100 });
    assert.equal(first.total, 7);
    assert.equal(first.countsByType[RARE], 7, 'countsByType counts the holders');
    assert.deepEqual(
      first.agents.map((a) => a.id),
      places.map((i) => sorted[i]!.id),
      'the holders, in page order',
    );
    await assertEveryPage(account, agents);
  });

  it('reads the buckets that hold the type, not every agent after the first holder', async () => {
    // Counted by the database itself (EXPLAIN ANALYZE): rows of agents the statement read.
    const { text, params } = usageStatement(account.id, { typeId: RARE, offset: 0, limit: 100 });
    const [row] = await server().db.query<{ 'QUERY PLAN': unknown }>(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${text}`,
      params,
    );
    const raw = row!['QUERY PLAN'];
    interface Node {
      'Relation Name'?: string;
      'Actual Rows'?: number;
      'Actual Loops'?: number;
      'Rows Removed by Filter'?: number;
      Plans?: Node[];
    }
    const [{ Plan }] = (typeof raw === 'string' ? JSON.parse(raw) : raw) as [{ Plan: Node }];
    let read = 0;
    const walk = (node: Node) => {
      if (node['Relation Name'] === 'agents')
        read +=
          ((node['Actual Rows'] ?? 0) + (node['Rows Removed by Filter'] ?? 0)) * (node['Actual Loops'] ?? 1);
      node.Plans?.forEach(walk);
    };
    walk(Plan);
    // Six buckets of 100 hold the seven; the walk from the first bucket to the last holder read 2,000.
    assert.ok(read > 0 && read <= 600, `rows of agents read: ${read}`);
  });

  it('the last page (Ctrl+End) is the last holder, and a page past the end is empty', async () => {
    const last = await page(account, { typeId: RARE, offset: 6, limit: 1 });
    assert.deepEqual(
      last.agents.map((a) => a.id),
      [sorted[1999]!.id],
    );
    const past = await page(account, { typeId: RARE, offset: 7, limit: 100 });
    assert.deepEqual(past, { ...past, total: 7, agents: [] });
  });

  it('stays exact when a bucket loses its only holder and an empty one gains one', async () => {
    const changed = await server().account({ snapshot, agents, installationLicense: null });
    const now = agents.map((a) => ({ ...a, licences: [...a.licences] }));
    const set = async (index: number, licences: string[]) => {
      now[index] = { ...now[index]!, licences };
      await server().db.query('UPDATE agents SET licences = $3 WHERE account_id = $1 AND id = $2', [
        changed.id,
        now[index]!.id,
        licences,
      ]);
    };
    // Bucket 7 (rows 700–799) keeps a count of 0; bucket 10 (rows 1000–1099) had none and gets one.
    await set(700, sorted[700]!.licences);
    await set(1050, [...sorted[1050]!.licences, RARE]);
    await assertEveryPage(changed, now);
  });

  it('combined with a search, pages the holders the search finds as the plain ordering does', async () => {
    // A letter most names hold, so the search keeps some holders and drops others.
    const search = 'an';
    const found = reference(agents, { typeId: RARE, search, offset: 0, limit: 100 });
    assert.ok(found.total > 1 && found.total < 7, `"${search}" finds some of the holders (${found.total})`);
    await assertEveryPage(account, agents, search);
  });
});
