// Change requests on the reference backend (R1, docs/openapi.yaml): a `view` user sends one, an
// `update` user declines or approves it. Judged with the rule book (`requestRefusal`, `validate`,
// `valuesBefore`); never a rule restated here.
import { createHash, randomUUID } from 'node:crypto';
import {
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
import { readSnapshot } from './snapshot.js';

/** Who asks: the signed-in user. */
export interface Requester {
  readonly accountId: string;
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
  };
}

const COLUMNS =
  'id, requested_by, requested_at, changes, before, note, status, decided_by, decided_at, reason, request_hash';

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
  const [prior] = await tx.query<Row>(
    `SELECT ${COLUMNS} FROM change_requests WHERE account_id = $1 AND idempotency_key = $2`,
    [who.accountId, key],
  );
  if (prior) {
    if (prior.request_hash !== hash) {
      throw new HttpProblem(422, {
        type: problemTypes.validation,
        detail: 'This Idempotency-Key was already used for another request. Send a new key.',
        extensions: { issues: [] },
      });
    }
    return fromRow(prior);
  }
  const snapshot = await readSnapshot(tx, who.accountId, who.permission);
  if (!snapshot) throw new HttpProblem(404, { detail: 'The account no longer exists.' });
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
    `INSERT INTO change_requests (account_id, id, idempotency_key, request_hash, requested_by, requested_at, changes, before, note, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7::text::jsonb, $8::text::jsonb, $9, 'pending') RETURNING ${COLUMNS}`,
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
    ],
  );
  await audit(tx, who, id, at, 'sent', { changes, note });
  return fromRow(row!);
}

/** Every request for `update`, the user's own for `view`, newest first. */
export async function listRequests(tx: Sql, who: Requester): Promise<ChangeRequest[]> {
  const own = !canEdit(who.permission);
  const rows = await tx.query<Row>(
    `SELECT ${COLUMNS} FROM change_requests WHERE account_id = $1 ${own ? 'AND requested_by = $2' : ''}
     ORDER BY seq DESC LIMIT 200`,
    own ? [who.accountId, who.name] : [who.accountId],
  );
  return rows.map(fromRow);
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
