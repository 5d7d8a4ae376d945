// The conformance suite that ships in licence-kit/testing, run against the built-in adapters:
// the memory adapter directly, and the REST adapter against the MSW handlers of the contract.
import { setupWorker } from 'msw/browser';
import {
  MemoryAdapter,
  createDemoSeed,
  makeLicenseKey,
  type MemorySeed,
} from '../src/adapters/memory/index.js';
import { RestAdapter } from '../src/adapters/rest/index.js';
import { createLicensingHandlers } from '../src/mocks/index.js';
import { describeAdapterConformance } from '../src/testing/index.js';
import type { LicensingAdapter } from '../src/adapters/adapter.js';
import { smallSeed } from './helpers/fixtures.js';

/** The demo data set with the signed-in user reduced to `view`. */
function demoAsView(): MemorySeed {
  const seed = createDemoSeed();
  return { ...seed, snapshot: { ...seed.snapshot, permission: 'view' } };
}
/** The permission each memory backend was last set to (a change of permission is a new version). */
const lastSet = new WeakMap<MemoryAdapter, string>();
function setOnce(backend: MemoryAdapter, permission: 'view' | 'update'): void {
  if (lastSet.get(backend) !== permission) backend.setPermission(permission);
  lastSet.set(backend, permission);
}
/** One memory backend seen as a user of `permission`: each call is made with that permission. */
function asUser(backend: MemoryAdapter, permission: 'view' | 'update'): LicensingAdapter {
  return new Proxy(backend, {
    get(target, name) {
      const value: unknown = Reflect.get(target, name, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        setOnce(target, permission);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
const memoryPair = () => {
  const backend = new MemoryAdapter(smallSeed());
  return { viewer: asUser(backend, 'view'), admin: asUser(backend, 'update') };
};
const licenseKey = makeLicenseKey({ plan: 'monthly', expiresAt: '2027-06-30T00:00:00Z' });

describeAdapterConformance({
  name: 'MemoryAdapter (small seed)',
  create: () => new MemoryAdapter(smallSeed()),
  viewOnly: () => new MemoryAdapter(smallSeed({ permission: 'view' })),
  requestPair: memoryPair,
  describe,
  it,
});
describeAdapterConformance({
  name: 'MemoryAdapter (demo data)',
  create: () => new MemoryAdapter(),
  viewOnly: () => new MemoryAdapter(demoAsView()),
  licenseKey,
  describe,
  it,
});

describe('over HTTP', () => {
  const worker = setupWorker();
  before(() => worker.start({ quiet: true, onUnhandledFrame: 'bypass' }));
  after(() => worker.stop());

  describeAdapterConformance({
    name: 'RestAdapter + MSW handlers',
    create: () => {
      // A fresh backend per test, behind the contract's handlers.
      worker.resetHandlers(
        ...createLicensingHandlers({ backend: new MemoryAdapter(smallSeed()), baseUrl: '/conformance' })
          .handlers,
      );
      return new RestAdapter({ baseUrl: '/conformance', retryDelay: 1 });
    },
    viewOnly: () => {
      worker.resetHandlers(
        ...createLicensingHandlers({ backend: new MemoryAdapter(demoAsView()), baseUrl: '/conformance' })
          .handlers,
      );
      return new RestAdapter({ baseUrl: '/conformance', retryDelay: 1 });
    },
    licenseKey,
    requestPair: () => {
      // One backend behind the handlers; each adapter's calls reach it with its user's permission.
      const backend = new MemoryAdapter(smallSeed());
      worker.resetHandlers(...createLicensingHandlers({ backend, baseUrl: '/conformance' }).handlers);
      const as = (permission: 'view' | 'update') =>
        new RestAdapter({
          baseUrl: '/conformance',
          retryDelay: 1,
          fetch: (input, init) => {
            setOnce(backend, permission);
            return fetch(input, init);
          },
        });
      return { viewer: as('view'), admin: as('update') };
    },
    describe,
    it,
  });
});
