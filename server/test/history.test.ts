// GET /licensing/history over real HTTP: the accepted commits from audit_log, newest first, with
// each change and the invoice effect quoted then; the type and period filters and paging; who may
// read it. The memory adapter, given the same commits at the same times, answers the same entries
// (both build them with the rule book's historyEntry and historyPage). Every answer is checked
// against docs/openapi.yaml by the harness.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import { createDemoSeed } from '../../src/adapters/memory/demo-data.js';
import type { ChangeSet, HistoryEntry, HistoryPage, LicensingSnapshot } from '../../src/core/index.js';
import { backendKind, startServer, type TestAccount, type TestServer } from './helpers/harness.js';

let server: TestServer;
before(async () => {
  server = await startServer({ now: new Date('2026-11-10T09:00:00Z') });
});
after(() => server.close());

const seed = createDemoSeed({ agents: 20, now: new Date('2026-11-10T09:00:00Z') });

const count = (typeId: string) => seed.snapshot.lines.find((l) => l.typeId === typeId)!.count;

/** The commits of the test, each at its own time. */
const commits: { at: string; changes: ChangeSet }[] = [
  { at: '2026-11-02T08:00:00Z', changes: { counts: { voice: count('voice') + 4 } } },
  {
    at: '2026-11-05T12:30:00Z',
    changes: { retention: { months: 12 }, powerPack: { limits: { 'ai-qa': 5 } } },
  },
  { at: '2026-11-09T16:45:00Z', changes: { counts: { email: count('email') + 2 } } },
];

async function commitAll(account: TestAccount): Promise<void> {
  for (const [i, commit] of commits.entries()) {
    server.clock.now = new Date(commit.at);
    const current = await server.call<LicensingSnapshot>('GET', '/licensing', {
      token: account.tokens.update,
    });
    const answer = await server.call('POST', '/licensing/changes', {
      token: account.tokens.update,
      body: commit.changes,
      headers: { 'If-Match': `"${current.body.version}"`, 'Idempotency-Key': `history-${i}` },
    });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
  }
}

async function history(account: TestAccount, query = '', token = account.tokens.view) {
  return server.call<HistoryPage>('GET', `/licensing/history${query}`, { token });
}

/** What the memory adapter answers for the same commits at the same times. */
async function memoryHistory(query: Parameters<MemoryAdapter['listHistory']>[0]): Promise<HistoryPage> {
  let now = new Date(commits[0]!.at);
  const memory = new MemoryAdapter(seed, { now: () => now, user: 'update user' });
  for (const [i, commit] of commits.entries()) {
    now = new Date(commit.at);
    const { version } = await memory.load();
    await memory.commit(commit.changes, { expectedVersion: version, idempotencyKey: `m${i}` });
  }
  return memory.listHistory(query);
}

/** An entry without its backend's own id and version label. */
const comparable = (entry: HistoryEntry) => ({ ...entry, id: undefined, version: undefined });

describe(`reference backend on ${backendKind}: GET /licensing/history`, () => {
  let account: TestAccount;
  before(async () => {
    account = await server.account(seed);
    await commitAll(account);
  });

  it('lists the commits newest first, as the memory adapter does, for view and update', async () => {
    const answer = await history(account);
    assert.equal(answer.status, 200);
    assert.equal(answer.body.total, 3);
    assert.deepEqual(
      answer.body.entries.map((e) => e.at),
      [...commits].reverse().map((c) => new Date(c.at).toISOString()),
    );
    const [email, settings, voice] = answer.body.entries;
    assert.equal(voice!.user, 'update user');
    const from = count('voice');
    assert.deepEqual(voice!.changes, [{ kind: 'count', typeId: 'voice', from, to: from + 4 }]);
    assert.equal(
      voice!.nextMonth.amount,
      4 * seed.snapshot.catalog.find((t) => t.id === 'voice')!.unitPrice.amount,
    );
    assert.deepEqual(
      settings!.changes.map((c) => c.kind),
      ['retention', 'power-pack-limit'],
    );
    assert.deepEqual(settings!.changes[1], {
      kind: 'power-pack-limit',
      serviceId: 'ai-qa',
      from: null,
      to: 5,
    });
    assert.equal(email!.changes[0]!.kind, 'count');
    const expected = await memoryHistory({ offset: 0, limit: 20 });
    assert.deepEqual(answer.body.entries.map(comparable), expected.entries.map(comparable));
    const asUpdate = await history(account, '', account.tokens.update);
    assert.deepEqual(asUpdate.body, answer.body);
  });

  it('filters by licence type or setting and by period, and pages by total', async () => {
    const voice = await history(account, '?type=voice');
    assert.deepEqual(
      voice.body.entries.map((e) => e.at),
      [new Date(commits[0]!.at).toISOString()],
    );
    assert.equal(voice.body.total, 1);
    const retention = await history(account, '?type=retention');
    assert.equal(retention.body.total, 1);
    assert.equal(retention.body.entries[0]!.changes[0]!.kind, 'retention');
    const period = await history(
      account,
      `?from=2026-11-03T00:00:00Z&to=${encodeURIComponent('2026-11-09T16:45:00+00:00')}`,
    );
    assert.deepEqual(
      period.body.entries.map((e) => e.at),
      [new Date(commits[1]!.at).toISOString()],
    );
    // A bare date is the start of that UTC day, as in the memory adapter and the MSW handlers.
    const days = await history(account, '?from=2026-11-05&to=2026-11-09');
    assert.equal(days.status, 200);
    assert.deepEqual(
      days.body.entries.map((e) => e.at),
      [new Date(commits[1]!.at).toISOString()],
    );
    assert.deepEqual(
      (await memoryHistory({ offset: 0, limit: 20, from: '2026-11-05', to: '2026-11-09' })).entries.map(
        comparable,
      ),
      days.body.entries.map(comparable),
    );
    const both = await history(account, '?type=email&from=2026-11-03T00:00:00Z');
    assert.equal(both.body.total, 1);
    const none = await history(account, '?type=sms');
    assert.deepEqual(none.body, { total: 0, entries: [] });
    const first = await history(account, '?limit=2');
    const second = await history(account, '?limit=2&offset=2');
    assert.equal(first.body.total, 3);
    assert.equal(second.body.total, 3);
    assert.deepEqual(
      [...first.body.entries, ...second.body.entries].map((e) => e.id),
      (await history(account)).body.entries.map((e) => e.id),
    );
    const typed = await history(account, '?type=voice&limit=1&offset=1');
    assert.deepEqual(typed.body, { total: 1, entries: [] });
  });

  it('refuses none (403), a bad period (400) and a page too large (400); another account sees none of it', async () => {
    assert.equal((await history(account, '', account.tokens.none)).status, 403);
    assert.equal((await history(account, '?from=yesterday')).status, 400);
    assert.equal((await history(account, '?limit=500')).status, 400);
    const other = await server.account(seed);
    assert.deepEqual((await history(other)).body, { total: 0, entries: [] });
  });
});
