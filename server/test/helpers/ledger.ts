// Clients that keep committing carts through faults (a killed server, a lost database) and a
// ledger of what each cart's key was answered, then a check of the database against that ledger:
// every acknowledged cart applied exactly once, no refused cart left a trace, no commit half
// applied, and the audit log explains the counts.

import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { createDemoSeed } from '../../../src/adapters/memory/demo-data.js';
import type { LicensingSnapshot } from '../../../src/core/index.js';
import type { Database } from '../../src/db/database.js';
import { readSnapshot } from '../../src/store/snapshot.js';

/** The licence type every cart raises by one (max 2000 in the demo catalog, no dependencies). */
export const CART_TYPE = 'sms';

export interface FaultAccount {
  readonly id: string;
  readonly token: string;
}

/** Writes a seed file of `count` small accounts (ids and tokens unique to this run). */
export async function writeSeedFile(file: string, count: number, prefix: string): Promise<FaultAccount[]> {
  const run = randomUUID().slice(0, 8);
  const accounts = Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${run}-${i}`,
    token: `${prefix}-${run}-${i}-${randomUUID()}`,
  }));
  const { snapshot, agents, installationLicense } = createDemoSeed({ agents: 10 });
  const seed = {
    accounts: accounts.map(({ id, token }) => ({
      id,
      snapshot,
      agents,
      installationLicense,
      users: [{ token, name: 'Fault Tester', permission: 'update' }],
    })),
  };
  await writeFile(file, JSON.stringify(seed));
  return accounts;
}

type Outcome = 'sent' | 'acknowledged' | 'refused';

interface Cart {
  readonly accountId: string;
  outcome: Outcome;
  /** The version a 200 answered. */
  version?: string;
}

/** What happened on the wire while the clients ran. */
export interface WireFigures {
  carts: number;
  acknowledged: number;
  /** 409: another client's commit landed first; the cart was given up (and rebased as a new one). */
  refused: number;
  /** Requests that failed without an answer (connection refused or reset) and were sent again. */
  networkErrors: number;
  /** Answers by status, 2xx included. */
  statuses: Record<string, number>;
  /** Requests that had no answer within the client's timeout (a hang). */
  hung: number;
  /** Anything a client did not expect (a 500, a 422, a body without problem+json…). */
  unexpected: string[];
}

export class Ledger {
  readonly carts = new Map<string, Cart>();
  readonly figures: WireFigures = {
    carts: 0,
    acknowledged: 0,
    refused: 0,
    networkErrors: 0,
    statuses: {},
    hung: 0,
    unexpected: [],
  };
}

export interface ClientOptions {
  readonly account: FaultAccount;
  /** The server's current origin, or `undefined` while there is none (killed, restarting). */
  readonly origin: () => string | undefined;
  readonly stop: () => boolean;
  /** The run failed: give up at once, even on a cart in hand. */
  readonly aborted?: () => boolean;
  readonly ledger: Ledger;
  /** Longest a request may go unanswered before it counts as a hang. Default 20 s. */
  readonly requestTimeoutMs?: number;
  /** Longest one cart may take, retries included, before the client gives up. Default 120 s. */
  readonly cartDeadlineMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

/**
 * Sends the request until it is answered with something other than 503: on a network error (the
 * server is gone) or a 503 (its database is) it waits a little and sends the same request again.
 */
async function untilAnswered(
  options: ClientOptions,
  path: string,
  init: RequestInit,
  deadline: number,
): Promise<Answer> {
  const { ledger } = options;
  for (;;) {
    if (options.aborted?.()) throw new Error('aborted');
    if (Date.now() > deadline)
      throw new Error(`no answer to ${init.method ?? 'GET'} ${path} before the deadline`);
    const origin = options.origin();
    if (!origin) {
      await sleep(50);
      continue;
    }
    let response: Response;
    try {
      response = await fetch(`${origin}/api${path}`, {
        ...init,
        signal: AbortSignal.timeout(options.requestTimeoutMs ?? 20_000),
      });
    } catch (error) {
      if ((error as Error).name === 'TimeoutError') ledger.figures.hung++;
      else ledger.figures.networkErrors++;
      await sleep(50 + Math.random() * 100);
      continue;
    }
    const text = await response.text().catch(() => undefined);
    if (text === undefined) {
      ledger.figures.networkErrors++;
      continue;
    }
    const status = String(response.status);
    ledger.figures.statuses[status] = (ledger.figures.statuses[status] ?? 0) + 1;
    const type = response.headers.get('content-type') ?? '';
    const body = /json/.test(type) && text ? (JSON.parse(text) as unknown) : text;
    if (response.status >= 400 && !type.startsWith('application/problem+json')) {
      ledger.figures.unexpected.push(`${status} ${path} is not problem+json: ${text.slice(0, 200)}`);
    }
    if (response.status === 503) {
      if (!/^\d+$/.test(response.headers.get('retry-after') ?? '')) {
        ledger.figures.unexpected.push(`503 ${path} without Retry-After`);
      }
      // Retry-After says 2 s; a fault test retries sooner to keep its run short.
      await sleep(100 + Math.random() * 100);
      continue;
    }
    return { status: response.status, body, headers: response.headers };
  }
}

/**
 * `perAccount` cart clients on each account, started at once. A client that throws is written down
 * as unexpected (the run fails on it), so the returned promises never reject.
 */
export function startCartClients(
  accounts: readonly FaultAccount[],
  perAccount: number,
  options: Omit<ClientOptions, 'account'>,
): Promise<void>[] {
  return accounts.flatMap((account) =>
    Array.from({ length: perAccount }, () =>
      cartClient({ ...options, account }).catch((error: unknown) => {
        options.ledger.figures.unexpected.push(`client: ${(error as Error).message}`);
      }),
    ),
  );
}

/** One client: load → raise CART_TYPE by one → commit with a new key, until `stop()`. */
export async function cartClient(options: ClientOptions): Promise<void> {
  const { account, ledger } = options;
  const headers = { Authorization: `Bearer ${account.token}`, 'Content-Type': 'application/json' };
  while (!options.stop()) {
    const deadline = Date.now() + (options.cartDeadlineMs ?? 120_000);
    const loaded = await untilAnswered(options, '/licensing', { headers }, deadline);
    if (loaded.status !== 200) {
      ledger.figures.unexpected.push(
        `GET /licensing answered ${loaded.status}: ${JSON.stringify(loaded.body)}`,
      );
      return;
    }
    const snapshot = loaded.body as LicensingSnapshot;
    const count = snapshot.lines.find((line) => line.typeId === CART_TYPE)?.count ?? 0;
    const key = `cart-${randomUUID()}`;
    const cart: Cart = { accountId: account.id, outcome: 'sent' };
    ledger.carts.set(key, cart);
    ledger.figures.carts++;
    // The same key, body and If-Match on every send of this cart, as RestAdapter retries.
    const init: RequestInit = {
      method: 'POST',
      headers: { ...headers, 'If-Match': `"${snapshot.version}"`, 'Idempotency-Key': key },
      body: JSON.stringify({ counts: { [CART_TYPE]: count + 1 } }),
    };
    const answer = await untilAnswered(options, '/licensing/changes', init, deadline);
    if (answer.status === 200) {
      cart.outcome = 'acknowledged';
      cart.version = (answer.body as LicensingSnapshot).version;
      ledger.figures.acknowledged++;
    } else if (answer.status === 409) {
      cart.outcome = 'refused';
      ledger.figures.refused++;
    } else {
      ledger.figures.unexpected.push(`commit answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      return;
    }
  }
}

