// What changed in an account, shared between server processes through PostgreSQL's LISTEN/NOTIFY:
// migration 006 announces every move of an account's version on `licensing_events` when its
// transaction commits; each process listens once (from its first open stream on) and hands each
// notice to the streams of that account. The catch-up for a stream that resumes (`Last-Event-ID`)
// is read from the audit log, which keeps every accepted commit's change set.
//
// The listening connection can be lost (PostgreSQL restarts, an administrator ends the backend,
// the pool is replaced). postgres.js listens again by itself when it can at once, but notices sent
// in between are gone, and when it cannot it gives up. So while streams are open on PostgreSQL the
// hub checks its own line every few seconds (a NOTIFY of a probe of its own that it must hear back
// before the next check); a probe not heard, or postgres.js saying it listens again, is a gap: the
// hub listens afresh (retrying with backoff while the database is away) and then tells every
// subscriber, which reads what it missed from the audit log.

import type { ChangeSet } from '../../../src/core/index.js';
import type { Database, Sql } from './database.js';
import { accountVersion, versionLabel } from '../store/snapshot.js';

/** The channel migration 006's trigger notifies. */
export const EVENTS_CHANNEL = 'licensing_events';

/** Most audit rows one resume sends; a client further behind reloads from the last one anyway. */
const CATCH_UP_LIMIT = 1000;

/** One event of `GET /licensing/events` (docs/openapi.yaml, `LicensingEvent`). */
export interface LicensingEvent {
  /** The account's version after the change, also the event's `id`. */
  readonly version: string;
  /** The accepted commit's change set; absent when the version moved otherwise or on the first event. */
  readonly changes?: ChangeSet;
}

/** `v7` → 7; `undefined` for anything else. */
export function versionNumber(label: string): number | undefined {
  const match = /^v(\d{1,15})$/.exec(label);
  return match ? Number(match[1]) : undefined;
}

interface Notice {
  account: string;
  version: string;
  changes?: ChangeSet | null;
  large?: boolean;
  /** The account was replaced (seeded again, the demo's Reset): its version may have gone back. */
  reset?: boolean;
}

function parseNotice(payload: string): Notice | undefined {
  try {
    const value = JSON.parse(payload) as Partial<Notice> | null;
    if (typeof value?.account !== 'string' || typeof value.version !== 'string') return undefined;
    return value as Notice;
  } catch {
    return undefined;
  }
}

type Listener = (event: LicensingEvent) => void;

interface Subscriber {
  readonly listener: Listener;
  /** Notices may have been lost (the hub listens again): read what was missed. */
  readonly onGap: () => void;
  /** The account was replaced: what a stream sent no longer leads up to its version. */
  readonly onReset: () => void;
}

/**
 * The accepted commits of account `$1` after version number `$2` up to `$3`, in order: a range of
 * the index on (account_id, version_number) (migration 010).
 */
export const CATCH_UP_SQL = `SELECT after ->> 'version' AS version, changes FROM audit_log
  WHERE account_id = $1 AND version_number > $2 AND version_number <= $3
  ORDER BY version_number, id LIMIT ${CATCH_UP_LIMIT}`;

/** How often the hub checks its listening connection while streams are open (PostgreSQL only). */
export const DEFAULT_PROBE_MS = 5000;
/** First and longest wait between attempts to listen again. */
const RELISTEN_FIRST_MS = 250;
const RELISTEN_MAX_MS = 5000;

/** The change set of the commit that left `accountId` at `version`, from the audit log. */
async function changesAt(sql: Sql, accountId: string, version: string): Promise<ChangeSet | undefined> {
  const [row] = await sql.query<{ changes: ChangeSet | string }>(
    `SELECT changes FROM audit_log WHERE account_id = $1 AND after ->> 'version' = $2 ORDER BY id DESC LIMIT 1`,
    [accountId, version],
  );
  if (!row) return undefined;
  return typeof row.changes === 'string' ? (JSON.parse(row.changes) as ChangeSet) : row.changes;
}

/** The process's one listener on `licensing_events`, fanning notices out per account. */
export class LicensingEventHub {
  private readonly listeners = new Map<string, Set<Subscriber>>();
  private listening: Promise<() => Promise<void>> | undefined;
  /** Moved on when the hub listens afresh: notices of an older registration are ignored. */
  private generation = 0;
  private relistening: Promise<void> | undefined;
  private probe: { timer: NodeJS.Timeout; waiting: string | undefined } | undefined;
  private probes = 0;
  /** Notices are delivered in the order they came, also when one must read the audit log. */
  private delivery: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly probeMs: number;

  constructor(
    private readonly db: Database,
    { probeMs = DEFAULT_PROBE_MS }: { probeMs?: number } = {},
  ) {
    this.probeMs = probeMs;
  }

