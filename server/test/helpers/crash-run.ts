// The crash run shared by test/crash.test.ts (a few crashes) and bench/crash.mjs (20): the server
// is a child process on a PGlite data folder (or on DATABASE_URL), clients keep committing carts,
// the server is killed with SIGKILL while commits are in flight and started again on the same
// data, the clients send each unanswered cart again with the same Idempotency-Key, and in the end
// the database is checked against what every client was answered.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/db/open.js';
import {
  Ledger,
  startCartClients,
  verifyLedger,
  writeSeedFile,
  type StoredFigures,
  type WireFigures,
} from './ledger.js';
import { killAll, startServerProcess, type ServerProcess } from './server-process.js';

export interface CrashRunOptions {
  readonly crashes: number;
  readonly accounts: number;
  /** Clients per account (more than one: they also race each other, 409 and rebase). */
  readonly clientsPerAccount: number;
  /** Carts acknowledged after each (re)start before the next kill, which comes 0–200 ms later. */
  readonly commitsBetweenCrashes: number;
  /** A PostgreSQL URL, or undefined for PGlite in a fresh data folder. */
  readonly databaseUrl?: string | undefined;
  /** Progress lines (the bench prints them). */
  readonly log?: (line: string) => void;
}

export interface CrashRunResult {
  readonly database: string;
  readonly crashes: number;
  /** How long each restart took until the server listened again, ms. */
  readonly restartMs: readonly number[];
  /** Carts sent and not yet answered at each kill (what the kill cut off). */
  readonly inFlightAtKill: readonly number[];
  readonly wire: WireFigures;
  readonly stored: StoredFigures;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function crashRun(options: CrashRunOptions): Promise<CrashRunResult> {
  const log = options.log ?? (() => undefined);
  const dir = await mkdtemp(join(tmpdir(), 'licence-kit-crash-'));
  const dataDir = join(dir, 'data');
  const env = { ...process.env };
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  else delete env.DATABASE_URL;
  const ledger = new Ledger();
  let server: ServerProcess | undefined;
  let stopping = false;
  let aborted = false;
  const clients: Promise<void>[] = [];
  try {
    const seedFile = join(dir, 'seed.json');
    const accounts = await writeSeedFile(seedFile, options.accounts, 'crash');
    // Seeded on the first start only: a start with --seed replaces the accounts' data.
    server = await startServerProcess(['--data', dataDir, '--seed', seedFile], env);
    let origin: string | undefined = server.url;
    clients.push(
      ...startCartClients(accounts, options.clientsPerAccount, {
        ledger,
        origin: () => origin,
        stop: () => stopping,
        aborted: () => aborted,
      }),
    );
    const restartMs: number[] = [];
    const inFlightAtKill: number[] = [];
    const inFlight = () => [...ledger.carts.values()].filter((cart) => cart.outcome === 'sent').length;
    const commits = async () => {
      const target = ledger.figures.acknowledged + options.commitsBetweenCrashes;
      const deadline = Date.now() + 60_000;
      while (ledger.figures.acknowledged < target && Date.now() < deadline) await sleep(20);
      await sleep(Math.random() * 200);
    };
    for (let crash = 1; crash <= options.crashes; crash++) {
      await commits();
      const before = ledger.figures.acknowledged;
      inFlightAtKill.push(inFlight());
      origin = undefined;
      server.child.kill('SIGKILL');
      await server.exited();
      const started = Date.now();
      server = await startServerProcess(['--data', dataDir], env);
      restartMs.push(Date.now() - started);
      origin = server.url;
      log(
        `crash ${crash}/${options.crashes}: ${inFlightAtKill.at(-1)} carts in flight, ${before} acknowledged so far; restarted in ${restartMs.at(-1)} ms`,
      );
    }
    // Some load on the last start too, then every client finishes the cart it has in hand.
    await commits();
    stopping = true;
    await Promise.all(clients);
    server.child.kill('SIGTERM');
    await server.exited();
    server = undefined;

    const db = await openDatabase({ databaseUrl: options.databaseUrl, dataDir });
    let stored: StoredFigures;
    try {
      stored = await verifyLedger(db, accounts, ledger);
    } finally {
      await db.close();
    }
    return {
      database: options.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : 'PGlite (data folder)',
      crashes: options.crashes,
      restartMs,
      inFlightAtKill,
      wire: ledger.figures,
      stored,
    };
  } finally {
    stopping = true;
    aborted = true;
    await killAll();
    await Promise.allSettled(clients);
    await rm(dir, { recursive: true, force: true });
  }
}
