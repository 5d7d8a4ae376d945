// GET /licensing/usage at any size (migration 005: maintained totals and counts, pages found through
// bucket counts): pages cover every agent once and in the memory adapter's order, whatever the
// filter and the page size; totals and counts per type stay exact while agents gain and lose
// licences, arrive, leave and are renamed, and while commits land; search folds accents exactly as
// the memory adapter does.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import { countHolders, createDemoSeed, generateAgents } from '../../src/adapters/memory/demo-data.js';
import type { Agent, LicensingSnapshot, UsagePage, UsageQuery } from '../../src/core/index.js';
import { searchText } from '../src/store/usage.js';
import { keepSearchesUpTo, MAX_KEPT_MATCHES } from '../src/store/usage-search.js';
import { backendKind, startServer, type TestAccount, type TestServer } from './helpers/harness.js';

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(() => server.close());

const { snapshot } = createDemoSeed({ agents: 1 });

function usagePath({ typeId, search, offset, limit }: UsageQuery): string {
  const params = new URLSearchParams();
  if (typeId) params.set('type', typeId);
  if (search) params.set('q', search);
  params.set('offset', String(offset));
  params.set('limit', String(limit));
  return `/licensing/usage?${params}`;
}

async function page(account: TestAccount, query: UsageQuery): Promise<UsagePage> {
  const answer = await server.call<UsagePage>('GET', usagePath(query), { token: account.tokens.view });
  assert.equal(answer.status, 200, usagePath(query));
  return answer.body;
}

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
  const rows = await server.db.query<{ id: string; name: string; email: string | null; licences: string[] }>(
    'SELECT id, name, email, licences FROM agents WHERE account_id = $1',
    [accountId],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    ...(r.email === null ? {} : { email: r.email }),
    licences: r.licences,
  }));
}

