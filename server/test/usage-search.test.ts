// GET /licensing/usage?q=: the search folds case and accents exactly as the memory adapter does
// ("dvorakova" finds "Dvořáková"), combines with a type filter, counts per type without it, and
// pages the matches alike from any offset, with and without a type filter.

import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import { createDemoSeed } from '../../src/adapters/memory/demo-data.js';
import type { Agent } from '../../src/core/index.js';
import { searchText } from '../src/store/usage.js';
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
    // A further page (offset > 0) keeps the match ids; the pages after it, and the first page
    // asked again, come from them.
    for (const [search, typeId] of [
      ['a', ''],
      ['a', 'voice'],
      ['nov', ''],
    ] as const) {
      for (const offset of [1, 0, 2, 3, 0, 50]) {
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
});
