// Decoding is the gate: every snapshot the rules cannot handle is refused where it enters, with an
// error naming the field — by the REST adapter (a backend's answer, BadResponseError) and by the
// memory adapter (its seed, the same decoder) — so no widget meets it and throws in render().
import { expect } from '@open-wc/testing';
import { BadResponseError } from '../src/adapters/errors.js';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import { RestAdapter } from '../src/adapters/rest/index.js';
import type { LicensingSnapshot } from '../src/core/index.js';
import { smallAgents, smallSnapshot } from './helpers/fixtures.js';
import { rejection } from './helpers/rejection.js';

type Mutable<T> = T extends readonly (infer U)[]
  ? Mutable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Mutable<T[K]> }
    : T;
type Loose = Mutable<LicensingSnapshot>;

/** A broken snapshot, and the words the refusal must contain (the field first). */
const cases: [string, (s: Loose) => void, string][] = [
  [
    'a catalog with two currencies',
    (s) => (s.catalog[2]!.unitPrice.currency = 'USD'),
    'catalog[2].unitPrice.currency is not EUR',
  ],
  [
    'a Power Pack priced in another currency',
    (s) => (s.powerPack!.packPrice.currency = 'CZK'),
    'powerPack.packPrice.currency is not EUR',
  ],
  [
    'a period start that is not a date',
    (s) => (s.period.start = '1 November 2026'),
    'period.start is not an ISO 8601 date',
  ],
  [
    'a period start on a day no month has',
    (s) => (s.period.start = '2026-02-32'),
    'period.start is not an ISO 8601 date',
  ],
  [
    'a period end on a day that does not exist',
    (s) => (s.period.end = '2026-11-31'),
    'period.end is not an ISO 8601 date',
  ],
  [
    'a period that ends before it starts',
    (s) => (s.period.end = '2026-10-31'),
    'period.end is before period.start',
  ],
  ['a version holding a quote', (s) => (s.version = 'v"1'), 'version cannot be sent in an ETag'],
  [
    'a version holding a non-ASCII character',
    (s) => (s.version = 'verze-č1'),
    'version cannot be sent in an ETag',
  ],
  [
    'a version holding a newline',
    (s) => (s.version = 'v1\nX-Injected: 1'),
    'version cannot be sent in an ETag',
  ],
  [
    'two lines for one type',
    (s) => s.lines.push({ typeId: 'voice', count: 1, inUse: 0, peak: 1 }),
    'lines[4].typeId appears twice in lines',
  ],
  [
    'two Power Pack services with one id',
    (s) => s.powerPack!.services.push({ id: 'smart-routing', name: 'Again', limit: 1, used: 0 }),
    'powerPack.services[2].id appears twice in powerPack.services',
  ],
  [
    'requires naming no catalog type',
    (s) => (s.catalog[1]!.requires = 'fax'),
    'catalog[1].requires is not in the catalog',
  ],
  [
    'a negative price',
    (s) => (s.catalog[0]!.unitPrice.amount = -2400),
    'catalog[0].unitPrice.amount is not a whole number',
  ],
  [
    'a negative minute price',
    (s) => (s.speechToText!.minutePrice.amount = -1),
    'speechToText.minutePrice.amount',
  ],
  ['a negative count', (s) => (s.lines[0]!.count = -1), 'lines[0].count is not a whole number'],
  ['a fractional count', (s) => (s.lines[1]!.inUse = 1.5), 'lines[1].inUse is not a whole number'],
  [
    'a retention above the plan maximum',
    (s) => (s.recording!.retention = { months: 36 }),
    'recording.retention.months is above maxMonths (24)',
  ],
  ['a type id "constructor"', (s) => (s.catalog[2]!.id = 'constructor'), 'catalog[2].id is a reserved name'],
  ['a type id "__proto__"', (s) => (s.catalog[2]!.id = '__proto__'), 'catalog[2].id is a reserved name'],
  [
    'a service id "toString"',
    (s) => (s.powerPack!.services[1]!.id = 'toString'),
    'powerPack.services[1].id is a reserved name',
  ],
];

function broken(change: (s: Loose) => void): LicensingSnapshot {
  const s = structuredClone(smallSnapshot()) as Loose;
  // A line names its type: keep them together when a case renames a catalog id.
  const ids = s.catalog.map((t) => t.id);
  change(s);
  s.catalog.forEach((t, i) => {
    if (t.id !== ids[i]) s.lines.forEach((l) => l.typeId === ids[i] && (l.typeId = t.id));
  });
  return s as LicensingSnapshot;
}

const restServing = (body: unknown) =>
  new RestAdapter({
    baseUrl: '/api',
    retries: 0,
    fetch: () =>
      Promise.resolve(
        new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } }),
      ),
  });

describe('snapshots the rules cannot handle are refused at the gate', () => {
  it('the untouched fixture passes both adapters', async () => {
    expect(await restServing(smallSnapshot()).load()).to.deep.equal(smallSnapshot());
    expect(await new MemoryAdapter({ snapshot: smallSnapshot(), agents: smallAgents }).load()).to.deep.equal(
      smallSnapshot(),
    );
  });

  for (const [what, change, words] of cases) {
    it(`RestAdapter refuses ${what} with a BadResponseError naming the field`, async () => {
      const error = await rejection(restServing(broken(change)).load());
      expect(error).to.be.instanceOf(BadResponseError);
      expect((error as BadResponseError).message).to.contain(words);
    });

    it(`MemoryAdapter refuses a seed with ${what}, naming the field, on load and commit`, async () => {
      const adapter = new MemoryAdapter({ snapshot: broken(change), agents: smallAgents });
      const error = await rejection(adapter.load());
      expect(error).to.be.instanceOf(BadResponseError);
      expect((error as BadResponseError).message).to.contain(words);
      const commit = await rejection(
        adapter.commit({ counts: { email: 3 } }, { expectedVersion: 'v1', idempotencyKey: 'k' }),
      );
      expect(commit).to.be.instanceOf(BadResponseError);
      expect(adapter.mutations).to.equal(0);
    });
  }

  it('RestAdapter refuses an ETag-only version that cannot travel back in If-Match', async () => {
    const body = Object.fromEntries(Object.entries(smallSnapshot()).filter(([key]) => key !== 'version'));
    const adapter = new RestAdapter({
      baseUrl: '/api',
      retries: 0,
      fetch: () =>
        Promise.resolve(
          new Response(JSON.stringify(body), {
            headers: { 'Content-Type': 'application/json', ETag: 'W/"v 1"' },
          }),
        ),
    });
    const error = await rejection(adapter.load());
    expect(error).to.be.instanceOf(BadResponseError);
  });
});
