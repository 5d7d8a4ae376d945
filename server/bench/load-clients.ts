// The write load of the load bench (and of its small profile in test/load.test.ts): a pool of
// clients, each doing load → change → commit against one account, over and over, for a time.
// A commit whose answer is lost (the client aborts some requests after sending them) is sent again
// with the SAME Idempotency-Key and body until an answer comes (node:http, so a request is dropped
// only once it is fully sent); a 409 reloads and rebases the same
// change (one count moved by a delta) on the new snapshot, under a new key. Every cart and how it
// ended is written to a ledger, which load-check.ts holds against the database afterwards.

import { Agent, request } from 'node:http';
import type { LicensingSnapshot } from '../../src/core/index.js';

/** One account of the run and the bearer token of a user who may change it. */
export interface LoadAccount {
  readonly id: string;
  readonly token: string;
}

export interface WriteLoadOptions {
  /** `http://127.0.0.1:PORT/api` */
  readonly api: string;
  readonly accounts: readonly LoadAccount[];
  /** Concurrent clients; client i works on account i mod accounts. */
  readonly clients: number;
  /** How long new carts are started; carts under way then are finished (retried to an answer). */
  readonly seconds: number;
  /** Share of commit attempts aborted by the client after sending (a lost answer), 0…1. */
  readonly loseRate?: number;
  /** Licence types the clients change. */
  readonly types?: readonly string[];
  /** How long a cart under way at the end may take to get its answer, in ms. Default 30 s. */
  readonly drainMs?: number;
}

/** How one cart (one intended change) ended. */
export type Outcome = 'accepted' | 'conflict' | 'refused' | 'unresolved';

/** One commit body as sent under one Idempotency-Key. */
export interface Cart {
  readonly account: string;
  readonly key: string;
  readonly typeId: string;
  /** The count in the snapshot the cart was made on (`If-Match` is its version). */
  readonly baseCount: number;
  readonly baseVersion: string;
  /** The count the cart sets. */
  readonly newCount: number;
  outcome: Outcome;
  /** The issue codes of a 422, or `conflict`, or the last failure of an unresolved cart. */
  reasons: string[];
  /** Attempts sent under this key (more than one: answers were lost). */
  attempts: number;
  lostAnswers: number;
  /** The version the accepted commit answered. */
  resultVersion?: string;
}

export interface WriteLoadResult {
  readonly carts: Cart[];
  /** Milliseconds of each commit attempt that got an answer. */
  readonly commitLatencies: number[];
  /** Milliseconds of each GET /licensing. */
  readonly loadLatencies: number[];
  /** Seconds from the first request to the last answer. */
  readonly elapsed: number;
  /**
   * Answers that settle nothing, sent again after a wait (`Retry-After` when given): 503 and 429
   * when the server's limits are on, anything else is a fault. `POST 503` → count.
   */
  readonly retried: Record<string, number>;
}

const DEFAULT_TYPES = ['voice', 'email', 'chat', 'sms', 'supervisor'];

type Answer = { status: number; body: unknown; retryAfter: string | undefined } | { lost: string };

/** Percentile `p` (0–100) of `values`, by nearest rank; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The wait before sending again: `Retry-After` (at most 5 s) or 50–150 ms, with some jitter. */
const backoff = (retryAfter: string | undefined): Promise<unknown> => {
  const asked = Number(retryAfter);
  return sleep(
    Number.isFinite(asked) && asked >= 0
      ? Math.min(5, asked) * 1000 + Math.random() * 250
      : 50 + Math.random() * 100,
  );
};

