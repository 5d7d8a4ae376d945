// The public API on record (etc/licence-kit.api.md, made by scripts/api-report.mjs): the digest of
// the installed tarball's `.d.ts` must be the committed one, so a change of the public API (and
// with it any breaking change) is a visible diff in review. After a deliberate change:
// `npm run api-report`, review the diff, add a changeset.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { it } from 'node:test';
import { apiReport, reportPath } from '../../../scripts/api-report.mjs';
import { installedPackage } from './harness.mjs';

it('the API report matches the installed package’s declarations', async () => {
  const { packageDir } = await installedPackage();
  assert.ok(existsSync(reportPath), 'etc/licence-kit.api.md is missing: run `npm run api-report`');
  const committed = readFileSync(reportPath, 'utf8').split('\n');
  const actual = (await apiReport(packageDir)).split('\n');
  const first = actual.findIndex((line, index) => line !== committed[index]);
  if (first === -1 && actual.length === committed.length) return;
  const at = first === -1 ? Math.min(actual.length, committed.length) : first;
  const section = actual.slice(0, at + 1).findLast((line) => line.startsWith('### ')) ?? '(entries)';
  assert.fail(
    [
      `The public API changed (etc/licence-kit.api.md line ${at + 1}, ${section}):`,
      `  committed: ${committed[at] ?? '(end of file)'}`,
      `  built:     ${actual[at] ?? '(end of file)'}`,
      'Run `npm run api-report`, review the diff, and add a changeset (`npx changeset`) saying',
      'whether it breaks a host.',
    ].join('\n'),
  );
});
