// The conformance suite that ships in licence-kit/testing, run against the built-in adapters.
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import { describeAdapterConformance } from '../src/testing/index.js';
import { smallSeed } from './helpers/fixtures.js';

describeAdapterConformance({
  name: 'MemoryAdapter (small seed)',
  create: () => new MemoryAdapter(smallSeed()),
  describe,
  it,
});
describeAdapterConformance({
  name: 'MemoryAdapter (demo data)',
  create: () => new MemoryAdapter(),
  describe,
  it,
});
