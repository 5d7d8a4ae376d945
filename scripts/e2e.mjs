// `npm run test:e2e`: builds Storybook once into a throw-away folder, names it in LK_STORYBOOK_DIR
// for the test files that load stories (test/e2e/storybook-build.mjs), runs every e2e test file one
// after the other with node's test runner, and removes the folder. Arguments are passed on (e.g. a
// single file: `node scripts/e2e.mjs test/e2e/screen-reader.test.mjs`).
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { buildStorybookInto } from '../test/e2e/storybook-build.mjs';

const out = await mkdtemp(join(tmpdir(), 'licence-kit-stories-'));
let status;
try {
  buildStorybookInto(out);
  const files = process.argv.slice(2);
  const run = spawnSync(
    process.execPath,
    ['--test', '--test-concurrency=1', ...(files.length ? files : ['test/e2e/'])],
    { stdio: 'inherit', env: { ...process.env, LK_STORYBOOK_DIR: out } },
  );
  status = run.status ?? 1;
} finally {
  await rm(out, { recursive: true, force: true });
}
process.exit(status);
