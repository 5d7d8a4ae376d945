// SQL migrations: server/src/db/migrations/NNN_name.sql, applied in name order, each once, each in
// its own transaction. The same files run on PGlite (PostgreSQL 17) and PostgreSQL 15. A migration
// is not a request: it may rewrite a table of a million agents (013 and 014 do), so its transaction has
// no deadline and no statement timeout (`Database.longTransaction`).

import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';

const folder = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Applies the migrations `db` lacks; answers the names it applied. */
export async function migrate(db: Database): Promise<string[]> {
  await db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const done = new Set(
    (await db.query<{ name: string }>('SELECT name FROM schema_migrations')).map((row) => row.name),
  );
  const files = (await readdir(folder)).filter((name) => name.endsWith('.sql')).sort();
  const applied: string[] = [];
  for (const name of files) {
    if (done.has(name)) continue;
    const script = await readFile(folder + name, 'utf8');
    await db.longTransaction(async (tx) => {
      await db.exec(script, tx);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
    });
    applied.push(name);
  }
  return applied;
}
