// The account's licensing state in the tables ⇄ the contract's LicensingSnapshot. The rules never
// run here: the commit route judges and applies a change with src/core and hands the result back.

import type {
  InstallationLicense,
  LicenceLine,
  LicenceType,
  LicensingSnapshot,
  Permission,
  PowerPackService,
  Retention,
  Translations,
} from '../../../src/core/index.js';
import { num, type Sql } from '../db/database.js';

type Row = Record<string, unknown>;

const str = (value: unknown): string => String(value);
const optionalNum = (value: unknown): number | null =>
  value === null || value === undefined ? null : num(value);
/** A jsonb column of text per language (driver-parsed, or its text), `undefined` for NULL. */
const translations = (value: unknown): Translations | undefined =>
  value === null || value === undefined
    ? undefined
    : ((typeof value === 'string' ? JSON.parse(value) : value) as Translations);

/** `v7`: the version as the contract shows it (also the ETag's value). */
export const versionLabel = (version: number): string => `v${version}`;

/** The account's version number, locking its row until the transaction ends when `lock` is set. */
export async function accountVersion(sql: Sql, accountId: string, lock = false): Promise<number | undefined> {
  const rows = await sql.query<Row>(
    `SELECT version FROM accounts WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [accountId],
  );
  return rows[0] ? num(rows[0].version) : undefined;
}

const ACCOUNT_SQL =
  'SELECT version, period_start::text AS start, period_end::text AS end, time_zone FROM accounts WHERE id = $1';

/** The account and every part of its snapshot in one statement (one snapshot, one round trip). */
const SNAPSHOT_SQL = `
SELECT a.version, a.period_start::text AS start, a.period_end::text AS end, a.time_zone,
  (SELECT json_agg(c ORDER BY c.position) FROM catalog c WHERE c.account_id = a.id) AS catalog,
  (SELECT json_agg(l ORDER BY l.position) FROM licence_lines l WHERE l.account_id = a.id) AS lines,
  (SELECT row_to_json(r) FROM retention r WHERE r.account_id = a.id) AS retention,
  (SELECT row_to_json(s) FROM speech_to_text s WHERE s.account_id = a.id) AS stt,
  (SELECT row_to_json(p) FROM power_pack p WHERE p.account_id = a.id) AS pp,
  (SELECT json_agg(v ORDER BY v.position) FROM power_pack_services v WHERE v.account_id = a.id) AS services,
  (SELECT row_to_json(q) FROM prerequisites q WHERE q.account_id = a.id) AS prereq
  FROM accounts a WHERE a.id = $1`;

/** Rows that arrive as JSON (driver-parsed, or its text); `[]` for NULL. */
const jsonRows = (value: unknown): Row[] =>
  value === null || value === undefined
    ? []
    : ((typeof value === 'string' ? JSON.parse(value) : value) as Row[]);

/** One row as JSON (driver-parsed, or its text); `undefined` for NULL. */
const jsonRow = (value: unknown): Row | undefined =>
  value === null || value === undefined
    ? undefined
    : ((typeof value === 'string' ? JSON.parse(value) : value) as Row);

/** The snapshot of `accountId` as `permission` sees it; `undefined` when there is no such account. */
export async function readSnapshot(
  sql: Sql,
  accountId: string,
  permission: Permission,
): Promise<LicensingSnapshot | undefined> {
  return (await readSnapshotInZone(sql, accountId, permission))?.snapshot;
}

/**
 * `readSnapshot`, and the time zone of the account's billing months (IANA), from the same single
 * statement: enough to tell whether its month has ended without asking again (store/period.ts).
 */
export async function readSnapshotInZone(
  sql: Sql,
  accountId: string,
  permission: Permission,
): Promise<{ snapshot: LicensingSnapshot; timeZone: string } | undefined> {
  // `none` sees that licensing exists and nothing of the account's data: no lines, no prices.
  const [account] = await sql.query<Row>(permission === 'none' ? ACCOUNT_SQL : SNAPSHOT_SQL, [accountId], {
    prepare: true,
  });
  if (!account) return undefined;
  const timeZone = str(account.time_zone);
  const version = versionLabel(num(account.version));
  const period = { start: str(account.start), end: str(account.end) };
  if (permission === 'none') {
    return { snapshot: { version, permission, period, catalog: [], lines: [] }, timeZone };
  }

  const catalogRows = jsonRows(account.catalog);
  const lineRows = jsonRows(account.lines);
  const serviceRows = jsonRows(account.services);
  const catalog = catalogRows.map((row): LicenceType => {
    const type: { -readonly [K in keyof LicenceType]: LicenceType[K] } = {
      id: str(row.id),
      name: str(row.name),
      unitPrice: { amount: num(row.unit_amount), currency: str(row.currency) },
    };
    const names = translations(row.names);
    const descriptions = translations(row.descriptions);
    if (names) type.names = names;
    if (row.description !== null) type.description = str(row.description);
    if (descriptions) type.descriptions = descriptions;
    if (row.requires !== null) type.requires = str(row.requires);
    if (row.max_count !== null) type.max = num(row.max_count);
    return type;
  });
  const lines = lineRows.map((row): LicenceLine => ({
    typeId: str(row.type_id),
    count: num(row.count),
    inUse: num(row.in_use),
    peak: num(row.peak),
  }));
  const snapshot: { -readonly [K in keyof LicensingSnapshot]: LicensingSnapshot[K] } = {
    version,
    permission,
    period,
    catalog,
    lines,
  };
  const retention = jsonRow(account.retention);
  if (retention) {
    const value: Retention = retention.days !== null ? { days: 14 } : { months: num(retention.months) };
    snapshot.recording = {
      typeId: str(retention.type_id),
      retention: value,
      ...(retention.max_months === null ? {} : { maxMonths: num(retention.max_months) }),
    };
  }
  const stt = jsonRow(account.stt);
  if (stt) {
    snapshot.speechToText = {
      enabled: stt.enabled === true,
      baseMinutes: num(stt.base_minutes),
      limitOverBase: optionalNum(stt.limit_over_base),
      usedMinutes: num(stt.used_minutes),
      minutePrice: { amount: num(stt.minute_amount), currency: str(stt.currency) },
    };
  }
  const pp = jsonRow(account.pp);
  if (pp) {
    snapshot.powerPack = {
      enabled: pp.enabled === true,
      packPrice: { amount: num(pp.pack_amount), currency: str(pp.currency) },
      services: serviceRows.map((row): PowerPackService => {
        const names = translations(row.names);
        return {
          id: str(row.id),
          name: str(row.name),
          ...(names ? { names } : {}),
          limit: optionalNum(row.monthly_limit),
          used: num(row.used),
        };
      }),
    };
  }
  const prereq = jsonRow(account.prereq);
  if (prereq) {
    snapshot.prerequisites = {
      emailQueues: num(prereq.email_queues),
      callQueuesWithAiTopics: num(prereq.call_queues_with_ai_topics),
      aiQaForms: num(prereq.ai_qa_forms),
    };
  }
  return { snapshot, timeZone };
}

/**
 * Stores what a commit may change (counts, peaks, retention, Speech-to-Text and Power Pack settings)
 * from `after`, and sets the account's version to `version`. Usage figures and the catalog stay.
 */
export async function writeSnapshot(
  sql: Sql,
  accountId: string,
  after: LicensingSnapshot,
  version: number,
): Promise<void> {
  await sql.query('UPDATE accounts SET version = $2 WHERE id = $1', [accountId, version]);
  await writeLines(sql, accountId, after.lines);
  if (after.recording) {
    const r = after.recording.retention;
    await sql.query('UPDATE retention SET days = $2, months = $3 WHERE account_id = $1', [
      accountId,
      'days' in r ? r.days : null,
      'months' in r ? r.months : null,
    ]);
  }
  if (after.speechToText) {
    await sql.query('UPDATE speech_to_text SET enabled = $2, limit_over_base = $3 WHERE account_id = $1', [
      accountId,
      after.speechToText.enabled,
      after.speechToText.limitOverBase,
    ]);
  }
  if (after.powerPack) {
    await sql.query('UPDATE power_pack SET enabled = $2 WHERE account_id = $1', [
      accountId,
      after.powerPack.enabled,
    ]);
    for (const service of after.powerPack.services) {
      await sql.query('UPDATE power_pack_services SET monthly_limit = $3 WHERE account_id = $1 AND id = $2', [
        accountId,
        service.id,
        service.limit,
      ]);
    }
  }
}

/** Upserts the lines in their order (a commit may add a line for a type nobody had bought). */
export async function writeLines(sql: Sql, accountId: string, lines: readonly LicenceLine[]): Promise<void> {
  await sql.query(
    `INSERT INTO licence_lines (account_id, type_id, position, count, in_use, peak)
     SELECT $1, l->>'typeId', (o - 1)::int, (l->>'count')::bigint, (l->>'inUse')::bigint, (l->>'peak')::bigint
       FROM jsonb_array_elements($2::text::jsonb) WITH ORDINALITY AS t (l, o)
     ON CONFLICT (account_id, type_id) DO UPDATE
       SET position = EXCLUDED.position, count = EXCLUDED.count, in_use = EXCLUDED.in_use, peak = EXCLUDED.peak`,
    [accountId, JSON.stringify(lines)],
  );
}

/** The account's installation licence as stored, or `undefined` when it has none. */
export async function readInstallationLicense(
  sql: Sql,
  accountId: string,
): Promise<InstallationLicense | undefined> {
  const [row] = await sql.query<{ licence: InstallationLicense | string }>(
    'SELECT licence FROM installation_licenses WHERE account_id = $1',
    [accountId],
  );
  if (!row) return undefined;
  return typeof row.licence === 'string' ? (JSON.parse(row.licence) as InstallationLicense) : row.licence;
}
