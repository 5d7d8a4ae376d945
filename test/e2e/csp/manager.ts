// The whole Licensing page in one <licence-manager>, on the memory adapter's demo data. Built by
// test/e2e/csp.test.mjs with Vite and served under a strict CSP with Trusted Types enforced.
import '../../../src/elements/licence-manager/licence-manager.js';
import { MemoryAdapter } from '../../../src/adapters/memory/index.js';

document.querySelector('licence-manager')!.adapter = new MemoryAdapter();
