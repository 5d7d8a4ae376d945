// GET /licensing/usage at any size (migration 005: maintained totals and counts, pages found through
// bucket counts): pages cover every agent once and in the memory adapter's order, whatever the
// filter and the page size; totals, counts per type and kept searches stay exact while agents gain
// and lose licences, arrive, leave and are renamed, and while commits land.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import { createDemoSeed, generateAgents } from '../../src/adapters/memory/demo-data.js';
import type { Agent, LicensingSnapshot, UsageQuery } from '../../src/core/index.js';
import { searchText } from '../src/store/usage.js';
import { backendKind, type TestAccount } from './helpers/harness.js';
import { useUsageServer } from './helpers/usage.js';

const { snapshot } = createDemoSeed({ agents: 1 });
const { server, page, assertSame } = useUsageServer();

/** Every page of `filter`, `limit` at a time, as the server answers them. */
async function allPages(account: TestAccount, filter: Omit<UsageQuery, 'offset' | 'limit'>, limit: number) {
  const first = await page(account, { ...filter, offset: 0, limit });
  const agents = [...first.agents];
  for (let offset = limit; offset < first.total; offset += limit) {
    const next = await page(account, { ...filter, offset, limit });
    assert.equal(next.total, first.total, `offset ${offset}: the total holds while nothing changes`);
    agents.push(...next.agents);
  }
  return { first, agents };
}

/** The account's agents as the database holds them now. */
async function storedAgents(accountId: string): Promise<Agent[]> {
  const rows = await server().db.query<{
    id: string;
    name: string;
    email: string | null;
    licences: string[];
  }>('SELECT id, name, email, licences FROM agents WHERE account_id = $1', [accountId]);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    ...(r.email === null ? {} : { email: r.email }),
    licences: r.licences,
  }));
}

/** Every filter paged through covers each matching agent once, in the memory adapter's order. */
async function assertPagesCoverOnce(account: TestAccount, agents: readonly Agent[], limit: number) {
  const memory = new MemoryAdapter({ snapshot, agents, installationLicense: null });
  for (const typeId of ['', 'voice', 'sms', 'supervisor']) {
    const filter = typeId ? { typeId } : {};
    const { first, agents: paged } = await allPages(account, filter, limit);
    const expected = await memory.listUsage({ ...filter, offset: 0, limit: agents.length + 1 });
    assert.equal(first.total, expected.total, `${typeId || 'all'}: total`);
    assert.deepEqual(first.countsByType, expected.countsByType, `${typeId || 'all'}: countsByType`);
    const ids = paged.map((a) => a.id);
    assert.equal(new Set(ids).size, ids.length, `${typeId || 'all'}: no agent twice`);
    assert.deepEqual(
      ids,
      expected.agents.map((a) => a.id),
      `${typeId || 'all'}: every agent once, in order`,
    );
  }
}

