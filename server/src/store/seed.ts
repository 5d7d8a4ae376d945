// Seeding: the demo data set (src/adapters/memory/demo-data.ts, the memory adapter's own generator)
// or a JSON file in the shape MemoryAdapter takes plus users, for one account or several.
// Seeding an account that exists replaces all of its data.

import { createHash } from 'node:crypto';
import { createDemoSeed, generateAgents, type MemorySeed } from '../../../src/adapters/memory/demo-data.js';
import type { Agent, Permission } from '../../../src/core/index.js';
import type { Sql } from '../db/database.js';
import { EVENTS_CHANNEL } from '../db/notify.js';
import { searchText } from './usage.js';
import { writeLines } from './snapshot.js';

export interface SeedUser {
  /** The bearer token; only its SHA-256 is stored. */
  readonly token: string;
  readonly name: string;
  readonly permission: Permission;
}

export interface AccountSeed extends MemorySeed {
  readonly id: string;
  /** IANA time zone of the account's billing months; UTC when absent. */
  readonly timeZone?: string;
  readonly users: readonly SeedUser[];
}

/** The demo's fixed users, one per permission (documented in the README). */
export const DEMO_USERS: readonly SeedUser[] = [
  { token: 'demo-update', name: 'Jana Dvořáková', permission: 'update' },
  { token: 'demo-view', name: 'Petr Novák', permission: 'view' },
  { token: 'demo-none', name: 'Eva Svobodová', permission: 'none' },
];

export const DEMO_ACCOUNT = 'demo';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** The built-in demo account: the memory adapter's demo data set and the demo users. */
export function demoAccount(options: { now?: Date; agents?: number } = {}): AccountSeed {
  return { id: DEMO_ACCOUNT, ...createDemoSeed(options), users: DEMO_USERS };
}

/**
 * `seed` with `count` agents generated as the demo data set's are (`generateAgents`, over the
 * account's own catalog), in place of its own (`--agents N` with `--seed FILE`).
 */
