// A PostgreSQL cluster of the test's own, which it may stop and start (never the machine's): made
// with Debian's initdb as the `postgres` user (initdb refuses root) in a temporary folder, on its
// own port, and removed in the end. scripts/test.mjs asks `ownClusterSupport()` first and says
// plainly why when the database-lost test cannot run.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The folder of Debian's PostgreSQL programs (`/usr/lib/postgresql/15/bin`), newest first. */
function binDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

/** Whether this machine lets a test make and stop a cluster of its own, and if not, why. */
export function ownClusterSupport(): { ok: true; bin: string } | { ok: false; reason: string } {
  if (process.getuid?.() !== 0)
    return { ok: false, reason: 'not root (initdb runs as the postgres user through runuser)' };
  const bin = binDir();
  if (!bin) return { ok: false, reason: 'no /usr/lib/postgresql/*/bin/initdb (apt-get install postgresql)' };
  if (spawnSync('id', ['postgres']).status !== 0) return { ok: false, reason: 'no postgres user' };
  return { ok: true, bin };
}

export interface OwnCluster {
  /** `postgres://postgres@127.0.0.1:PORT/postgres` (trust authentication, loopback only). */
  readonly url: string;
  start(): void;
  /** `fast`: sessions are ended and the server shuts down; `immediate`: as if it crashed. */
  stop(mode?: 'fast' | 'immediate'): void;
  /** Stops it if it runs and removes its folder. */
  destroy(): void;
}

export function createOwnCluster(port: number): OwnCluster {
  const support = ownClusterSupport();
  if (!support.ok) throw new Error(`cannot make a PostgreSQL cluster: ${support.reason}`);
  const asPostgres = (program: string, args: readonly string[]) =>
    execFileSync('runuser', ['-u', 'postgres', '--', join(support.bin, program), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
    });
  const dir = mkdtempSync(join(tmpdir(), 'licence-kit-pg-'));
  execFileSync('chown', ['postgres:postgres', dir]);
  const data = join(dir, 'data');
  let running = false;
  asPostgres('initdb', ['-D', data, '--auth=trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;
  const cluster: OwnCluster = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start() {
      asPostgres('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
      running = true;
    },
    stop(mode = 'fast') {
      asPostgres('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '60', 'stop']);
      running = false;
    },
    destroy() {
      try {
        // Whatever state it is in (a start that failed half way too).
        if (running || existsSync(join(data, 'postmaster.pid'))) cluster.stop('immediate');
      } catch {
        // Already down.
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  return cluster;
}
