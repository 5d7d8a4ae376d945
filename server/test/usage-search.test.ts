// GET /licensing/usage?q=: the search folds case and accents exactly as the memory adapter does
// ("dvorakova" finds "Dvořáková"), combines with a type filter, counts per type without it, and
// pages the matches alike from any offset, with and without a type filter.

import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import { createDemoSeed } from '../../src/adapters/memory/demo-data.js';
import type { Agent } from '../../src/core/index.js';
import { searchText } from '../src/store/usage.js';
import type { Sql } from '../src/db/database.js';
import { likePattern, searchPage, searchStatement } from '../src/store/usage-search.js';
import { COUNTS_SQL, PAGE_SQL } from '../src/store/usage-search-split.js';
import { backendKind, type TestAccount } from './helpers/harness.js';
import { useUsageServer } from './helpers/usage.js';

const { snapshot } = createDemoSeed({ agents: 1 });
const { server, page, assertSame } = useUsageServer();

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
    // Separators and the letter the index joins words with (migration 009): found only as typed.
    ["Mary-Ann O'Quinn", 'mary-ann.o_quinn@example.com', ['chat']],
    ['Quido Aqua', 'qq@example.com', ['sms']],
  ].map(([name, email, licences], i) => ({
    id: `p${i}`,
    name: name as string,
    ...(email ? { email: email as string } : {}),
    licences: licences as string[],
  }));
  let account: TestAccount;
  let memory: MemoryAdapter;
  before(async () => {
    account = await server().account({ snapshot, agents: people, installationLicense: null });
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
      // The index's candidates that are not matches (its separators all read "q") are left out.
      "ann o'q",
      'ann oq',
      'annqo',
      'n-a',
      'y-ann',
      'mary-ann.o_q',
      'o_quinn@',
      'quinn@ex',
      'quinnqex',
      'a aq',
      'aqua',
      'qq',
      'q',
      'qq@',
      'do aq',
      'doqaq',
      'na nov',
      'naqnov',
    ]) {
      await assertSame(account, memory, { search, offset: 0, limit: 50 }, `search ${JSON.stringify(search)}`);
    }
  });

  it('pages a search from any offset, with and without a type filter, alike', async () => {
    for (const search of ['dvorakova', 'a', 'nov', 'nobody at all']) {
      for (const typeId of ['', 'voice']) {
        await assertSame(account, memory, { search, typeId, offset: 0, limit: 50 }, `${search} ${typeId}`);
        await assertSame(
          account,
          memory,
          { search, typeId, offset: 1, limit: 2 },
          `${search} ${typeId}, 1+2`,
        );
      }
    }
  });

  it('combines a type filter with a search, counts per type without the type filter, and pages the matches', async () => {
    for (const typeId of ['voice', 'sms', 'chat', 'supervisor']) {
      await assertSame(account, memory, { typeId, search: 'nov', offset: 0, limit: 50 }, `${typeId} + nov`);
      await assertSame(account, memory, { typeId, search: 'dvor', offset: 0, limit: 50 }, `${typeId} + dvor`);
    }
    const both = await page(account, { typeId: 'voice', search: 'dvor', offset: 0, limit: 50 });
    assert.equal(both.total, 2, 'Jana Dvořáková and Ondřej Dvořák hold voice; Tomáš does not');
    assert.equal(both.countsByType.sms, 2, 'counts ignore the type filter');
    for (const offset of [0, 1, 2, 3]) {
      await assertSame(account, memory, { search: 'a', offset, limit: 2 }, `search "a" from ${offset}`);
    }
  });
  it("keeps a search's matches for its further pages, answers alike from them, and reads them again once an agent changes", async () => {
    // The first pages are sorted out of the matches each time; a deeper page (offset ≥
    // SORTED_PAGES × limit: 10 here) keeps the match ids, and the pages after it, the first page
    // asked again included, come from them.
    for (const [search, typeId] of [
      ['a', ''],
      ['a', 'voice'],
      ['nov', ''],
    ] as const) {
      for (const offset of [1, 0, 2, 10, 3, 0, 50, 11]) {
        await assertSame(
          account,
          memory,
          { search, typeId, offset, limit: 2 },
          `${search} ${typeId} from ${offset}`,
        );
      }
    }
    // A first page asked again is kept as it was sent, while the agents stay as they were.
    await assertSame(account, memory, { search: 'søren', offset: 0, limit: 2 }, 'søren');
    await assertSame(account, memory, { search: 'søren', offset: 0, limit: 2 }, 'søren again');
    // Søren is renamed into the search "nov": the kept matches are stale and read again.
    const renamed = people.map((agent) => (agent.id === 'p5' ? { ...agent, name: 'Søren Nováček' } : agent));
    const soren = renamed.find((agent) => agent.id === 'p5')!;
    await server().db.query('UPDATE agents SET name = $3, search = $4 WHERE account_id = $1 AND id = $2', [
      account.id,
      soren.id,
      soren.name,
      searchText(soren),
    ]);
    const after = new MemoryAdapter({ snapshot, agents: renamed, installationLicense: null });
    for (const offset of [1, 0, 2]) {
      await assertSame(
        account,
        after,
        { search: 'nov', offset, limit: 2 },
        `nov from ${offset}, after the rename`,
      );
    }
    await assertSame(account, after, { search: 'søren', offset: 0, limit: 2 }, 'søren, after the rename');
    assert.equal((await page(account, { search: 'nováček', offset: 1, limit: 2 })).total, 1);
  });
  it('answers a kept page in the same statement without running the search, and searches once the agents moved on', async () => {
    // Counted by the database itself (EXPLAIN ANALYZE): how often the matches (CTE m) were read.
    const [current] = await server().db.query<{ version: string }>(
      'SELECT version::text AS version FROM agent_versions WHERE account_id = $1',
      [account.id],
    );
    const version = current!.version;
    interface Node {
      'Subplan Name'?: string;
      'Actual Loops'?: number;
      Plans?: Node[];
    }
    const loopsOfMatches = async (check: { version: string; ids: string[] }) => {
      const { text, params } = searchStatement(
        account.id,
        'nov',
        { typeId: '', offset: 0, limit: 2 },
        0,
        check,
      );
      const [row] = await server().db.query<{ 'QUERY PLAN': unknown }>(
        `EXPLAIN (ANALYZE, FORMAT JSON) ${text}`,
        params,
      );
      const raw = row!['QUERY PLAN'];
      const [{ Plan }] = (typeof raw === 'string' ? JSON.parse(raw) : raw) as [{ Plan: Node }];
      let loops: number | undefined;
      const walk = (node: Node) => {
        if (node['Subplan Name'] === 'CTE m') loops = node['Actual Loops'] ?? 0;
        node.Plans?.forEach(walk);
      };
      walk(Plan);
      return loops;
    };
    assert.equal(await loopsOfMatches({ version, ids: ['p6', 'p8'] }), 0, 'kept: the search is never run');
    assert.equal(
      await loopsOfMatches({ version: `${version}0`, ids: ['p6', 'p8'] }),
      1,
      'stale: searched once',
    );
    assert.equal(await loopsOfMatches({ version: '', ids: [] }), 1, 'nothing kept: searched once');
    // The kept agents come back in the order asked, from the same statement.
    const { text, params } = searchStatement(account.id, 'nov', { typeId: '', offset: 0, limit: 2 }, 0, {
      version,
      ids: ['p8', 'p6'],
    });
    const [row] = await server().db.query<{ kept: unknown; total: unknown }>(text, params);
    const kept = (typeof row!.kept === 'string' ? JSON.parse(row!.kept) : row!.kept) as Agent[];
    assert.deepEqual(
      kept.map((agent) => agent.name),
      ['Ivana Nováková', 'Anna Nováková'],
    );
    assert.equal(row!.total, null, 'no count on a kept page');
  });
  it("finds a search's candidates through the index of text pieces, never computing a row's pieces to read it", async () => {
    // Migration 014 keeps the pieces in the index alone: computing them for a row costs about
    // 40 µs, so a plan that checked them row by row (a sequential scan, the primary key, a lossy
    // block) would make a search of every agent of a large account take seconds. Each statement a
    // search page sends, for a key of four characters and one of three, with and without a type
    // filter, finds its candidates through that index and names a row's pieces nowhere else.
    await server().db.query('ANALYZE agents');
    type Node = {
      'Node Type': string;
      'Index Name'?: string;
      'Lossy Heap Blocks'?: number;
      Plans?: Node[];
    } & {
      [condition: string]: unknown;
    };
    const statements = (search: string, typeId: string) => {
      const pattern = likePattern(search);
      return [
        searchStatement(account.id, search, { typeId, offset: 0, limit: 2 }),
        searchStatement(account.id, search, { typeId, offset: 10, limit: 2 }, 20),
        { text: COUNTS_SQL, params: [account.id, search, pattern, typeId, ''] },
        { text: PAGE_SQL, params: [account.id, search, pattern, typeId, 0, 2, '', []] },
      ];
    };
    for (const [search, typeId] of [
      ['novak', ''],
      ['nov', 'voice'],
    ] as const) {
      for (const [i, { text, params }] of statements(search, typeId).entries()) {
        const [row] = await server().db.query<{ 'QUERY PLAN': unknown }>(
          `EXPLAIN (ANALYZE, VERBOSE, FORMAT JSON) ${text}`,
          params,
        );
        const raw = row!['QUERY PLAN'];
        const [{ Plan }] = (typeof raw === 'string' ? JSON.parse(raw) : raw) as [{ Plan: Node }];
        const label = `"${search}" ${typeId}, statement ${i}`;
        let lookups = 0;
        const walk = (node: Node) => {
          if (node['Node Type'] === 'Bitmap Index Scan' && node['Index Name'] === 'agents_by_pieces')
            lookups++;
          assert.ok(!node['Lossy Heap Blocks'], `${label}: ${node['Node Type']} has lossy blocks`);
          // A row's pieces are named only where the index answers them: its lookup, and the bitmap
          // scan's condition, which is checked again on a lossy block alone.
          for (const [key, value] of Object.entries(node)) {
            if (typeof value !== 'string' || !value.includes('account_pieces(a.account_id')) continue;
            const where = `${node['Node Type']}: ${key}`;
            assert.ok(
              where === 'Bitmap Index Scan: Index Cond' || where === 'Bitmap Heap Scan: Recheck Cond',
              `${label}: ${where} computes pieces row by row: ${value}`,
            );
          }
          node.Plans?.forEach(walk);
        };
        walk(Plan);
        assert.ok(lookups >= 1, `${label} finds its candidates through agents_by_pieces`);
      }
    }
  });
  it('never answers counts and a page read at two different moments', async () => {
    // On PostgreSQL a new search's counts and page are two statements sent at once: here Anna
    // Nováková leaves the search "nov" after the page was read and before the counts are. The page
    // (with her) and the counts (without her) disagree, so the search is answered again by one
    // statement. On PGlite a search page is one statement whatever happens.
    const own = await server().account({ snapshot, agents: people, installationLicense: null });
    const db = server().db;
    const anna = { ...people[6]!, name: 'Anna Svobodová' };
    const sent: string[] = [];
    let pageRead!: () => void;
    const pageDone = new Promise<void>((resolve) => (pageRead = resolve));
    let renamed = false;
    const watched: Sql & { kind: string } = {
      kind: db.kind,
      async query<T extends object>(
        text: string,
        params?: readonly unknown[],
        options?: { prepare?: boolean },
      ) {
        sent.push(text === COUNTS_SQL ? 'counts' : text === PAGE_SQL ? 'page' : 'one');
        if (text === PAGE_SQL) {
          try {
            return await db.query<T>(text, params, options);
          } finally {
            pageRead();
          }
        }
        if (!renamed) {
          if (text === COUNTS_SQL) await pageDone;
          renamed = true;
          await db.query('UPDATE agents SET name = $3, search = $4 WHERE account_id = $1 AND id = $2', [
            own.id,
            anna.id,
            anna.name,
            searchText(anna),
          ]);
        }
        return db.query<T>(text, params, options);
      },
    };
    const answer = await searchPage(watched, own.id, 'nov', { typeId: '', offset: 0, limit: 10 });
    const after = new MemoryAdapter({
      snapshot,
      agents: people.map((agent) => (agent.id === anna.id ? anna : agent)),
      installationLicense: null,
    });
    const expected = await after.listUsage({ search: 'nov', offset: 0, limit: 10 });
    assert.equal(answer.total, expected.total);
    assert.deepEqual(answer.countsByType, expected.countsByType);
    assert.deepEqual(answer.agents, expected.agents);
    assert.ok(!answer.agents.some((agent) => agent.id === anna.id), 'Anna is no longer in the page');
    assert.deepEqual(sent, backendKind === 'postgres' ? ['counts', 'page', 'one'] : ['one']);
  });
});