describe(`reference backend on ${backendKind}: usage pages at scale`, () => {
  const agents = generateAgents(1500, { seed: 19 });
  let account: TestAccount;
  before(async () => {
    account = await server().account({ snapshot, agents, installationLicense: null });
  });

  it('pages cover every agent exactly once, for every filter and page size, in the memory adapter’s order', async () => {
    // 1,500 agents are 15 buckets of 100: 97 and 250 a page cross bucket edges at every page.
    await assertPagesCoverOnce(account, agents, 97);
    await assertPagesCoverOnce(account, agents, 250);
  });

  it('answers the last page (Ctrl+End), a page past the end and a type filter’s last page as the memory adapter does', async () => {
    const memory = new MemoryAdapter({ snapshot, agents, installationLicense: null });
    await assertSame(account, memory, { offset: 1400, limit: 100 }, 'last page');
    await assertSame(account, memory, { offset: 1499, limit: 100 }, 'the last agent alone');
    await assertSame(account, memory, { offset: 1500, limit: 100 }, 'just past the end');
    await assertSame(account, memory, { offset: 9000, limit: 100 }, 'far past the end');
    const sms = (await memory.listUsage({ typeId: 'sms', offset: 0, limit: 0 })).total;
    const lastSms = Math.floor((sms - 1) / 100) * 100;
    await assertSame(account, memory, { typeId: 'sms', offset: lastSms, limit: 100 }, 'sms, last page');
    await assertSame(account, memory, { offset: 0, limit: 0 }, 'no rows asked for');
  });

  it('keeps total and countsByType exact while agents gain, lose, arrive, leave and are renamed, and commits land', async () => {
    const changed = await server().account({ snapshot, agents, installationLicense: null });
    const id = changed.id;
    const sql = server().db;
    const ids = agents.map((a) => a.id);
    const insertAgent = (agent: Agent) =>
      sql.query(
        'INSERT INTO agents (account_id, id, name, email, licences, search) VALUES ($1, $2, $3, $4, $5, $6)',
        [id, agent.id, agent.name, agent.email ?? null, agent.licences, searchText(agent)],
      );
    const commit = async (key: string, count: number) => {
      const current = (
        await server().call<LicensingSnapshot>('GET', '/licensing', { token: changed.tokens.update })
      ).body;
      return server().call('POST', '/licensing/changes', {
        token: changed.tokens.update,
        headers: { 'If-Match': `"${current.version}"`, 'Idempotency-Key': key },
        body: { counts: { supervisor: count } },
      });
    };
    const newcomers = Array.from({ length: 450 }, (_, i) => ({
      id: `new-${String(i).padStart(3, '0')}`,
      name: `Aaron Abel ${i % 7}`,
      email: `aaron.${i}@example.com`,
      licences: i % 3 ? ['voice', 'sms'] : ['chat'],
    }));
    const readers = async () => {
      // Pages read while the changes land must answer, each a whole page from one snapshot.
      for (let i = 0; i < 6; i++) {
        const p = await page(changed, { typeId: 'sms', offset: 0, limit: 50 });
        assert.ok(p.agents.every((a) => a.licences.includes('sms')));
      }
    };
    const searches = ['aaron abel', 'zygmunt', 'novak', 'a'];
    for (const search of searches) await page(changed, { search, offset: 0, limit: 10 });
    await Promise.all([
      sql.transaction(async (tx) => {
        await tx.query(
          `UPDATE agents SET licences = array_append(licences, 'sms')
            WHERE account_id = $1 AND id = ANY($2::text[]) AND NOT licences @> '{sms}'`,
          [id, ids.slice(0, 300)],
        );
        await tx.query(
          `UPDATE agents SET licences = array_remove(licences, 'voice') WHERE account_id = $1 AND id = $2`,
          [id, ids[700]],
        );
      }),
      sql.transaction((tx) =>
        tx.query('DELETE FROM agents WHERE account_id = $1 AND id = ANY($2::text[])', [
          id,
          ids.slice(1000, 1100),
        ]),
      ),
      (async () => {
        for (const agent of newcomers) await insertAgent(agent);
      })(),
      sql.query(`UPDATE agents SET name = 'Zygmunt Zed', search = $3 WHERE account_id = $1 AND id = $2`, [
        id,
        ids[5],
        searchText({ name: 'Zygmunt Zed', email: agents[5]!.email }),
      ]),
      commit('scale-commit-1', 40).then((answer) => assert.equal(answer.status, 200)),
      readers(),
    ]);
    assert.equal((await commit('scale-commit-2', 41)).status, 200, 'a commit after the changes');

    const now = await storedAgents(id);
    assert.equal(now.length, 1500 - 100 + 450);
    const recount = await sql.query<{ type_id: string; n: unknown }>(
      'SELECT t AS type_id, count(*) AS n FROM agents, unnest(licences) AS t WHERE account_id = $1 GROUP BY t',
      [id],
    );
    const first = await page(changed, { offset: 0, limit: 10 });
    assert.equal(first.total, now.length, 'the total is the agents there are');
    assert.deepEqual(
      first.countsByType,
      Object.fromEntries(recount.map((r) => [r.type_id, Number(r.n)])),
      'countsByType is a recount',
    );
    // 450 agents landed in the first bucket: it was cut again, and every page is still right.
    await assertPagesCoverOnce(changed, now, 97);
    // Searches kept before the changes are read again: the newcomers and the new name are found.
    const memory = new MemoryAdapter({ snapshot, agents: now, installationLicense: null });
    for (const search of searches) {
      await assertSame(changed, memory, { search, offset: 0, limit: 100 }, `${search} after the changes`);
      await assertSame(changed, memory, { search, typeId: 'sms', offset: 20, limit: 50 }, `${search}, sms`);
    }
    assert.equal((await page(changed, { search: 'aaron abel', offset: 0, limit: 1 })).total, 450);
    assert.equal((await page(changed, { search: 'zygmunt', offset: 0, limit: 1 })).total, 1);
    // One more rename and one licence, after the search was kept: both show at once.
    await sql.query(
      `UPDATE agents SET name = 'Zygmunt Zeta', search = $3 WHERE account_id = $1 AND id = $2`,
      [id, ids[6], searchText({ name: 'Zygmunt Zeta', email: agents[6]!.email })],
    );
    await sql.query(
      `UPDATE agents SET licences = licences || '{supervisor}' WHERE account_id = $1 AND id = $2`,
      [id, ids[5]],
    );
    const zygmunts = await page(changed, { search: 'zygmunt', offset: 0, limit: 10 });
    assert.deepEqual(
      zygmunts.agents.map((a) => a.name),
      ['Zygmunt Zed', 'Zygmunt Zeta'],
    );
    assert.equal(zygmunts.countsByType.supervisor, 1 + (agents[6]!.licences.includes('supervisor') ? 1 : 0));
    const buckets = await sql.query<{ n: unknown }>(
      `SELECT max(n) AS n FROM agent_counts WHERE account_id = $1 AND type_id = ''`,
      [id],
    );
    assert.ok(Number(buckets[0]!.n) <= 400, `no bucket far larger than √N (largest ${buckets[0]!.n})`);
  });
});
