// The conformance suite of licence-kit/testing must fail an adapter that breaks the contract, and
// say what is wrong; and it must find a count to raise in a fixture whose first lines cannot be
// raised. The suite is collected here with stand-in describe/it, and its tests run one by one.
import { expect } from '@open-wc/testing';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import type { ChangeRequest, LicensingSnapshot } from '../src/core/index.js';
import { describeAdapterConformance } from '../src/testing/index.js';
import { smallSeed, smallSnapshot } from './helpers/fixtures.js';

/** The suite's tests for `create`, by name. */
function suite(create: () => LicensingAdapter): Map<string, () => Promise<void>> {
  const tests = new Map<string, () => Promise<void>>();
  describeAdapterConformance({
    name: 'under test',
    create,
    describe: (_name, body) => body(),
    it: (name, body) => void tests.set(name, body),
  });
  return tests;
}

async function failure(test: (() => Promise<void>) | undefined): Promise<Error> {
  expect(test, 'the test exists').to.be.a('function');
  try {
    await test!();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the conformance test to fail');
}

/** A memory backend whose `load` answers are passed through `change`, undecoded. */
function altered(change: (s: LicensingSnapshot) => LicensingSnapshot, patch: Partial<LicensingAdapter> = {}) {
  return (): LicensingAdapter => {
    const backend = new MemoryAdapter(smallSeed());
    return {
      load: async (o) => change(await backend.load(o)),
      listUsage: (q, o) => backend.listUsage(q, o),
      commit: (c, o) => backend.commit(c, o),
      ...patch,
    };
  };
}

const LOAD = 'load() returns a snapshot with a version, a permission and a line per catalog type';
const DECODABLE =
  'load() answers a snapshot the rules can handle (licence-kit’s snapshot decoder accepts it)';
const STALE = 'commit() with a stale expectedVersion rejects with a conflict and changes nothing';
const COMMIT = 'commit() applies the change set and returns a snapshot with a new version';

describe('conformance suite: an adapter that breaks the contract fails, saying why', () => {
  it('a snapshot without a version', async () => {
    const error = await failure(suite(altered((s) => ({ ...s, version: '' }))).get(LOAD));
    expect(error.name).to.equal('ConformanceFailure');
    expect(error.message).to.equal('version must be a non-empty string');
  });

  it('a snapshot the decoder refuses names the field', async () => {
    const tests = suite(altered((s) => ({ ...s, period: { ...s.period, start: 'November' } })));
    const error = await failure(tests.get(DECODABLE));
    expect(error.name).to.equal('ConformanceFailure');
    expect(error.message).to.equal(
      'the snapshot is refused: period.start is not an ISO 8601 date (got "November")',
    );
  });

  it('a commit that ignores the expected version', async () => {
    const backend = new MemoryAdapter(smallSeed());
    const tests = suite(() => ({
      load: (o) => backend.load(o),
      listUsage: (q, o) => backend.listUsage(q, o),
      commit: async (c, o) => backend.commit(c, { ...o, expectedVersion: (await backend.load()).version }),
    }));
    const error = await failure(tests.get(STALE));
    expect(error.message).to.equal('expected the call to reject, but it resolved');
  });

  it('a fixture with no count that can be raised', async () => {
    const full = smallSnapshot({
      catalog: [{ id: 'voice', name: 'Voice', unitPrice: { amount: 100, currency: 'EUR' }, max: 10 }],
      lines: [{ typeId: 'voice', count: 10, inUse: 3, peak: 10 }],
      recording: undefined,
    });
    const error = await failure(
      suite(() => new MemoryAdapter({ ...smallSeed(), snapshot: full })).get(COMMIT),
    );
    expect(error.message).to.equal('the fixture has no licence type whose count can be raised by one');
  });
});

describe('conformance suite: finding a count to raise', () => {
  it('skips a type at its maximum and one held back by the type it requires', async () => {
    const eur = (amount: number) => ({ amount, currency: 'EUR' });
    const snapshot = smallSnapshot({
      catalog: [
        { id: 'voice', name: 'Voice', unitPrice: eur(2400), max: 10 },
        { id: 'outbound', name: 'Outbound', unitPrice: eur(1200), requires: 'voice' },
        { id: 'email', name: 'Email', unitPrice: eur(900) },
      ],
      lines: [
        { typeId: 'voice', count: 10, inUse: 3, peak: 10 },
        { typeId: 'outbound', count: 10, inUse: 2, peak: 10 },
        { typeId: 'email', count: 2, inUse: 1, peak: 2 },
      ],
      recording: undefined,
    });
    const adapter = new MemoryAdapter({ ...smallSeed(), snapshot });
    await suite(() => adapter).get(COMMIT)!();
    const after = await adapter.load();
    expect(after.lines.map((l) => [l.typeId, l.count])).to.deep.equal([
      ['voice', 10],
      ['outbound', 10],
      ['email', 3],
    ]);
  });
});

describe('conformance suite: requests that break the contract fail, saying why', () => {
  it('a request list that leaves out a pending request', async () => {
    const backend = new MemoryAdapter(smallSeed());
    let current = backend.peek().permission;
    /** The backend as a user of `permission`; the admin's list drops the pending requests. */
    const as = (permission: 'view' | 'update'): LicensingAdapter =>
      new Proxy(backend, {
        get(target, name) {
          const value: unknown = Reflect.get(target, name, target);
          if (typeof value !== 'function') return value;
          return async (...args: unknown[]) => {
            if (current !== permission) target.setPermission((current = permission));
            const answer: unknown = await (value as (...a: unknown[]) => unknown).apply(target, args);
            return name === 'listRequests' && permission === 'update'
              ? (answer as ChangeRequest[]).filter((r) => r.status !== 'pending')
              : answer;
          };
        },
      });
    const tests = new Map<string, () => Promise<void>>();
    describeAdapterConformance({
      name: 'under test',
      create: () => new MemoryAdapter(smallSeed()),
      requestPair: () => ({ viewer: as('view'), admin: as('update') }),
      describe: (_name, body) => body(),
      it: (name, body) => void tests.set(name, body),
    });
    const error = await failure(
      tests.get('listRequests() lists every pending request before the decided ones'),
    );
    expect(error.name).to.equal('ConformanceFailure');
    expect(error.message).to.equal('the pending request must be listed');
  });
});
