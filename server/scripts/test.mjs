// `npm test` of the server workspace (`npm run test:server` at the root): type-checks, then runs the
// server suite (node's test runner, real HTTP on 127.0.0.1) on PGlite, always, and on PostgreSQL
// when DATABASE_URL is set or, as root on Debian, on the machine's own cluster (started for the run
// and stopped again if it was down). Says plainly which ran. database-lost.test.ts stops PostgreSQL
// under load: it runs in the PostgreSQL run only, on a cluster of its own that it makes with initdb
// (as root on Debian), and the summary says why when it cannot.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const serverDir = fileURLToPath(new URL('..', import.meta.url));
const tests = readdirSync(new URL('../test/', import.meta.url))
  .filter((name) => name.endsWith('.test.ts'))
  .sort()
  .map((name) => `test/${name}`);
// The data-folder tests are about PGlite's folder (lock, SIGKILL); the database-lost test stops a
// PostgreSQL server (PGlite lives in the server's process: there is no database to lose apart from
// it). The rest run on both.
const LOST = 'test/database-lost.test.ts';
const onPglite = tests.filter((name) => name !== LOST);
const portable = tests.filter((name) => name !== 'test/storage.test.ts' && name !== LOST);

/** Why the database-lost test cannot make its own cluster here, or undefined when it can. */
function ownClusterMissing() {
  if (process.getuid?.() !== 0) return 'not root (initdb runs as the postgres user through runuser)';
  const root = '/usr/lib/postgresql';
  const initdb = existsSync(root) && readdirSync(root).some((v) => existsSync(`${root}/${v}/bin/initdb`));
  if (!initdb) return 'no /usr/lib/postgresql/*/bin/initdb (apt-get install postgresql)';
  if (spawnSync('id', ['postgres']).status !== 0) return 'no postgres user';
  return undefined;
}

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: serverDir, stdio: 'inherit', env });
  return result.status === 0;
}

function suite(label, files, env) {
  console.log(`\n::: server suite on ${label}`);
  return run(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files], env);
}

/** The machine's PostgreSQL cluster as root on Debian: { url, stop } or a reason it cannot be used. */
function machineCluster() {
  if (process.getuid?.() !== 0) return { reason: 'not root, and DATABASE_URL is not set' };
  const list = spawnSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' });
  if (list.status !== 0) return { reason: 'pg_lsclusters is missing (apt-get install postgresql)' };
  const line = list.stdout.split('\n').find((l) => l.trim());
  if (!line) return { reason: 'no PostgreSQL cluster (pg_createcluster)' };
  const [version, name, port, status] = line.trim().split(/\s+/);
  const wasDown = status !== 'online';
  if (wasDown && !run('pg_ctlcluster', [version, name, 'start'])) {
    return { reason: `pg_ctlcluster ${version} ${name} start failed` };
  }
  const sql = `
    DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'licence_kit') THEN
        CREATE ROLE licence_kit LOGIN PASSWORD 'licence_kit';
      END IF;
    END $$;
    DROP DATABASE IF EXISTS licence_kit_test WITH (FORCE);
    CREATE DATABASE licence_kit_test OWNER licence_kit;`;
  const psql = spawnSync(
    'runuser',
    ['-u', 'postgres', '--', 'psql', '-q', '-p', port, '-v', 'ON_ERROR_STOP=1', '-d', 'postgres'],
    {
      input: sql,
      encoding: 'utf8',
    },
  );
  const stop = () => wasDown && run('pg_ctlcluster', [version, name, 'stop']);
  if (psql.status !== 0) {
    stop();
    return { reason: `could not create the test database: ${psql.stderr.trim()}` };
  }
  return {
    label: `PostgreSQL ${version} (the machine's cluster ${name}, port ${port})`,
    url: `postgres://licence_kit:licence_kit@127.0.0.1:${port}/licence_kit_test`,
    stop,
  };
}

if (!run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'])) process.exit(1);

const env = { ...process.env };
delete env.DATABASE_URL;
const results = [['PGlite', suite('PGlite (embedded)', onPglite, env)]];

let postgres;
if (process.env.DATABASE_URL) {
  postgres = { label: 'PostgreSQL (DATABASE_URL)', url: process.env.DATABASE_URL, stop: () => {} };
} else {
  postgres = machineCluster();
}
const lostMissing = ownClusterMissing();
if (postgres.url) {
  try {
    results.push([
      postgres.label,
      suite(postgres.label, lostMissing ? portable : [...portable, LOST], {
        ...process.env,
        DATABASE_URL: postgres.url,
      }),
    ]);
  } finally {
    postgres.stop();
  }
}

console.log('\n::: server suite');
for (const [label, ok] of results) console.log(`  ${ok ? 'passed' : 'FAILED'} on ${label}`);
if (!postgres.url) console.log(`  not run on PostgreSQL: ${postgres.reason}`);
console.log(`  ${LOST}: not run on PGlite (no database apart from the server's process to lose)`);
if (postgres.url && lostMissing) console.log(`  ${LOST}: not run on PostgreSQL: ${lostMissing}`);
else if (postgres.url)
  console.log(`  ${LOST}: ran on a PostgreSQL cluster of its own (initdb), stopped under load`);
process.exit(results.every(([, ok]) => ok) ? 0 : 1);
