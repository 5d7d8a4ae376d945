// Seeding an account of any size (`--agents N`): one transaction, progress on stdout, then the
// planner's statistics and the visibility map brought up to date so the first pages are fast.
// Both run without --statement-timeout (a request's bound): a million agents take minutes.

import type { Database } from '../db/database.js';
import { seedAccount, type AccountSeed } from './seed.js';

/** The most agents `--agents` seeds (the generated data set is held in memory while it is written). */
export const MAX_AGENTS = 5_000_000;

const PROGRESS_STEP = 100_000;

const thousands = (n: number): string => n.toLocaleString('en-US');

/**
 * Seeds `account` in one transaction, then VACUUM (ANALYZE)s the agent tables. With `report`,
 * prints a progress line every 100,000 agents and one line when done, with the time taken.
 */
export async function seedReporting(db: Database, account: AccountSeed, report: boolean): Promise<void> {
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  const total = account.agents.length;
  let next = PROGRESS_STEP;
  await db.longTransaction((tx) =>
    seedAccount(tx, account, (done) => {
      if (!report || done < next || done >= total) return;
      next = (Math.floor(done / PROGRESS_STEP) + 1) * PROGRESS_STEP;
      console.log(`seeding ${account.id}: ${thousands(done)} of ${thousands(total)} agents (${seconds()} s)`);
    }),
  );
  await db.maintain('VACUUM (ANALYZE) agents, agent_buckets, agent_counts, agent_totals');
  if (report) console.log(`seeded ${account.id}: ${thousands(total)} agents in ${seconds()} s`);
}
