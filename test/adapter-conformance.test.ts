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
import { smallSeed } from './helpers/fixtures.js';

/** The demo data set with the signed-in user reduced to `view`. */
function demoAsView(): MemorySeed {
  const seed = createDemoSeed();
  return { ...seed, snapshot: { ...seed.snapshot, permission: 'view' } };
}
const licenseKey = makeLicenseKey({ plan: 'monthly', expiresAt: '2027-06-30T00:00:00Z' });

describeAdapterConformance({
  name: 'MemoryAdapter (small seed)',
  create: () => new MemoryAdapter(smallSeed()),
  viewOnly: () => new MemoryAdapter(smallSeed({ permission: 'view' })),
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
    describe,
    it,
  });
});
