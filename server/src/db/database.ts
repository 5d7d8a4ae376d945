// One small interface over the two PostgreSQL back ends: PGlite (real PostgreSQL compiled to WASM,
// in a data folder, the default) and a PostgreSQL server reached through `DATABASE_URL` (driver
// `postgres`). The SQL is the same on both; everything above this file speaks only `Sql`.

import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import postgres from 'postgres';

/** Runs parameterised SQL (`$1`, `$2`…) and answers the rows. */
export interface Sql {
  query<T extends object = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Database extends Sql {
  /** `pglite` (embedded) or `postgres` (a server through `DATABASE_URL`). */
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string, tx?: Sql): Promise<void>;
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
    async exec(script, tx) {
      if (tx && 'execScript' in tx) await (tx as ReturnType<typeof wrap>).execScript(script);
      else await root.execScript(script);
    },
    close: () => db.close(),
  };
}

type PgClient = postgres.Sql | postgres.TransactionSql;

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
  const sql = postgres(url, {
    max: 10,
    onnotice: () => undefined,
    connect_timeout: timeouts.connectTimeoutS ?? 5,
    // Sent when each connection starts: PostgreSQL itself cancels a statement that runs too long
    // and ends a transaction left idle (a client that vanished mid-commit holds no lock for long).
    connection: {
      statement_timeout: statementTimeout,
      idle_in_transaction_session_timeout: Math.max(statementTimeout * 3, 30_000),
    },
  });
  const wrap = (client: PgClient): Sql & { execScript(s: string): Promise<void> } => ({
    async query<T extends object>(text: string, params: readonly unknown[] = []): Promise<T[]> {
      const rows = await client.unsafe(text, params as postgres.ParameterOrJSON<never>[]);
      return rows as unknown as T[];
    },
    async execScript(script: string) {
      await client.unsafe(script);
    },
  });
  const root = wrap(sql);
  await root.query('SELECT 1');
  return {
    kind: 'postgres',
    query: root.query,
    transaction: async (work) =>
      (await sql.begin((tx) => work(wrap(tx)))) as Awaited<ReturnType<typeof work>>,
    async exec(script, tx) {
      if (tx && 'execScript' in tx) await (tx as ReturnType<typeof wrap>).execScript(script);
      else await root.execScript(script);
    },
    close: () => sql.end({ timeout: 5 }),
  };
}