/** The server and the memory adapter over the same agents answer `query` alike. */
async function assertSameAsMemory(
  account: TestAccount,
  memory: MemoryAdapter,
  query: UsageQuery,
  why: string,
) {
  const [ours, theirs] = await Promise.all([page(account, query), memory.listUsage(query)]);
  assert.equal(ours.total, theirs.total, `${why}: total`);
  assert.deepEqual(ours.countsByType, theirs.countsByType, `${why}: countsByType`);
  assert.deepEqual(ours.agents, theirs.agents, `${why}: the page's agents, in order`);
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
    account = await server.account({ snapshot, agents, installationLicense: null });
  });

  it('pages cover every agent exactly once, for every filter and page size, in the memory adapter’s order', async () => {
    // 1,500 agents are 15 buckets of 100: 97 and 250 a page cross bucket edges at every page.
    await assertPagesCoverOnce(account, agents, 97);
    await assertPagesCoverOnce(account, agents, 250);
  });

  it('answers the last page (Ctrl+End), a page past the end and a type filter’s last page as the memory adapter does', async () => {
    const memory = new MemoryAdapter({ snapshot, agents, installationLicense: null });
    await assertSameAsMemory(account, memory, { offset: 1400, limit: 100 }, 'last page');
    await assertSameAsMemory(account, memory, { offset: 1499, limit: 100 }, 'the last agent alone');
    await assertSameAsMemory(account, memory, { offset: 1500, limit: 100 }, 'just past the end');
    await assertSameAsMemory(account, memory, { offset: 9000, limit: 100 }, 'far past the end');
    const sms = (await memory.listUsage({ typeId: 'sms', offset: 0, limit: 0 })).total;
    const lastSms = Math.floor((sms - 1) / 100) * 100;
    await assertSameAsMemory(
      account,
      memory,
      { typeId: 'sms', offset: lastSms, limit: 100 },
      'sms, last page',
    );
    await assertSameAsMemory(account, memory, { offset: 0, limit: 0 }, 'no rows asked for');
  });

  it('keeps total and countsByType exact while agents gain, lose, arrive, leave and are renamed, and commits land', async () => {
    const changed = await server.account({ snapshot, agents, installationLicense: null });
    const id = changed.id;
    const sql = server.db;
    const ids = agents.map((a) => a.id);
    const insertAgent = (agent: Agent) =>
      sql.query(
        'INSERT INTO agents (account_id, id, name, email, licences, search) VALUES ($1, $2, $3, $4, $5, $6)',
        [id, agent.id, agent.name, agent.email ?? null, agent.licences, searchText(agent)],
      );
    const commit = async (key: string, count: number) => {
      const current = (
        await server.call<LicensingSnapshot>('GET', '/licensing', { token: changed.tokens.update })
      ).body;
      return server.call('POST', '/licensing/changes', {
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
      await assertSameAsMemory(
        changed,
        memory,
        { search, offset: 0, limit: 100 },
        `${search} after the changes`,
      );
      await assertSameAsMemory(
        changed,
        memory,
        { search, typeId: 'sms', offset: 20, limit: 50 },
        `${search}, sms`,
      );
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

describe(`reference backend on ${backendKind}: usage search`, () => {
  const people: Agent[] = [
    ['Jana Dvořáková', 'jana.dvorakova@example.com', ['voice', 'sms']],
    ['Ondřej Dvořák', 'ondrej@example.com', ['voice']],
    ['Řehoř Šťastný', null, ['chat']],
    ['Zoë Ångström', 'zoe@example.com', ['voice', 'email']],
    ['Łukasz Żółć', 'lukasz@example.com', ['email']],
    ['Søren Weiß', 'soren@example.com', []],
    ['Anna Nováková', 'anna_n%@example.com', ['voice', 'chat']],
    ['DVOŘÁK Tomáš', 'tomas@example.com', ['sms']],
    ['Ivana Nováková', 'ivana@example.com', ['voice']],
  ].map(([name, email, licences], i) => ({
    id: `p${i}`,
    name: name as string,
    ...(email ? { email: email as string } : {}),
    licences: licences as string[],
  }));
  let account: TestAccount;
  let memory: MemoryAdapter;
  before(async () => {
    account = await server.account({ snapshot, agents: people, installationLicense: null });
    memory = new MemoryAdapter({ snapshot, agents: people, installationLicense: null });
  });

  it('finds "Dvořáková" by "dvorakova" and folds accents and case as the memory adapter does', async () => {
    const found = await page(account, { search: 'dvorakova', offset: 0, limit: 10 });
    assert.deepEqual(
      found.agents.map((a) => a.name),
      ['Jana Dvořáková'],
    );
    assert.deepEqual(found.countsByType, { voice: 1, sms: 1 });
    for (const search of [
      'dvorakova',
      'DVOŘÁKOVÁ',
      'Dvořák',
      'dvorak',
      '  dvorak  ',
      'rehor',
      'šťastný',
      'stastny',
      'angstrom',
      'ZOE',
      'lukasz',
      'łukasz',
      'zolc',
      'søren',
      'weiss',
      'weiß',
      'ová',
      'novakova',
      'a n',
      'n%',
      'a_n',
      '%',
      '\\',
      'nobody at all',
    ]) {
      await assertSameAsMemory(
        account,
        memory,
        { search, offset: 0, limit: 50 },
        `search ${JSON.stringify(search)}`,
      );
    }
  });

  it('answers a search with too many matches to keep from the database alone, alike', async () => {
    keepSearchesUpTo(0);
    try {
      for (const search of ['dvorakova', 'a', 'nov', 'nobody at all']) {
        for (const typeId of ['', 'voice']) {
          await assertSameAsMemory(
            account,
            memory,
            { search, typeId, offset: 0, limit: 50 },
            `${search} ${typeId}`,
          );
          await assertSameAsMemory(
            account,
            memory,
            { search, typeId, offset: 1, limit: 2 },
            `${search} ${typeId}, 1+2`,
          );
        }
      }
    } finally {
      keepSearchesUpTo(MAX_KEPT_MATCHES);
    }
  });

  it('combines a type filter with a search, counts per type without the type filter, and pages the matches', async () => {
    for (const typeId of ['voice', 'sms', 'chat', 'supervisor']) {
      await assertSameAsMemory(
        account,
        memory,
        { typeId, search: 'nov', offset: 0, limit: 50 },
        `${typeId} + nov`,
      );
      await assertSameAsMemory(
        account,
        memory,
        { typeId, search: 'dvor', offset: 0, limit: 50 },
        `${typeId} + dvor`,
      );
    }
    const both = await page(account, { typeId: 'voice', search: 'dvor', offset: 0, limit: 50 });
    assert.equal(both.total, 2, 'Jana Dvořáková and Ondřej Dvořák hold voice; Tomáš does not');
    assert.equal(both.countsByType.sms, 2, 'counts ignore the type filter');
    for (const offset of [0, 1, 2, 3]) {
      await assertSameAsMemory(
        account,
        memory,
        { search: 'a', offset, limit: 2 },
        `search "a" from ${offset}`,
      );
    }
  });
});

describe(`reference backend on ${backendKind}: npm run server -- --agents N`, () => {
  const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
  const folders: string[] = [];
  after(async () => {
    for (const dir of folders) await rm(dir, { recursive: true, force: true });
  });

  /** Runs `npm run server`'s entry point until it listens (then stops it) or exits. */
  async function run(
    args: string[],
  ): Promise<{ output: string; code: number | null; api?: string; stop: () => Promise<void> }> {
    const dir = await mkdtemp(join(tmpdir(), 'licence-kit-agents-'));
    folders.push(dir);
    const dataArgs = backendKind === 'pglite' ? ['--data', dir] : [];
    const child = spawn(process.execPath, ['--import', 'tsx', main, '--port', '0', ...dataArgs, ...args], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    };
    let output = '';
    try {
      return await new Promise((resolve) => {
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const match = /reference backend on (http:\/\/\S+)\/api/.exec(output);
          if (match) resolve({ output, code: null, api: `${match[1]}/api`, stop });
        };
        child.stdout!.on('data', onData);
        child.stderr!.on('data', onData);
        void exited.then((code) => resolve({ output, code, stop }));
      });
    } catch (error) {
      await stop();
      throw error;
    }
  }

  it('seeds each account of --seed with N generated agents, counted and paged like the memory adapter’s', async () => {
    const id = `agents-${randomUUID()}`;
    const file = join(await mkdtemp(join(tmpdir(), 'licence-kit-seed-')), 'seed.json');
    folders.push(dirname(file));
    const token = `token-${randomUUID()}`;
    await writeFile(
      file,
      JSON.stringify({
        accounts: [
          {
            id,
            snapshot,
            agents: [{ id: 'replaced', name: 'Replaced By Generated', licences: [] }],
            users: [{ token, name: 'Admin', permission: 'view' }],
          },
        ],
      }),
    );
    const started = await run(['--seed', file, '--agents', '1200']);
    try {
      assert.ok(started.api, started.output);
      assert.match(started.output, new RegExp(`seeded ${id}: 1,200 agents in \\d+\\.\\d s`));
      const expected = generateAgents(1200, { typeIds: snapshot.catalog.map((type) => type.id) });
      const memory = new MemoryAdapter({ snapshot, agents: expected, installationLicense: null });
      for (const query of [
        { offset: 0, limit: 100 },
        { offset: 1100, limit: 100 },
        { typeId: 'sms', offset: 0, limit: 100 },
        { search: 'novak', offset: 0, limit: 100 },
      ]) {
        const response: Response = await fetch(`${started.api}${usagePath(query)}`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        assert.deepEqual(await response.json(), await memory.listUsage(query), JSON.stringify(query));
      }
    } finally {
      await started.stop();
    }
  });

  it('seeds the demo account with N agents without --seed, and refuses an N that is not a count', async () => {
    const refused = await run(['--agents', 'lots']);
    assert.equal(refused.code, 1);
    assert.match(refused.output, /--agents lots is not a number of agents/);
    if (backendKind !== 'pglite') return; // the shared database's demo account belongs to other tests
    const demo = await run(['--agents', '300']);
    try {
      assert.match(demo.output, /seeded demo: 300 agents/);
      const response = await fetch(`${demo.api}/licensing/usage?limit=1`, {
        headers: { Authorization: 'Bearer demo-view' },
      });
      const body = (await response.json()) as UsagePage;
      assert.equal(body.total, 300);
      assert.deepEqual(body.countsByType, countHolders(createDemoSeed({ agents: 300 }).agents));
    } finally {
      await demo.stop();
    }
  });
});
