// The conformance suite's assignment tests (R12) must fail an adapter that gets assignments wrong,
// and say what is wrong; a refusal's body is read leniently.
import { expect } from '@open-wc/testing';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { AssignmentError } from '../src/adapters/index.js';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import { errorFromAnswer } from '../src/adapters/rest/problem.js';
import { describeAdapterConformance } from '../src/testing/index.js';
import { smallSeed, smallSnapshot } from './helpers/fixtures.js';

const FREE =
  'unassign() frees a licence (in use − 1, a new version, the agent answered); assign() of the agents answered undoes it';
const REFUSED =
  'assign() / unassign() on a stale version, or of an unknown agent, are refused and change nothing';
const VIEW = 'assign() / unassign() by a view user are refused (R1)';

function suite(create: () => LicensingAdapter, viewOnly?: () => LicensingAdapter) {
  const tests = new Map<string, () => Promise<void>>();
  describeAdapterConformance({
    name: 'under test',
    create,
    ...(viewOnly ? { viewOnly } : {}),
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

/** A memory backend with `patch` over its methods. */
function patched(patch: (backend: MemoryAdapter) => Partial<LicensingAdapter>, seed = smallSeed()) {
  return (): LicensingAdapter => {
    const backend = new MemoryAdapter(seed);
    return {
      load: (o) => backend.load(o),
      listUsage: (q, o) => backend.listUsage(q, o),
      commit: (c, o) => backend.commit(c, o),
      assign: (t, s, o) => backend.assign!(t, s, o),
      unassign: (t, s, o) => backend.unassign!(t, s, o),
      ...patch(backend),
    };
  };
}

describe('conformance suite: assignments done wrong fail, saying why (R12)', () => {
  it('the memory adapter passes all three', async () => {
    const tests = suite(
      patched(() => ({})),
      patched(() => ({}), smallSeed({ permission: 'view' })),
    );
    for (const name of [FREE, REFUSED, VIEW]) await tests.get(name)!();
  });

  it('an unassign that frees nothing', async () => {
    const error = await failure(
      suite(
        patched((backend) => ({
          unassign: async () => ({
            snapshot: { ...(await backend.load()), version: 'v9' },
            agents: [],
            changes: [],
          }),
        })),
      ).get(FREE),
    );
    expect(error.name).to.equal('ConformanceFailure');
    expect(error.message).to.equal('unassigning one agent must free one licence');
  });

  it('an unassign that takes a stale version', async () => {
    const error = await failure(
      suite(
        patched((backend) => ({
          unassign: (t, s, o) => backend.unassign!(t, s, { ...o, expectedVersion: 'v1' }),
        })),
      ).get(REFUSED),
    );
    expect(error.message).to.equal('expected the call to reject, but it resolved');
  });

  it('a fixture where nothing is in use', async () => {
    const empty = smallSnapshot({ lines: smallSnapshot().lines.map((line) => ({ ...line, inUse: 0 })) });
    const error = await failure(suite(patched(() => ({}), { ...smallSeed(), snapshot: empty })).get(FREE));
    expect(error.message).to.contain('the fixture needs a type in use');
  });

  it('a view user who may unassign', async () => {
    const error = await failure(
      suite(
        patched(() => ({})),
        patched(
          (backend) => ({
            unassign: () => Promise.reject(new Error('not a licensing error')),
            load: async () => backend.load(),
          }),
          smallSeed({ permission: 'view' }),
        ),
      ).get(VIEW),
    );
    expect(error.message).to.contain('expected a PermissionError');
  });
});

describe('a refusal over HTTP, read leniently (R12)', () => {
  it('keeps the problems with a code, drops the others; without problems it is a plain ValidationError', () => {
    const body = JSON.stringify({
      problems: [{ code: 'not-enough-available', typeId: 'voice' }, 7, { x: 1 }],
    });
    const error = errorFromAnswer(422, 'application/problem+json', body);
    expect(error).to.be.instanceOf(AssignmentError);
    expect((error as AssignmentError).problems).to.deep.equal([
      { code: 'not-enough-available', typeId: 'voice' },
    ]);
    expect((error as AssignmentError).reason).to.equal('not-enough-available');
    expect(errorFromAnswer(422, 'application/problem+json', '{"problems":[]}')).to.not.be.instanceOf(
      AssignmentError,
    );
    expect(new AssignmentError([]).reason).to.equal('refused');
  });
});
