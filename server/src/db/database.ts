// One small interface over the two PostgreSQL back ends: PGlite (real PostgreSQL compiled to WASM,
// in a data folder, the default) and a PostgreSQL server reached through `DATABASE_URL` (driver
// `postgres`). The SQL is the same on both; everything above this file speaks only `Sql`.

import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import postgres from 'postgres';
import { guardDriver } from './driver-guard.js';

/** How a statement is sent. */
export interface QueryOptions {
  /**
   * Keep the statement prepared on each PostgreSQL connection (a named statement, parsed once):
   * one round trip a call instead of two. Only for statements whose text is a constant — each
   * distinct text is kept for the connection's life. The connection plans it for its parameters
   * every time all the same (`plan_cache_mode = force_custom_plan`). PGlite ignores it.
   */
  readonly prepare?: boolean;
}

/** Runs parameterised SQL (`$1`, `$2`…) and answers the rows. */
export interface Sql {
  query<T extends object = Record<string, unknown>>(
    text: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<T[]>;
}

export interface Database extends Sql {
  /** `pglite` (embedded) or `postgres` (a server through `DATABASE_URL`). */
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  /**
   * Like `transaction`, for work that is long by design (seeding `--agents N`): no deadline, and
   * on PostgreSQL no statement timeout inside it (`SET LOCAL statement_timeout = 0`).
   */
  longTransaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  /** Runs one maintenance statement (VACUUM) outside any transaction, with no statement timeout. */
  maintain(statement: string): Promise<void>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string, tx?: Sql): Promise<void>;
  /**
   * Calls `onNotice` with the payload of every `NOTIFY` on `channel` (lower case), from any
   * connection to this database; answers the function that stops listening. postgres.js listens on
   * a connection of its own (and listens again after it reconnects); PGlite is one connection, so
   * there the notices are its own process's. `onRelisten` hears each time postgres.js listens again
   * on a new connection after it lost one (notices sent in between were lost).
   */
  listen(
    channel: string,
    onNotice: (payload: string) => void,
    onRelisten?: () => void,
  ): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** A number column: PostgreSQL's bigint arrives as a string or a bigint depending on the driver. */
export function num(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

/** PGlite in `dataDir`, or in memory when `dataDir` is undefined (tests). */
export async function openPglite(dataDir: string | undefined): Promise<Database> {
  const options = { extensions: { pg_trgm } };
  const db = dataDir === undefined ? await PGlite.create(options) : await PGlite.create(dataDir, options);
  const wrap = (target: Pick<PGlite, 'query' | 'exec'>): Sql & { execScript(s: string): Promise<void> } => ({
    async query<T extends object>(text: string, params: readonly unknown[] = []): Promise<T[]> {
      return (await target.query<T>(text, [...params])).rows;
    },
    async execScript(script: string) {
      await target.exec(script);
    },
  });
  const root = wrap(db);
  return {
    kind: 'pglite',
    query: root.query,
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
    longTransaction: (work) => db.transaction((tx) => work(wrap(tx))),
    maintain: (statement) => root.execScript(statement),
    async exec(script, tx) {
      if (tx && 'execScript' in tx) await (tx as ReturnType<typeof wrap>).execScript(script);
      else await root.execScript(script);
    },
    listen: (channel, onNotice) => db.listen(channel, onNotice),
    close: () => db.close(),
  };
}

type PgClient = postgres.Sql | postgres.TransactionSql;

/** The database gave no answer at all within `ms` (db/errors.ts answers it as unavailable). */
function noAnswer(ms: number): Error {
  return Object.assign(new Error(`PostgreSQL gave no answer within ${ms} ms`), {
    code: 'DATABASE_NO_ANSWER',
  });
}

/** Bounds on waiting for a PostgreSQL server, so a lost or stuck database is an answer, not a hang. */
export interface PostgresTimeouts {
  /** Longest a statement may run before PostgreSQL cancels it (then 504); default 10,000 ms. */
  readonly statementTimeoutMs?: number;
  /** Longest wait for a new connection (then 503); default 5 s. */
  readonly connectTimeoutS?: number;
}

export const DEFAULT_STATEMENT_TIMEOUT_MS = 10_000;

/** A PostgreSQL server at `url` (`postgres://user:password@host:port/database`). */
export async function openPostgres(url: string, timeouts: PostgresTimeouts = {}): Promise<Database> {
  const statementTimeout = timeouts.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  const connect = () =>
    postgres(url, {
      max: 10,
      onnotice: () => undefined,
      connect_timeout: timeouts.connectTimeoutS ?? 5,
      // Sent when each connection starts: PostgreSQL itself cancels a statement that runs too long
      // and ends a transaction left idle (a client that vanished mid-commit holds no lock for long).
      connection: {
        statement_timeout: statementTimeout,
        idle_in_transaction_session_timeout: Math.max(statementTimeout * 3, 30_000),
        // Every statement here is short; the planner's row estimates for the usage page's walk
        // (per-bucket scans with a LIMIT it cannot know) pass jit_above_cost, and compiling costs
        // 300–400 ms for a statement that runs in 2 ms (server/bench/README.md, "A rare licence type").
        jit: 'off',
        // A prepared statement (QueryOptions.prepare) is planned for its parameters each time, as an
        // unnamed one is: after five runs PostgreSQL would otherwise try one generic plan for all,
        // and a usage search's plan must see its pattern (server/bench/README.md, "A new search's
        // first page").
        plan_cache_mode: 'force_custom_plan',
        // A search's bitmap of candidates stays exact (a bit per row, never a whole block to check
        // again) up to about 260,000 blocks: on a lossy block PostgreSQL would compute each row's
        // text pieces again (migration 014). The default of 4 MB holds a quarter of that.
        work_mem: '16MB',
      },
    });
  let sql = connect();
  // A pool a driver defect left unable to write is replaced by a new one (db/driver-guard.ts).
  const unguard = guardDriver(() => {
    const old = sql;
    sql = connect();
    old.end({ timeout: 0 }).catch(() => undefined);
  });
  const wrap = (client: () => PgClient): Sql & { execScript(s: string): Promise<void> } => ({
    async query<T extends object>(
      text: string,
      params: readonly unknown[] = [],
      options: QueryOptions = {},
    ): Promise<T[]> {
      const rows = await client().unsafe(text, params as postgres.ParameterOrJSON<never>[], {
        prepare: options.prepare ?? false,
      });
      return rows as unknown as T[];
    },
    async execScript(script: string) {
      await client().unsafe(script);
    },
  });
  // postgres.js can leave a query that was in flight when the server went away pending for good:
  // past the statement timeout (and a margin for the network) there is no answer to wait for.
  const deadline = statementTimeout + 1000;
  const bounded = <T>(work: Promise<T>, ms: number): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(noAnswer(ms)), ms);
    });
    return Promise.race([work, expired]).finally(() => clearTimeout(timer));
  };
  const root = wrap(() => sql);
  /**
   * A transaction on a connection reserved first. Not `sql.begin`: postgres.js 3.4.9 can send its
   * BEGIN on a connection it has not reserved when BEGIN is the query that fills that connection's
   * pipeline (porsager/postgres#1189 and #823; the fix, #1218, is not released). The driver then
   * answers UNSAFE_TRANSACTION (a 500: 1–2 in 60 s of bench/load.ts) and the pool's next queries
   * on that connection run inside the transaction left open. A reserved connection is the
   * caller's alone before BEGIN is sent.
   */
  const inTransaction = async <T>(work: (tx: Sql) => Promise<T>, setup?: string): Promise<T> => {
    const reserved = await sql.reserve();
    try {
      await reserved.unsafe('BEGIN');
      let result: T;
      try {
        if (setup) await reserved.unsafe(setup);
        result = await work(wrap(() => reserved));
      } catch (error) {
        await reserved.unsafe('ROLLBACK').catch(() => undefined);
        throw error;
      }
      await reserved.unsafe('COMMIT');
      return result;
    } finally {
      reserved.release();
    }
  };
  try {
    await root.query('SELECT 1');
  } catch (error) {
    unguard();
    await sql.end({ timeout: 0 });
    throw error;
  }
  return {
    kind: 'postgres',
    query: (text, params, options) => bounded(root.query(text, params, options), deadline),
    // A commit's transaction runs a dozen short statements: it gets a few deadlines.
    transaction: (work) => bounded(inTransaction(work), deadline * 3),
    longTransaction: (work) => inTransaction(work, 'SET LOCAL statement_timeout = 0'),
    async maintain(statement) {
      // VACUUM cannot run in a transaction: one connection of the pool, its timeout lifted for it.
      const reserved = await sql.reserve();
      try {
        await reserved.unsafe('SET statement_timeout = 0');
        await reserved.unsafe(statement);
      } finally {
        await reserved.unsafe('RESET statement_timeout').catch(() => undefined);
        reserved.release();
      }
    },
    async exec(script, tx) {
      if (tx && 'execScript' in tx) await (tx as ReturnType<typeof wrap>).execScript(script);
      else await root.execScript(script);
    },
    async listen(channel, onNotice, onRelisten) {
      // postgres.js calls `onlisten` once listening, and again after each reconnection.
      let listened = false;
      const onListen = () => {
        if (listened) onRelisten?.();
        listened = true;
      };
      const { unlisten } = await sql.listen(channel, onNotice, onListen);
      return unlisten;
    },
    close: async () => {
      unguard();
      await sql.end({ timeout: 5 });
    },
  };
}