  /**
   * Calls `listener` with every change of `accountId`'s version from now on, `onGap` whenever
   * notices may have been lost since, and `onReset` when the account is replaced (store/seed.ts);
   * resolves, once the process listens, to the function that stops it.
   */
  async subscribe(
    accountId: string,
    listener: Listener,
    onGap: () => void = () => undefined,
    onReset: () => void = () => undefined,
  ): Promise<() => void> {
    if (this.closed) throw new Error('The event hub is closed.');
    // A database that could not be reached is asked again by the next stream, not given up on.
    await this.listen();
    const subscriber: Subscriber = { listener, onGap, onReset };
    let set = this.listeners.get(accountId);
    if (!set) this.listeners.set(accountId, (set = new Set()));
    set.add(subscriber);
    this.startProbing();
    return () => {
      set.delete(subscriber);
      if (set.size === 0 && this.listeners.get(accountId) === set) this.listeners.delete(accountId);
      if (this.listeners.size === 0) this.stopProbing();
    };
  }

  /** Listens unless it does; rejects when the database cannot be reached. */
  private listen(): Promise<() => Promise<void>> {
    if (this.listening) return this.listening;
    const generation = this.generation;
    const mine = () => generation === this.generation && !this.closed;
    const listening = this.db.listen(
      EVENTS_CHANNEL,
      (payload) => {
        if (mine()) this.receive(payload);
      },
      () => {
        if (mine()) this.gap();
      },
    );
    this.listening = listening;
    listening.catch(() => {
      if (this.listening === listening) this.listening = undefined;
    });
    return listening;
  }

  private startProbing(): void {
    if (this.probe || this.db.kind !== 'postgres') return;
    const probe: { timer: NodeJS.Timeout; waiting: string | undefined } = {
      timer: setInterval(() => this.check(probe), this.probeMs),
      waiting: undefined,
    };
    probe.timer.unref();
    this.probe = probe;
  }

  private stopProbing(): void {
    if (this.probe) clearInterval(this.probe.timer);
    this.probe = undefined;
  }

  /** The last probe must have come back; then the next one goes out. */
  private check(probe: { waiting: string | undefined }): void {
    if (this.relistening) return;
    if (probe.waiting !== undefined) {
      probe.waiting = undefined;
      this.gap();
      return;
    }
    const token = `${process.pid}-${++this.probes}-${Math.random().toString(36).slice(2)}`;
    probe.waiting = token;
    // A database that does not answer leaves the probe unheard: the next check sees the gap.
    this.db
      .query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, JSON.stringify({ probe: token })])
      .catch(() => undefined);
  }

  /** Notices may have been lost: listen afresh (with backoff), then tell every subscriber. */
  private gap(): void {
    if (this.relistening || this.closed) return;
    this.generation++;
    const old = this.listening;
    this.listening = undefined;
    old?.then((unlisten) => unlisten()).catch(() => undefined);
    const relistening = (async () => {
      let wait = RELISTEN_FIRST_MS;
      while (!this.closed && this.listeners.size > 0) {
        try {
          await this.listen();
          break;
        } catch {
          await new Promise((resolve) => setTimeout(resolve, wait).unref());
          wait = Math.min(wait * 2, RELISTEN_MAX_MS);
        }
      }
    })();
    this.relistening = relistening.finally(() => {
      this.relistening = undefined;
      if (this.closed) return;
      for (const set of [...this.listeners.values()]) for (const subscriber of [...set]) subscriber.onGap();
    });
  }

  /**
   * What a stream that last saw `after` (a version number; `undefined` for a new stream) missed:
   * each accepted commit since, from the audit log, then the current version when no commit
   * accounts for it (a new billing month) or nothing was missed. The last event is always the
   * current version. Empty when the account is gone.
   */
  async catchUp(accountId: string, after: number | undefined): Promise<LicensingEvent[]> {
    const current = await accountVersion(this.db, accountId);
    if (current === undefined) return [];
    const events: LicensingEvent[] = [];
    if (after !== undefined && after < current) {
      const rows = await this.db.query<{ version: string; changes: ChangeSet | string }>(CATCH_UP_SQL, [
        accountId,
        after,
        current,
      ]);
      for (const row of rows) {
        const changes =
          typeof row.changes === 'string' ? (JSON.parse(row.changes) as ChangeSet) : row.changes;
        events.push({ version: row.version, changes });
      }
    }
    const last = events.at(-1);
    if (!last || versionNumber(last.version) !== current) events.push({ version: versionLabel(current) });
    return events;
  }

  /** Stops listening; streams still open are the HTTP layer's to end. */
  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    this.stopProbing();
    const listening = this.listening;
    this.listening = undefined;
    // With the database away, unlistening rejects: shutting down must not fail on it.
    if (listening) await listening.then((unlisten) => unlisten()).catch(() => undefined);
  }

  private receive(payload: string): void {
    if (this.probe?.waiting !== undefined && payload === JSON.stringify({ probe: this.probe.waiting })) {
      this.probe.waiting = undefined;
      return;
    }
    const notice = parseNotice(payload);
    if (!notice || !this.listeners.has(notice.account)) return;
    this.delivery = this.delivery
      .then(async () => {
        if (notice.reset) {
          for (const subscriber of [...(this.listeners.get(notice.account) ?? [])]) subscriber.onReset();
          return;
        }
        let changes = notice.changes ?? undefined;
        if (notice.large)
          changes = await changesAt(this.db, notice.account, notice.version).catch(() => undefined);
        const event: LicensingEvent = changes
          ? { version: notice.version, changes }
          : { version: notice.version };
        for (const subscriber of [...(this.listeners.get(notice.account) ?? [])]) subscriber.listener(event);
      })
      .catch(() => undefined);
  }
}
