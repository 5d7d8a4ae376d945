// `node bench/crash.mjs [--crashes 20] [--accounts 4] [--clients 2] [--commits 5]` (in server/):
// the full-size crash run of server/bench/README.md, "Faults". The server is a child process on a
// fresh PGlite folder (or on DATABASE_URL); it is killed with SIGKILL while commits are in flight
// and started again, N times; the clients resend every unanswered cart with the same
// Idempotency-Key; then the database is checked against every answer. Loopback only; every child
// is killed on the way out. Exits 1 when an acknowledgement was lost, a cart applied twice, or a
// commit half applied.

import process from 'node:process';
import { parseArgs } from 'node:util';
import { register } from 'tsx/esm/api';

register();
const { crashRun } = await import('../test/helpers/crash-run.ts');

const { values } = parseArgs({
  options: {
    crashes: { type: 'string', default: '20' },
    accounts: { type: 'string', default: '4' },
    clients: { type: 'string', default: '2' },
    commits: { type: 'string', default: '5' },
  },
});

const databaseUrl = process.env.DATABASE_URL || undefined;
const started = Date.now();
const result = await crashRun({
  crashes: Number(values.crashes),
  accounts: Number(values.accounts),
  clientsPerAccount: Number(values.clients),
  commitsBetweenCrashes: Number(values.commits),
  databaseUrl,
  log: (line) => console.log(line),
});
const { wire, stored } = result;
const sorted = [...result.restartMs].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
const rows = [
  ['database', result.database],
  ['crashes (SIGKILL, restart on the same data)', result.crashes],
  ['carts sent', wire.carts],
  ['carts in flight at the kills (sum)', result.inFlightAtKill.reduce((a, b) => a + b, 0)],
  ['requests cut off and sent again', wire.networkErrors],
  ['acknowledged commits (200)', wire.acknowledged],
  ['refused (409, another client first)', wire.refused],
  ['audit rows', stored.auditRows],
  ['lost acknowledgements (must be 0)', stored.lostAcknowledgements],
  ['double applications (must be 0)', stored.doubleApplications],
  ['half-applied commits (must be 0)', stored.halfApplied],
  ['refused carts with a trace (must be 0)', stored.refusedWithTrace],
  ['hung requests (must be 0)', wire.hung],
  ['unexpected answers (must be 0)', wire.unexpected.length],
  ['restart to listening, median / max ms', `${median} / ${sorted.at(-1) ?? 0}`],
  ['run time, s', Math.round((Date.now() - started) / 1000)],
];
console.log('\n| figure | measured |\n| --- | --- |');
for (const [figure, value] of rows) console.log(`| ${figure} | ${value} |`);
for (const problem of [...stored.problems, ...wire.unexpected]) console.log(`! ${problem}`);
const bad =
  stored.lostAcknowledgements +
  stored.doubleApplications +
  stored.halfApplied +
  stored.refusedWithTrace +
  wire.hung +
  wire.unexpected.length;
process.exit(bad === 0 ? 0 : 1);
