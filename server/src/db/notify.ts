// What changed in an account, shared between server processes through PostgreSQL's LISTEN/NOTIFY:
// migration 006 announces every move of an account's version on `licensing_events` when its
// transaction commits; each process listens once (from its first open stream on) and hands each
// notice to the streams of that account. The catch-up for a stream that resumes (`Last-Event-ID`)
// is read from the audit log, which keeps every accepted commit's change set.

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
  private readonly listeners = new Map<string, Set<Listener>>();
  private listening: Promise<() => Promise<void>> | undefined;
  /** Notices are delivered in the order they came, also when one must read the audit log. */
  private delivery: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly db: Database) {}

  /**
   * Calls `listener` with every change of `accountId`'s version from now on; resolves, once the
   * process listens, to the function that stops it.
   */
  async subscribe(accountId: string, listener: Listener): Promise<() => void> {
    if (this.closed) throw new Error('The event hub is closed.');
    const listening = (this.listening ??= this.db.listen(EVENTS_CHANNEL, (payload) => this.receive(payload)));
    // A database that could not be reached is asked again by the next stream, not given up on.
    await listening.catch((error: unknown) => {
      if (this.listening === listening) this.listening = undefined;
      throw error;
    });
    let set = this.listeners.get(accountId);
    if (!set) this.listeners.set(accountId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(accountId) === set) this.listeners.delete(accountId);
    };
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
      const rows = await this.db.query<{ version: string; changes: ChangeSet | string }>(
        `SELECT after ->> 'version' AS version, changes FROM audit_log
          WHERE account_id = $1 AND after ->> 'version' ~ '^v[0-9]{1,15}$'
            AND substr(after ->> 'version', 2)::bigint > $2
            AND substr(after ->> 'version', 2)::bigint <= $3
          ORDER BY id LIMIT ${CATCH_UP_LIMIT}`,
        [accountId, after, current],
      );
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
    const listening = this.listening;
    this.listening = undefined;
    if (listening) await (await listening.catch(() => async () => undefined))();
  }

  private receive(payload: string): void {
    const notice = parseNotice(payload);
    if (!notice || !this.listeners.has(notice.account)) return;
    this.delivery = this.delivery
      .then(async () => {
        let changes = notice.changes ?? undefined;
        if (notice.large)
          changes = await changesAt(this.db, notice.account, notice.version).catch(() => undefined);
        const event: LicensingEvent = changes
          ? { version: notice.version, changes }
          : { version: notice.version };
        for (const listener of [...(this.listeners.get(notice.account) ?? [])]) listener(event);
      })
      .catch(() => undefined);
  }
}
