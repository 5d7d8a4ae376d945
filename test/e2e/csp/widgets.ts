// Every widget inside one <licence-provider>, on the memory adapter's demo data. Built by
// test/e2e/csp.test.mjs with Vite and served under a strict CSP with Trusted Types enforced.
import '../../../src/index.js';
import { MemoryAdapter } from '../../../src/adapters/memory/index.js';

document.querySelector('licence-provider')!.adapter = new MemoryAdapter();
