// The history's pure side: changes read from a commit's quote, filters, CSV; and the REST decoder
// of GET /licensing/history, which refuses a body the contract does not allow.
import { expect } from '@open-wc/testing';
import {
  historyChanges,
  historyCsv,
  historyEntry,
  historyMatches,
  historyPage,
  historySubject,
  quote,
  type HistoryEntry,
} from '../src/core/index.js';
import { decodeHistoryPage } from '../src/adapters/rest/history.js';
import { DecodeError } from '../src/adapters/decode/fields.js';
import { smallSnapshot } from './helpers/fixtures.js';

const s = smallSnapshot();
const entry = (id: string, at: string, changes: Parameters<typeof quote>[1]): HistoryEntry =>
  historyEntry({ id, at, user: 'Jana', version: `v-${id}`, changes, quote: quote(s, changes) });

describe('core: history', () => {
  it('reads every kind of change from the quote, in the cart order, and names what a filter matches', () => {
    const changes = historyChanges(
      quote(s, {
        counts: { voice: 12 },
        retention: { days: 14 },
        speechToText: { enabled: false, limitOverBase: null },
        powerPack: { enabled: false, limits: { 'smart-routing': 12 } },
      }),
    );
    expect(changes).to.deep.equal([
      { kind: 'count', typeId: 'voice', from: 10, to: 12 },
      { kind: 'retention', from: { months: 9 }, to: { days: 14 } },
      { kind: 'speech-to-text', from: true, to: false },
      { kind: 'speech-to-text-limit', from: 2000, to: null },
      { kind: 'power-pack', from: true, to: false },
      { kind: 'power-pack-limit', serviceId: 'smart-routing', from: 10, to: 12 },
    ]);
    expect(changes.map(historySubject)).to.deep.equal([
      'voice',
      'retention',
      'speech-to-text',
      'speech-to-text',
      'power-pack',
      'power-pack',
    ]);
  });

  it('filters by subject and [from, to), newest first, and pages', () => {
    const a = entry('1', '2026-11-01T10:00:00Z', { counts: { voice: 12 } });
    const b = entry('2', '2026-11-05T10:00:00+01:00', { speechToText: { limitOverBase: 3000 } });
    const c = entry('10', '2026-11-05T09:00:00Z', { counts: { email: 3 } });
    expect(historyMatches(b, { type: 'speech-to-text', from: '2026-11-05T09:00:00Z' })).to.equal(true);
    expect(historyMatches(b, { to: '2026-11-05T09:00:00Z' })).to.equal(false);
    expect(historyMatches(a, { type: 'speech-to-text' })).to.equal(false);
    // b and c are the same instant: the higher id first (10 after 2), so pages are stable.
    expect(historyPage([a, b, c], { offset: 0, limit: 2 }).entries.map((e) => e.id)).to.deep.equal([
      '10',
      '2',
    ]);
    expect(historyPage([a, b, c], { offset: 2, limit: 2 })).to.deep.include({ total: 3 });
  });

  it('writes CSV with one row per change, amounts once per commit, and a row for a commit without changes', () => {
    const a = entry('1', '2026-11-01T10:00:00Z', { counts: { voice: 12, email: 3 } });
    const empty: HistoryEntry = { ...a, id: '2', changes: [] };
    const text = historyCsv([a, empty], {
      header: ['When', 'Who', 'Change', 'This month', 'Next month', 'Currency'],
      when: (at) => at.slice(0, 10),
      change: (change) =>
        change.kind === 'count' ? `${change.typeId} ${change.from}→${change.to}` : change.kind,
    });
    // Next month: 2 voice × €24 + 1 email × €9; this month only the email (voice stays under its peak of 12).
    // Plain decimals a spreadsheet sums, the currency in its own column.
    expect(text.split('\r\n')).to.deep.equal([
      'When,Who,Change,This month,Next month,Currency',
      '2026-11-01,Jana,voice 10→12,9.00,57.00,EUR',
      '2026-11-01,Jana,email 2→3,,,',
      '2026-11-01,Jana,,9.00,57.00,EUR',
      '',
    ]);
  });
});

describe('RestAdapter: the history decoder', () => {
  const body = (change: unknown, more: object = {}) => ({
    total: 1,
    entries: [
      {
        id: 'h1',
        at: '2026-11-01T10:00:00Z',
        user: 'Jana',
        version: 'v2',
        changes: [change],
        thisMonth: { amount: -500, currency: 'EUR' },
        nextMonth: { amount: 0, currency: 'EUR' },
        ...more,
      },
    ],
  });

  it('reads every kind of change', () => {
    for (const change of [
      { kind: 'count', typeId: 'voice', from: 1, to: 2 },
      { kind: 'retention', from: { days: 14 }, to: { months: 3 } },
      { kind: 'speech-to-text', from: false, to: true },
      { kind: 'power-pack', from: true, to: false },
      { kind: 'speech-to-text-limit', from: null, to: 100 },
      { kind: 'power-pack-limit', serviceId: 'ai-qa', from: 5, to: null },
    ]) {
      expect(decodeHistoryPage(body(change)).entries[0]!.changes).to.deep.equal([change]);
    }
  });

  it('refuses an unknown kind, a retention no rule allows and money that is not whole minor units', () => {
    const refused = (value: unknown) => {
      try {
        decodeHistoryPage(value);
      } catch (error) {
        return error;
      }
      return undefined;
    };
    expect(refused(body({ kind: 'seats', from: 1, to: 2 }))).to.be.instanceOf(DecodeError);
    expect(refused(body({ kind: 'retention', from: { months: 4 }, to: { months: 3 } }))).to.be.instanceOf(
      DecodeError,
    );
    const count = { kind: 'count', typeId: 'voice', from: 1, to: 2 };
    expect(refused(body(count, { thisMonth: { amount: 1.5, currency: 'EUR' } }))).to.be.instanceOf(
      DecodeError,
    );
    expect(refused(body(count, { nextMonth: { amount: 1, currency: 'euro' } }))).to.be.instanceOf(
      DecodeError,
    );
    expect(refused(body(count, { at: 'yesterday' }))).to.be.instanceOf(DecodeError);
  });
});