/** What the database holds, checked against the ledger. */
export interface StoredFigures {
  accounts: number;
  auditRows: number;
  /** Acknowledged carts the database does not hold (or holds at another version). Must be 0. */
  lostAcknowledgements: number;
  /** Keys with more than one audit row. Must be 0. */
  doubleApplications: number;
  /** Refused carts found in the audit log or the idempotency keys. Must be 0. */
  refusedWithTrace: number;
  /** Breaks of the audit chain, of the counts it explains, or of the keys it lists. Must be 0. */
  halfApplied: number;
  /** What each problem was, for the failure message. */
  problems: string[];
}

const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;
const countOf = (snapshot: LicensingSnapshot) =>
  snapshot.lines.find((line) => line.typeId === CART_TYPE)?.count ?? 0;
/** The lines as text, whatever order jsonb kept their fields in. */
const linesKey = (snapshot: LicensingSnapshot) =>
  snapshot.lines.map((l) => `${l.typeId}:${l.count}:${l.inUse}:${l.peak}`).join(' ');
const versionNumber = (version: string) => Number(/(\d+)$/.exec(version)?.[1]);

/** Checks every account of `accounts` in `db` against `ledger`. */
export async function verifyLedger(
  db: Database,
  accounts: readonly FaultAccount[],
  ledger: Ledger,
): Promise<StoredFigures> {
  const figures: StoredFigures = {
    accounts: accounts.length,
    auditRows: 0,
    lostAcknowledgements: 0,
    doubleApplications: 0,
    refusedWithTrace: 0,
    halfApplied: 0,
    problems: [],
  };
  const broken = (what: keyof StoredFigures & string, detail: string) => {
    (figures[what] as number)++;
    figures.problems.push(`${what}: ${detail}`);
  };
  for (const account of accounts) {
    const rows = (
      await db.query<{ idempotency_key: string; before: unknown; after: unknown }>(
        'SELECT idempotency_key, before, after FROM audit_log WHERE account_id = $1 ORDER BY id',
        [account.id],
      )
    ).map((row) => ({
      key: row.idempotency_key,
      before: json<LicensingSnapshot>(row.before),
      after: json<LicensingSnapshot>(row.after),
    }));
    figures.auditRows += rows.length;
    const keys = new Set(
      (
        await db.query<{ key: string }>('SELECT key FROM idempotency_keys WHERE account_id = $1', [
          account.id,
        ])
      ).map((row) => row.key),
    );
    const current = await readSnapshot(db, account.id, 'update');
    if (!current) throw new Error(`account ${account.id} is gone`);

    const seen = new Map<string, number>();
    for (const row of rows) seen.set(row.key, (seen.get(row.key) ?? 0) + 1);
    for (const [key, times] of seen) {
      if (times > 1) broken('doubleApplications', `${account.id}: ${key} applied ${times} times`);
      if (!keys.has(key)) broken('halfApplied', `${account.id}: ${key} audited without its idempotency key`);
      if (!ledger.carts.has(key)) broken('halfApplied', `${account.id}: ${key} was never sent`);
    }
    for (const key of keys) {
      if (!seen.has(key)) broken('halfApplied', `${account.id}: idempotency key ${key} without an audit row`);
    }
    for (const [key, cart] of ledger.carts) {
      if (cart.accountId !== account.id) continue;
      const row = rows.find((r) => r.key === key);
      if (cart.outcome === 'acknowledged' && (!row || row.after.version !== cart.version)) {
        broken(
          'lostAcknowledgements',
          `${account.id}: ${key} answered ${cart.version}, stored ${row?.after.version}`,
        );
      }
      if (cart.outcome === 'refused' && (row || keys.has(key))) {
        broken('refusedWithTrace', `${account.id}: ${key} was refused but is stored`);
      }
    }
    // The chain: each commit starts where the previous ended, raises the count by one, and the
    // last one is what the tables hold now.
    rows.forEach((row, i) => {
      const previous = rows[i - 1];
      if (previous && row.before.version !== previous.after.version) {
        broken(
          'halfApplied',
          `${account.id}: ${row.key} starts at ${row.before.version}, not ${previous.after.version}`,
        );
      }
      if (previous && countOf(row.before) !== countOf(previous.after)) {
        broken(
          'halfApplied',
          `${account.id}: ${row.key} starts from another count than the previous commit left`,
        );
      }
      if (countOf(row.after) !== countOf(row.before) + 1) {
        broken('halfApplied', `${account.id}: ${row.key} did not raise ${CART_TYPE} by one`);
      }
      if (versionNumber(row.after.version) !== versionNumber(row.before.version) + 1) {
        broken('halfApplied', `${account.id}: ${row.key} moved the version by other than one`);
      }
    });
    const last = rows.at(-1);
    if (last) {
      if (current.version !== last.after.version) {
        broken(
          'halfApplied',
          `${account.id}: at ${current.version}, the last commit left ${last.after.version}`,
        );
      }
      if (linesKey(current) !== linesKey(last.after)) {
        broken('halfApplied', `${account.id}: the lines differ from what the last commit left`);
      }
      const first = rows[0]!;
      if (countOf(current) !== countOf(first.before) + rows.length) {
        broken(
          'halfApplied',
          `${account.id}: ${CART_TYPE} is not the seed's count plus one per audited commit`,
        );
      }
    }
  }
  return figures;
}
