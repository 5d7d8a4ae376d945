// Change requests on the reference backend (R1, docs/openapi.yaml): a `view` user sends one, an
// `update` user declines or approves it. Judged with the rule book (`requestRefusal`, `validate`,
// `valuesBefore`); never a rule restated here.
import { createHash, randomUUID } from 'node:crypto';
import {
  MAX_DECIDED_REQUESTS,
  MAX_REQUEST_NOTE,
  canEdit,
  canRequest,
  normaliseDraft,
  requestRefusal,
  validate,
  valuesBefore,
  type ChangeRequest,
  type ChangeSet,
  type RequestDecision,
} from '../../../src/core/index.js';
import type { Sql } from '../db/database.js';
import { HttpProblem, problemTypes } from '../http/problem.js';
import { accountVersion, readSnapshot } from './snapshot.js';

/** Who asks: the signed-in user. */
export interface Requester {
  readonly accountId: string;
  /** The user's own id (users.id): a `view` user's requests are theirs by it, never by name. */
  readonly userId: string;
  readonly name: string;
  readonly permission: 'none' | 'view' | 'update';
}

interface Row {
  id: string;
  requested_by: string;
  requested_at: string | Date;
  changes: ChangeSet | string;
  before: ChangeSet | string;
  note: string;
  status: ChangeRequest['status'];
  decided_by: string | null;
  decided_at: string | Date | null;
  reason: string | null;
  request_hash: string;
  approved_version: string | null;
}

const json = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);
const iso = (value: string | Date): string => new Date(value).toISOString();

function fromRow(row: Row): ChangeRequest {
  return {
    id: row.id,
    requestedBy: row.requested_by,
    requestedAt: iso(row.requested_at),
    changes: json(row.changes),
    before: json(row.before),
    note: row.note,
    status: row.status,
    ...(row.decided_by !== null && { decidedBy: row.decided_by }),
    ...(row.decided_at !== null && { decidedAt: iso(row.decided_at) }),
    ...(row.reason !== null && { reason: row.reason }),
    ...(row.approved_version !== null && { version: row.approved_version }),
  };
}

const COLUMNS =
  'id, requested_by, requested_at, changes, before, note, status, decided_by, decided_at, reason, request_hash, approved_version';

async function audit(tx: Sql, who: Requester, id: string, at: Date, action: string, detail: unknown) {
  await tx.query(
    `INSERT INTO change_request_audit (account_id, request_id, at, user_name, action, detail)
     VALUES ($1, $2, $3, $4, $5, $6::text::jsonb)`,
    [who.accountId, id, at.toISOString(), who.name, action, JSON.stringify(detail)],
  );
}

/** R1: a `view` user's change as a pending request; a repeated key answers the first request. */
export async function sendRequest(
  tx: Sql,
  who: Requester,
  changes: ChangeSet,
  note: string,
  key: string,
  at: Date,
): Promise<ChangeRequest> {
  if (!canRequest(who.permission)) {
    throw new HttpProblem(403, {
      detail: 'You may change licences yourself: save the change instead of requesting it.',
    });
  }
  const hash = createHash('sha256')
    .update(JSON.stringify([changes, note]))
    .digest('hex');
  // The account locked first, as a commit does: a second POST with the same key (a retry while
  // the first runs) waits here and then finds the first request, instead of a duplicate key (500).
  if ((await accountVersion(tx, who.accountId, true)) === undefined)
    throw new HttpProblem(404, {
      detail: 'The account no longer exists.',
      extensions: { reason: 'account-not-found' },
    });
  const [prior] = await tx.query<Row>(
    `SELECT ${COLUMNS} FROM change_requests WHERE account_id = $1 AND idempotency_key = $2`,
    [who.accountId, key],
  );
  if (prior) {
    if (prior.request_hash !== hash) {
      throw new HttpProblem(422, {
        type: problemTypes.validation,
        detail: 'This Idempotency-Key was already used for another request. Send a new key.',
        extensions: { issues: [], reason: 'key-reused' },
      });
    }
    return fromRow(prior);
  }
  const snapshot = await readSnapshot(tx, who.accountId, who.permission);
  if (!snapshot)
    throw new HttpProblem(404, {
      detail: 'The account no longer exists.',
      extensions: { reason: 'account-not-found' },
    });
  const issues = validate(snapshot, changes);
  const refusal = requestRefusal(who.permission, issues, note);
  if (refusal) {
    throw new HttpProblem(422, {
      type: problemTypes.validation,
      detail:
        refusal === 'note-too-long'
          ? `The note is longer than ${MAX_REQUEST_NOTE} characters.`
          : 'The requested change breaks a rule.',
      extensions: {
        issues: issues.filter((i) => i.severity === 'error' && i.code !== 'permission-denied'),
        reason: refusal,
      },
    });
  }
  const id = randomUUID();
  const [row] = await tx.query<Row>(
    `INSERT INTO change_requests (account_id, id, idempotency_key, request_hash, requested_by, requested_at, changes, before, note, status, requester_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7::text::jsonb, $8::text::jsonb, $9, 'pending', $10) RETURNING ${COLUMNS}`,
    [
      who.accountId,
      id,
      key,
      hash,
      who.name,
      at.toISOString(),
      JSON.stringify(normaliseDraft(snapshot, changes)),
      JSON.stringify(valuesBefore(snapshot, changes)),
      note,
      who.userId,
    ],
  );
  await audit(tx, who, id, at, 'sent', { changes, note });
  return fromRow(row!);
}

