// Opens the configured database and brings it to the current schema: PostgreSQL when
// `DATABASE_URL` is set, else PGlite in a locked data folder.

import { join } from 'node:path';
import { migrate } from './migrate.js';
import { openPglite, openPostgres, type Database, type PostgresTimeouts } from './database.js';
import { lockFolder } from './lock.js';

export interface OpenOptions extends PostgresTimeouts {
  /** A PostgreSQL URL; when set, `dataDir` is ignored. */
  readonly databaseUrl?: string | undefined;
  /** PGlite's folder; `undefined` keeps the database in memory (tests). */
  readonly dataDir?: string | undefined;
}

/** The database, migrated; its `close()` also releases the folder lock. */
export async function openDatabase({ databaseUrl, dataDir, ...timeouts }: OpenOptions): Promise<Database> {
  if (databaseUrl) {
    const db = await openPostgres(databaseUrl, timeouts);
    await migrate(db);
    return db;
  }
  const unlock = dataDir === undefined ? async () => undefined : await lockFolder(dataDir);
  let db: Database;
  try {
    db = await openPglite(dataDir === undefined ? undefined : join(dataDir, 'pgdata'));
    await migrate(db);
  } catch (error) {
    await unlock();
    throw error;
  }
  return {
    ...db,
    close: async () => {
      try {
        await db.close();
      } finally {
        await unlock();
      }
    },
  };
}
