// After a load run: the ledger the clients kept (load-clients.ts) held against the database, for
// every account. What must hold, whatever the interleaving, lost answers and retries:
// - each count equals the seed plus the sum of the accepted changes (and the lines equal the seed
//   with the accepted carts applied in version order by the rule book's `applyDraft`);
// - the peak is the highest count ever set;
// - the version moved once per accepted cart, each accepted cart answered its own version, and the
//   audit log has exactly one row per accepted commit (its key, its change, consecutive versions);
// - no cart was applied twice, and no cart the clients saw refused (409, 422) or never answered left
//   a trace: no audit row, no stored Idempotency-Key.

import { applyDraft, type LicensingSnapshot } from '../../src/core/index.js';
import { num, type Sql } from '../src/db/database.js';
import type { Cart } from './load-clients.js';

export interface LoadCheck {
  /** Everything that does not hold; empty when the run kept every rule. */
  readonly violations: string[];
  readonly accounts: number;
  readonly acceptedCarts: number;
  readonly auditRows: number;
}

const versionNumber = (label: string): number => Number(/(\d+)$/.exec(label)?.[1] ?? NaN);

/**
 * Checks the database `db` against `carts`, for the accounts of `baseline` (each account's
 * snapshot as loaded before the run, by a user who may change it).
 */
export async function checkLoad(
  db: Sql,
  baseline: ReadonlyMap<string, LicensingSnapshot>,
  carts: readonly Cart[],
): Promise<LoadCheck> {
  const violations: string[] = [];
  let acceptedCarts = 0;
  let auditRows = 0;
  const fail = (account: string, message: string) => {
    if (violations.length < 200) violations.push(`${account}: ${message}`);
  };

  for (const [account, seed] of baseline) {
    const mine = carts.filter((cart) => cart.account === account);
    const accepted = mine
      .filter((cart) => cart.outcome === 'accepted')
      .sort((a, b) => versionNumber(a.resultVersion!) - versionNumber(b.resultVersion!));
    acceptedCarts += accepted.length;
    const seedVersion = versionNumber(seed.version);

    // The version moved once per accepted cart, and each accepted cart has a version of its own.
    const [row] = await db.query<{ version: unknown }>('SELECT version FROM accounts WHERE id = $1', [
      account,
    ]);
    const version = num(row?.version);
    if (version !== seedVersion + accepted.length) {
      fail(account, `version ${version}, expected ${seedVersion} + ${accepted.length} accepted carts`);
    }
    accepted.forEach((cart, i) => {
      if (versionNumber(cart.resultVersion!) !== seedVersion + i + 1) {
        fail(
          account,
          `accepted cart ${cart.key} answered ${cart.resultVersion}, expected v${seedVersion + i + 1}`,
        );
      }
      if (versionNumber(cart.baseVersion) !== seedVersion + i) {
        fail(account, `accepted cart ${cart.key} was made on ${cart.baseVersion}, not the version before it`);
      }
    });

    // Counts: the seed plus the sum of the accepted changes; peaks: the highest count ever set.
    const lines = await db.query<{ type_id: string; count: unknown; peak: unknown }>(
      'SELECT type_id, count, peak FROM licence_lines WHERE account_id = $1',
      [account],
    );
    const stored = new Map(lines.map((l) => [l.type_id, { count: num(l.count), peak: num(l.peak) }]));
    for (const typeId of new Set(mine.map((cart) => cart.typeId))) {
      const seedLine = seed.lines.find((l) => l.typeId === typeId);
      const changes = accepted.filter((cart) => cart.typeId === typeId);
      const expectedCount =
        (seedLine?.count ?? 0) + changes.reduce((sum, cart) => sum + cart.newCount - cart.baseCount, 0);
      const expectedPeak = Math.max(
        seedLine?.peak ?? 0,
        accepted.length ? (seedLine?.count ?? 0) : 0,
        ...changes.map((cart) => cart.newCount),
      );
      const line = stored.get(typeId);
      if (line?.count !== expectedCount) {
        fail(account, `${typeId} count ${line?.count}, expected seed + accepted changes = ${expectedCount}`);
      }
      if (line?.peak !== expectedPeak) {
        fail(account, `${typeId} peak ${line?.peak}, expected the highest count set = ${expectedPeak}`);
      }
    }
    // Every line: the seed with the accepted carts applied in order by the rule book.
    const replayed = accepted.reduce(
      (snapshot, cart) => applyDraft(snapshot, { counts: { [cart.typeId]: cart.newCount } }),
      seed,
    );
    for (const line of replayed.lines) {
      const got = stored.get(line.typeId);
      if (got?.count !== line.count || got.peak !== line.peak) {
        fail(
          account,
          `${line.typeId} is ${JSON.stringify(got)}, the replayed carts give ${JSON.stringify({ count: line.count, peak: line.peak })}`,
        );
      }
    }

    // The audit log: one row per accepted commit, in version order, with its key and change.
    const audit = await db.query<{ key: string; changes: unknown; before: string; after: string }>(
      `SELECT idempotency_key AS key, changes::text AS changes,
              before->>'version' AS before, after->>'version' AS after
         FROM audit_log WHERE account_id = $1 ORDER BY id`,
      [account],
    );
    auditRows += audit.length;
    if (audit.length !== accepted.length) {
      fail(account, `${audit.length} audit rows for ${accepted.length} accepted carts`);
    }
    const auditKeys = new Map<string, number>();
    for (const entry of audit) auditKeys.set(entry.key, (auditKeys.get(entry.key) ?? 0) + 1);
    for (const [key, times] of auditKeys) if (times > 1) fail(account, `cart ${key} applied ${times} times`);
    audit.forEach((entry, i) => {
      const cart = accepted[i];
      if (!cart) return;
      if (entry.key !== cart.key) fail(account, `audit row ${i + 1} is ${entry.key}, expected ${cart.key}`);
      if (entry.before !== `v${seedVersion + i}` || entry.after !== `v${seedVersion + i + 1}`) {
        fail(
          account,
          `audit row ${i + 1} goes ${entry.before} → ${entry.after}, expected consecutive versions`,
        );
      }
      const changes = JSON.parse(String(entry.changes)) as { counts?: Record<string, number> };
      if (changes.counts?.[cart.typeId] !== cart.newCount || Object.keys(changes.counts).length !== 1) {
        fail(account, `audit row of ${cart.key} holds ${String(entry.changes)}, not the cart sent`);
      }
    });

    // A refused or unanswered cart left no trace; every accepted cart's key is kept (for repeats).
    const keys = new Set(
      (
        await db.query<{ key: string }>('SELECT key FROM idempotency_keys WHERE account_id = $1', [account])
      ).map((k) => k.key),
    );
    for (const cart of mine) {
      const traced = keys.has(cart.key) || auditKeys.has(cart.key);
      if (cart.outcome === 'accepted' && !keys.has(cart.key))
        fail(account, `accepted cart ${cart.key} has no stored key`);
      if (cart.outcome !== 'accepted' && traced) {
        fail(account, `cart ${cart.key}, ${cart.outcome} (${cart.reasons.join(', ')}), left a trace`);
      }
    }
    if (keys.size !== accepted.length)
      fail(account, `${keys.size} stored keys for ${accepted.length} accepted carts`);
  }
  return { violations, accounts: baseline.size, acceptedCarts, auditRows };
}