/**
 * Every request for `update`, the user's own (by user id, never by name) for `view`: every pending
 * one, newest first, then the newest `MAX_DECIDED_REQUESTS` decided ones (`listedRequests`).
 */
export async function listRequests(tx: Sql, who: Requester): Promise<ChangeRequest[]> {
  const own = !canEdit(who.permission);
  const where = `account_id = $1 ${own ? 'AND requester_id = $2' : ''}`;
  const rows = await tx.query<Row>(
    `(SELECT ${COLUMNS}, seq, 0 AS part FROM change_requests WHERE ${where} AND status = 'pending')
     UNION ALL
     (SELECT ${COLUMNS}, seq, 1 AS part FROM change_requests WHERE ${where} AND status <> 'pending'
      ORDER BY seq DESC LIMIT ${MAX_DECIDED_REQUESTS})
     ORDER BY part, seq DESC`,
    own ? [who.accountId, who.userId] : [who.accountId],
  );
  return rows.map(fromRow);
}

/**
 * The request a commit carries (`Change-Request`), locked in the commit's transaction: a 404
 * (`reason: request-not-found`) when there is none, a 409 (`reason: request-decided`) when someone approved or declined it meanwhile,
 * so the commit changes nothing. `approveInCommit` then marks it approved with the commit's version,
 * when the commit holds its change (`requestCarried`).
 */
export async function lockPendingRequest(tx: Sql, who: Requester, id: string): Promise<ChangeRequest> {
  const [row] = await tx.query<Row>(
    `SELECT ${COLUMNS} FROM change_requests WHERE account_id = $1 AND id = $2 FOR UPDATE`,
    [who.accountId, id],
  );
  if (!row) {
    throw new HttpProblem(404, {
      detail: 'The change request this cart saves no longer exists. Nothing was saved.',
      extensions: { reason: 'request-not-found' },
    });
  }
  if (row.status !== 'pending') {
    const by = row.decided_by ? ` by ${row.decided_by}` : '';
    throw new HttpProblem(409, {
      type: problemTypes.conflict,
      detail: `The change request was already ${row.status}${by}. Nothing was saved.`,
      extensions: { reason: 'request-decided' },
    });
  }
  return fromRow(row);
}

/** Marks the request `lockPendingRequest` locked approved, by the commit that made `version`. */
export async function approveInCommit(
  tx: Sql,
  who: Requester,
  id: string,
  version: string,
  at: Date,
): Promise<void> {
  await tx.query(
    `UPDATE change_requests SET status = 'approved', decided_by = $3, decided_at = $4, approved_version = $5
     WHERE account_id = $1 AND id = $2`,
    [who.accountId, id, who.name, at.toISOString(), version],
  );
  await audit(tx, who, id, at, 'approved', { version });
}

/** `update` declines a pending request with a reason, or marks it approved once saved. */
export async function decideRequest(
  tx: Sql,
  who: Requester,
  id: string,
  decision: RequestDecision,
  at: Date,
): Promise<ChangeRequest> {
  const [row] = await tx.query<Row>(
    `SELECT ${COLUMNS} FROM change_requests WHERE account_id = $1 AND id = $2 FOR UPDATE`,
    [who.accountId, id],
  );
  if (!row) throw new HttpProblem(404, { detail: 'There is no such request.' });
  if (row.status !== 'pending') throw new HttpProblem(409, { detail: 'The request was already decided.' });
  const reason = decision.outcome === 'declined' ? decision.reason.trim() : null;
  if (reason !== null && (!reason || reason.length > MAX_REQUEST_NOTE)) {
    throw new HttpProblem(422, {
      type: problemTypes.validation,
      detail: 'Say why the request is declined (at most 1000 characters).',
      extensions: { issues: [], reason: 'reason-required' },
    });
  }
  const [decided] = await tx.query<Row>(
    `UPDATE change_requests SET status = $3, decided_by = $4, decided_at = $5, reason = $6
     WHERE account_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
    [who.accountId, id, decision.outcome, who.name, at.toISOString(), reason],
  );
  await audit(tx, who, id, at, decision.outcome, reason === null ? {} : { reason });
  return fromRow(decided!);
}
