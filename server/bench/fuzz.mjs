// `node bench/fuzz.mjs [--runs 10000]` (in server/): the full-size bad-input run of
// server/bench/README.md, "Faults" — test/fuzz.test.ts with FUZZ_RUNS requests (PGlite, or
// DATABASE_URL when set). Prints the tally of answers by kind and status; exits as the test does.

import { spawnSync } from 'node:child_process';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '10000' } } });
const started = Date.now();
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', 'test/fuzz.test.ts'], {
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  env: { ...process.env, FUZZ_RUNS: values.runs },
  stdio: 'inherit',
});
console.log(`fuzz: ${values.runs} requests in ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(result.status ?? 1);