/** Runs the write load and answers its ledger. Resolves when every client has stopped. */
export async function runWriteLoad(options: WriteLoadOptions): Promise<WriteLoadResult> {
  const loseRate = options.loseRate ?? 0.1;
  const types = options.types ?? DEFAULT_TYPES;
  const carts: Cart[] = [];
  const commitLatencies: number[] = [];
  const loadLatencies: number[] = [];
  const retried: Record<string, number> = {};
  const started = performance.now();
  const stopAt = started + options.seconds * 1000;
  const drainUntil = stopAt + (options.drainMs ?? 30_000);

  // One keep-alive pool for the run, destroyed at the end so no socket outlives it.
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });

  /**
   * One request over node:http. With `loseAfterMs`, the request is sent in full and then the
   * connection is dropped that long after, answer or not: a lost answer, from the client's side.
   */
  function send(
    account: LoadAccount,
    method: 'GET' | 'POST',
    path: string,
    init: { headers?: Record<string, string>; body?: string; loseAfterMs?: number } = {},
  ): Promise<Answer> {
    const sent = performance.now();
    return new Promise<Answer>((resolve) => {
      let settled = false;
      const settle = (answer: Answer) => {
        if (settled) return;
        settled = true;
        resolve(answer);
      };
      const body = init.body === undefined ? undefined : Buffer.from(init.body);
      const req = request(`${options.api}${path}`, {
        method,
        agent,
        headers: {
          Authorization: `Bearer ${account.token}`,
          ...(body === undefined
            ? {}
            : { 'Content-Type': 'application/json', 'Content-Length': body.length }),
          ...init.headers,
        },
      });
      req.on('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', (error) => settle({ lost: error.message }));
        response.on('end', () => {
          if (settled) return;
          (method === 'GET' ? loadLatencies : commitLatencies).push(performance.now() - sent);
          const text = Buffer.concat(chunks).toString('utf8');
          const type = String(response.headers['content-type'] ?? '');
          settle({
            status: response.statusCode ?? 0,
            body: /json/.test(type) && text !== '' ? (JSON.parse(text) as unknown) : text,
            retryAfter: response.headers['retry-after'],
          });
        });
      });
      req.on('error', (error) => settle({ lost: error.message }));
      if (init.loseAfterMs !== undefined) {
        const loseAfterMs = init.loseAfterMs;
        // Only once the whole request is written: the server may well apply it.
        req.on('finish', () =>
          setTimeout(() => {
            if (settled) return;
            settle({ lost: 'answer lost' });
            req.destroy();
          }, loseAfterMs),
        );
      }
      req.end(body);
    });
  }

  /** GET /licensing until it answers 200 (or the drain time is over). */
  async function load(account: LoadAccount): Promise<LicensingSnapshot | undefined> {
    while (performance.now() < drainUntil) {
      const answer = await send(account, 'GET', '/licensing');
      if ('status' in answer && answer.status === 200) return answer.body as LicensingSnapshot;
      if ('lost' in answer) {
        await sleep(20);
        continue;
      }
      retried[`GET ${answer.status}`] = (retried[`GET ${answer.status}`] ?? 0) + 1;
      await backoff(answer.retryAfter);
    }
    return undefined;
  }

  /** Sends `cart` with its key until a definitive answer: 200, 409 or 422. */
  async function commit(account: LoadAccount, cart: Cart): Promise<void> {
    const body = JSON.stringify({ counts: { [cart.typeId]: cart.newCount } });
    const headers = { 'If-Match': `"${cart.baseVersion}"`, 'Idempotency-Key': cart.key };
    for (;;) {
      if (performance.now() > drainUntil) {
        cart.outcome = 'unresolved';
        return;
      }
      cart.attempts++;
      const lose = Math.random() < loseRate;
      const answer = await send(account, 'POST', '/licensing/changes', {
        headers,
        body,
        ...(lose ? { loseAfterMs: Math.random() * 15 } : {}),
      });
      if ('lost' in answer) {
        cart.lostAnswers++;
        cart.reasons = [answer.lost];
        await sleep(5 + Math.random() * 20);
        continue;
      }
      if (answer.status === 200) {
        cart.outcome = 'accepted';
        cart.reasons = [];
        cart.resultVersion = (answer.body as LicensingSnapshot).version;
        return;
      }
      if (answer.status === 409) {
        cart.outcome = 'conflict';
        cart.reasons = ['conflict'];
        return;
      }
      if (answer.status === 422) {
        const issues = (answer.body as { issues?: { code: string }[] }).issues ?? [];
        cart.outcome = 'refused';
        cart.reasons = issues.length ? issues.map((issue) => issue.code) : ['shape'];
        return;
      }
      // 503 or 429 (limits on) and anything else: counted, then the same key again after a wait.
      retried[`POST ${answer.status}`] = (retried[`POST ${answer.status}`] ?? 0) + 1;
      await backoff(answer.retryAfter);
    }
  }

  async function client(index: number): Promise<void> {
    const account = options.accounts[index % options.accounts.length]!;
    let cartNo = 0;
    while (performance.now() < stopAt) {
      cartNo++;
      // One intended change: move one type's count by a delta. A 409 rebases it on the new
      // snapshot (same type, same delta) under a new key, as a widget rebases its cart.
      const typeId = types[Math.floor(Math.random() * types.length)]!;
      const delta = [-3, -2, -1, 1, 2, 3, 4][Math.floor(Math.random() * 7)]!;
      for (let rebase = 0; ; rebase++) {
        const snapshot = await load(account);
        if (!snapshot) return;
        const line = snapshot.lines.find((l) => l.typeId === typeId);
        const baseCount = line?.count ?? 0;
        const cart: Cart = {
          account: account.id,
          key: `c${index}-k${cartNo}-r${rebase}`,
          typeId,
          baseCount,
          baseVersion: snapshot.version,
          newCount: Math.max(0, baseCount + delta),
          outcome: 'unresolved',
          reasons: [],
          attempts: 0,
          lostAnswers: 0,
        };
        carts.push(cart);
        await commit(account, cart);
        if (cart.outcome !== 'conflict' || performance.now() >= stopAt) break;
      }
    }
  }

  try {
    await Promise.all(Array.from({ length: options.clients }, (_, i) => client(i)));
  } finally {
    agent.destroy();
  }
  return {
    carts,
    commitLatencies,
    loadLatencies,
    elapsed: (performance.now() - started) / 1000,
    retried,
  };
}

/** Refusals by reason: `conflict`, the 422 issue codes, `unresolved`. */
export function refusalsByReason(carts: readonly Cart[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const cart of carts) {
    if (cart.outcome === 'accepted') continue;
    const reasons = cart.outcome === 'unresolved' ? ['unresolved'] : cart.reasons;
    for (const reason of reasons) counts[reason] = (counts[reason] ?? 0) + 1;
  }
  return counts;
}