export function withGeneratedAgents(seed: AccountSeed, count: number): AccountSeed {
  return {
    ...seed,
    agents: generateAgents(count, { typeIds: seed.snapshot.catalog.map((type) => type.id) }),
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The accounts of a seed file: `{ snapshot, agents, installationLicense?, users }` (one account,
 * id `demo`) or `{ accounts: [{ id, snapshot, agents, installationLicense?, users }] }`. Checks the
 * shape only as far as seeding needs; the snapshot itself is trusted (it is the operator's file).
 */
export function parseSeedFile(value: unknown): AccountSeed[] {
  const one = (item: unknown, fallbackId: string | undefined, where: string): AccountSeed => {
    if (!isRecord(item)) throw new Error(`${where} is not an object`);
    const id = item.id ?? fallbackId;
    if (typeof id !== 'string' || id === '') throw new Error(`${where}.id is not a non-empty string`);
    if (!isRecord(item.snapshot)) throw new Error(`${where}.snapshot is missing`);
    const timeZone = item.timeZone ?? 'UTC';
    if (typeof timeZone !== 'string' || !validTimeZone(timeZone)) {
      throw new Error(`${where}.timeZone is not an IANA time zone`);
    }
    if (!Array.isArray(item.agents)) throw new Error(`${where}.agents is not an array`);
    const users = item.users ?? [];
    if (!Array.isArray(users)) throw new Error(`${where}.users is not an array`);
    users.forEach((user: unknown, i) => {
      if (
        !isRecord(user) ||
        typeof user.token !== 'string' ||
        user.token === '' ||
        typeof user.name !== 'string' ||
        !['none', 'view', 'update'].includes(String(user.permission))
      ) {
        throw new Error(`${where}.users[${i}] needs token, name and permission none/view/update`);
      }
    });
    return {
      id,
      timeZone,
      snapshot: item.snapshot as unknown as AccountSeed['snapshot'],
      agents: item.agents as AccountSeed['agents'],
      installationLicense: (item.installationLicense ?? null) as AccountSeed['installationLicense'],
      users: users as SeedUser[],
    };
  };
  if (isRecord(value) && Array.isArray(value.accounts)) {
    return value.accounts.map((item, i) => one(item, undefined, `accounts[${i}]`));
  }
  return [one(value, DEMO_ACCOUNT, 'the seed')];
}

function validTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Agents per INSERT statement: ten thousand rows of five array parameters. */
const AGENT_CHUNK = 10_000;
/** Joins an agent's licence ids in one array element (ids are catalog ids: no control characters). */
const LICENCE_SEPARATOR = '\u001f';

const byPageOrder = (a: Agent, b: Agent): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * Inserts `agents` into the account in multi-row statements (one per ten thousand agents, the rows as
 * array parameters), with the count triggers off for the transaction, then cuts the account's
 * buckets and counts them once (migration 005). `onProgress` hears the agents inserted so far.
 */
export async function insertAgents(
  tx: Sql,
  accountId: string,
  agents: readonly Agent[],
  onProgress?: (done: number) => void,
): Promise<void> {
  await tx.query("SELECT set_config('licence_kit.bulk_agents', 'on', true)");
  // Written in page order, so a page, and a search for a name, read neighbouring blocks.
  const ordered = [...agents].sort(byPageOrder);
  for (let start = 0; start < ordered.length; start += AGENT_CHUNK) {
    const chunk = ordered.slice(start, start + AGENT_CHUNK);
    await tx.query(
      `INSERT INTO agents (account_id, id, name, email, licences, search)
       SELECT $1, u.id, u.name, CASE WHEN u.has_email = 't' THEN u.email END,
              string_to_array(u.licences, E'\\x1f'), u.search
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
           AS u (id, name, email, has_email, licences, search)`,
      [
        accountId,
        chunk.map((a) => a.id),
        chunk.map((a) => a.name),
        chunk.map((a) => a.email ?? ''),
        chunk.map((a) => (a.email === undefined || a.email === null ? 'f' : 't')),
        chunk.map((a) => a.licences.join(LICENCE_SEPARATOR)),
        chunk.map((a) => searchText(a)),
      ],
    );
    onProgress?.(start + chunk.length);
  }
  await tx.query("SELECT set_config('licence_kit.bulk_agents', 'off', true)");
  await tx.query('SELECT rebuild_agent_index($1)', [accountId]);
}

/**
 * Replaces the account `seed.id` (all its data, users included) with `seed`, in `tx`; `onProgress`
 * hears how many agents are in so far.
 */
export async function seedAccount(
  tx: Sql,
  seed: AccountSeed,
  onProgress?: (done: number) => void,
): Promise<void> {
  const s = seed.snapshot;
  const version = Number(/(\d+)$/.exec(s.version)?.[1] ?? 1);
  // The agents' count triggers would count the old agents out one by one: insertAgents recounts.
  await tx.query("SELECT set_config('licence_kit.bulk_agents', 'on', true)");
  await tx.query('DELETE FROM accounts WHERE id = $1', [seed.id]);
  await tx.query(
    'INSERT INTO accounts (id, version, period_start, period_end, time_zone) VALUES ($1, $2, $3, $4, $5)',
    [seed.id, version, s.period.start.slice(0, 10), s.period.end.slice(0, 10), seed.timeZone ?? 'UTC'],
  );
  // Open event streams of the account (any process) end when this commits, and their clients
  // reconnect to the new data: the version may have gone back, which a stream would not send.
  await tx.query('SELECT pg_notify($1, $2)', [
    EVENTS_CHANNEL,
    JSON.stringify({ account: seed.id, version: `v${version}`, reset: true }),
  ]);
  await tx.query(
    `INSERT INTO catalog (account_id, id, position, name, names, description, descriptions, unit_amount, currency, requires, max_count)
     SELECT $1, c->>'id', (o - 1)::int, c->>'name', c->'names', c->>'description', c->'descriptions',
            (c->'unitPrice'->>'amount')::bigint,
            c->'unitPrice'->>'currency', c->>'requires', (c->>'max')::bigint
       FROM jsonb_array_elements($2::text::jsonb) WITH ORDINALITY AS t (c, o)`,
    [seed.id, JSON.stringify(s.catalog)],
  );
  await writeLines(tx, seed.id, s.lines);
  if (s.recording) {
    const r = s.recording.retention;
    await tx.query(
      'INSERT INTO retention (account_id, type_id, days, months, max_months) VALUES ($1, $2, $3, $4, $5)',
      [
        seed.id,
        s.recording.typeId,
        'days' in r ? r.days : null,
        'months' in r ? r.months : null,
        s.recording.maxMonths ?? null,
      ],
    );
  }
  if (s.speechToText) {
    const t = s.speechToText;
    await tx.query(
      `INSERT INTO speech_to_text (account_id, enabled, base_minutes, limit_over_base, used_minutes, minute_amount, currency)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        seed.id,
        t.enabled,
        t.baseMinutes,
        t.limitOverBase,
        t.usedMinutes,
        t.minutePrice.amount,
        t.minutePrice.currency,
      ],
    );
  }
  if (s.powerPack) {
    const p = s.powerPack;
    await tx.query(
      'INSERT INTO power_pack (account_id, enabled, pack_amount, currency) VALUES ($1, $2, $3, $4)',
      [seed.id, p.enabled, p.packPrice.amount, p.packPrice.currency],
    );
    await tx.query(
      `INSERT INTO power_pack_services (account_id, id, position, name, names, monthly_limit, used)
       SELECT $1, v->>'id', (o - 1)::int, v->>'name', v->'names', (v->>'limit')::bigint, (v->>'used')::bigint
         FROM jsonb_array_elements($2::text::jsonb) WITH ORDINALITY AS t (v, o)`,
      [seed.id, JSON.stringify(p.services)],
    );
  }
  if (s.prerequisites) {
    const q = s.prerequisites;
    await tx.query(
      `INSERT INTO prerequisites (account_id, email_queues, call_queues_with_ai_topics, ai_qa_forms)
       VALUES ($1, $2, $3, $4)`,
      [seed.id, q.emailQueues, q.callQueuesWithAiTopics, q.aiQaForms],
    );
  }
  if (seed.installationLicense) {
    await tx.query('INSERT INTO installation_licenses (account_id, licence) VALUES ($1, $2::text::jsonb)', [
      seed.id,
      JSON.stringify(seed.installationLicense),
    ]);
  }
  await insertAgents(tx, seed.id, seed.agents, onProgress);
  for (const user of seed.users) {
    await tx.query(
      `INSERT INTO users (token_hash, account_id, name, permission) VALUES ($1, $2, $3, $4)
       ON CONFLICT (token_hash) DO UPDATE
         SET account_id = EXCLUDED.account_id, name = EXCLUDED.name, permission = EXCLUDED.permission`,
      [hashToken(user.token), seed.id, user.name, user.permission],
    );
  }
}

/** Whether the database holds any account yet (a fresh data folder holds none). */
export async function hasAccounts(sql: Sql): Promise<boolean> {
  return (await sql.query('SELECT 1 FROM accounts LIMIT 1')).length > 0;
}
