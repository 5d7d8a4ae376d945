// The operations of docs/openapi.yaml. Each translates HTTP to the store and the rule book
// (src/core) and back; the rules themselves are only ever called, never restated.

import { createHash, type KeyObject } from 'node:crypto';
import type { FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import {
  applyDraft,
  quote,
  requestCarried,
  serviceAllowance,
  validate,
  type ChangeSet,
  type LicensingSnapshot,
  type Permission,
} from '../../../src/core/index.js';
import type { Database, Sql } from '../db/database.js';
import { currentSnapshot, periodEnded, rollOver } from '../store/period.js';
import { accountVersion, readSnapshot, versionLabel, writeSnapshot } from '../store/snapshot.js';
import { applyKey, getLicense, licenseLog } from '../license/installation.js';
import { listUsage } from '../store/usage.js';
import { listHistory } from '../store/history.js';
import { recordUsage, type UsageRecordInput } from '../store/usage-records.js';
import { HttpProblem, problemTypes } from './problem.js';
import { requestHandlers } from './requests.js';
import { approveInCommit, lockPendingRequest } from '../store/requests.js';
import { assignmentHandlers } from './assignment.js';

/** The signed-in user, found from the bearer token. */
export interface Caller {
  readonly accountId: string;
  /** The user's own id (users.id); two users may share a display name, never an id. */
  readonly userId: string;
  readonly name: string;
  readonly permission: Permission;
}

/** `"v7"`, `W/"v7"` or `v7` → `v7`. */
export function parseEtag(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const match = /^\s*(?:W\/)?"([^"]*)"\s*$/.exec(value);
  const version = match ? match[1]! : value.trim();
  return version === '' ? undefined : version;
}

/** JSON with object keys sorted, so two bodies that mean the same hash the same. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw new HttpProblem(401);
  return request.caller;
}

export function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * What every write that changes the account sends (a commit, an assignment): If-Match with the
 * version it was decided on (428 without one) and an Idempotency-Key (400 without one). `what`
 * finishes the messages: "the changes were made against", "one per cart".
 */
export function writeHeaders(
  request: FastifyRequest,
  what: { against: string; key: string },
): { expected: string; key: string } {
  const expected = parseEtag(header(request, 'if-match'));
  if (expected === undefined || expected === '*') {
    throw new HttpProblem(428, { detail: `Send If-Match with the version of the snapshot ${what.against}.` });
  }
  const key = header(request, 'idempotency-key')?.trim();
  if (!key) {
    throw new HttpProblem(400, {
      type: problemTypes.badRequest,
      detail: `Send an Idempotency-Key header, ${what.key}.`,
    });
  }
  return { expected, key };
}

/**
 * The answer an Idempotency-Key already got in this account (a retry: answered again as it was),
 * or undefined for a new key. The same key with another body (`requestHash`) is a 422 with
 * `reused`'s detail and extensions.
 */
export async function priorAnswer<T>(
  tx: Sql,
  accountId: string,
  key: string,
  requestHash: string,
  reused: { detail: string; extensions: Record<string, unknown> },
): Promise<T | undefined> {
  const [prior] = await tx.query<{ request_hash: string; response: T | string }>(
    'SELECT request_hash, response FROM idempotency_keys WHERE account_id = $1 AND key = $2',
    [accountId, key],
  );
  if (!prior) return undefined;
  if (prior.request_hash !== requestHash) {
    throw new HttpProblem(422, { type: problemTypes.validation, ...reused });
  }
  return typeof prior.response === 'string' ? (JSON.parse(prior.response) as T) : prior.response;
}

export class LicensingService {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
    /** The licensing team's Ed25519 public key; without it every licence key is refused. */
    private readonly licensePublicKey?: KeyObject,
  ) {}

  /** The handler of `operationId`, or `undefined` when the contract has an operation this lacks. */
  handler(operationId: string): RouteHandlerMethod | undefined {
    const handlers: Record<string, (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>> = {
      load: (q, r) => this.load(q, r),
      listUsage: (q) => this.listUsage(q),
      commit: (q, r) => this.commit(q, r),
      getInstallationLicense: (q) => getLicense(this.db, callerOf(q).accountId, this.now()),
      applyLicenseKey: (q) =>
        applyKey(
          this.db,
          callerOf(q).accountId,
          (q.body as { key: string }).key,
          this.licensePublicKey,
          this.now(),
        ),
      downloadLicenseLog: (q, r) => this.downloadLicenseLog(q, r),
      recordUsage: (q) => this.recordUsage(q),
      isServiceAllowed: (q) => this.isServiceAllowed(q),
      listHistory: (q) => this.listHistory(q),
      ...requestHandlers(this.db, this.now),
      ...assignmentHandlers(this.db, this.now),
    };
    return handlers[operationId] as RouteHandlerMethod | undefined;
  }

  /** A new billing month, if it began since the last request (the check is cheap; a roll is rare). */
  private async currentPeriod(accountId: string): Promise<void> {
    if (await periodEnded(this.db, accountId, this.now())) {
      await this.db.transaction((tx) => rollOver(tx, accountId, this.now()));
    }
  }

  private async load(request: FastifyRequest, reply: FastifyReply): Promise<LicensingSnapshot> {
    const caller = callerOf(request);
    // The month rolled over first when it has ended; one statement while it runs.
    const snapshot = await currentSnapshot(this.db, caller.accountId, caller.permission, this.now());
    if (!snapshot) throw new HttpProblem(404, { detail: 'The account no longer exists.' });
    reply.header('ETag', `"${snapshot.version}"`);
    return snapshot;
  }

  private async listUsage(request: FastifyRequest) {
    const caller = callerOf(request);
    const query = request.query as { type?: string; q?: string; offset: number; limit: number };
    return listUsage(this.db, caller.accountId, {
      offset: query.offset,
      limit: query.limit,
      ...(query.type ? { typeId: query.type } : {}),
      ...(query.q ? { search: query.q } : {}),
    });
  }

  /** The accepted commits, newest first (audit_log through the rule book's historyPage). */
  private async listHistory(request: FastifyRequest) {
    const caller = callerOf(request);
    const query = request.query as {
      type?: string;
      from?: string;
      to?: string;
      offset: number;
      limit: number;
    };
    for (const name of ['from', 'to'] as const) {
      const value = query[name];
      if (value !== undefined && Number.isNaN(Date.parse(value))) {
        throw new HttpProblem(400, {
          type: problemTypes.badRequest,
          detail: `${name} is not an ISO 8601 date or date-time.`,
        });
      }
    }
    return listHistory(this.db, caller.accountId, {
      offset: query.offset,
      limit: query.limit,
      ...(query.type ? { type: query.type } : {}),
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
    });
  }

  /**
   * One transaction, in this order: lock the account (a repeat of a key still running waits here
   * for the first), the Idempotency-Key (a repeat answers the first result; another body is a
   * 422), If-Match (409 when stale), `validate` (422 with the issues), `applyDraft`, the new
   * version, the key's result and the audit row.
   */
  private async commit(request: FastifyRequest, reply: FastifyReply): Promise<LicensingSnapshot> {
    const caller = callerOf(request);
    const { expected, key } = writeHeaders(request, {
      against: 'the changes were made against',
      key: 'one per cart',
    });
    const changes = request.body as ChangeSet;
    // The change request this cart saves (R1): approved in this transaction, or nothing is saved.
    const requestId = header(request, 'change-request')?.trim() || undefined;
    const requestHash = sha256(canonical(requestId ? [changes, requestId] : changes));
    const at = this.now();
    const snapshot = await this.db.transaction(async (tx) => {
      await rollOver(tx, caller.accountId, at);
      const version = await accountVersion(tx, caller.accountId, true);
      if (version === undefined) throw new HttpProblem(404, { detail: 'The account no longer exists.' });
      const prior = await priorAnswer<LicensingSnapshot>(tx, caller.accountId, key, requestHash, {
        detail: 'This Idempotency-Key was already used for other changes. Send a new key for a new cart.',
        extensions: { issues: [] },
      });
      if (prior) return prior;
      const before = await readSnapshot(tx, caller.accountId, caller.permission);
      if (!before) throw new HttpProblem(404, { detail: 'The account no longer exists.' });
      const asked = requestId ? await lockPendingRequest(tx, caller, requestId) : undefined;
      if (expected !== before.version) {
        throw new HttpProblem(409, {
          type: problemTypes.conflict,
          detail: `If-Match is not the current version (${before.version}): the licences changed since they were loaded. Nothing was changed.`,
          extensions: { currentVersion: before.version },
        });
      }
      const errors = validate(before, changes).filter((issue) => issue.severity === 'error');
      if (errors.length) {
        throw new HttpProblem(422, {
          type: problemTypes.validation,
          detail: `The changes break ${errors.length === 1 ? 'a rule' : `${errors.length} rules`}.`,
          extensions: { issues: errors },
        });
      }
      const after: LicensingSnapshot = { ...applyDraft(before, changes), version: versionLabel(version + 1) };
      await writeSnapshot(tx, caller.accountId, after, version + 1);
      // Approved only when the commit holds what was asked; an edited change leaves it pending.
      if (asked && requestCarried(after, asked))
        await approveInCommit(tx, caller, asked.id, after.version, at);
      await tx.query(
        `INSERT INTO idempotency_keys (account_id, key, request_hash, status, response)
         VALUES ($1, $2, $3, 200, $4::text::jsonb)`,
        [caller.accountId, key, requestHash, JSON.stringify(after)],
      );
      await tx.query(
        `INSERT INTO audit_log (account_id, at, user_name, idempotency_key, changes, before, after, quote)
         VALUES ($1, $2, $3, $4, $5::text::jsonb, $6::text::jsonb, $7::text::jsonb, $8::text::jsonb)`,
        [
          caller.accountId,
          at.toISOString(),
          caller.name,
          key,
          JSON.stringify(changes),
          JSON.stringify(before),
          JSON.stringify(after),
          JSON.stringify(quote(before, changes)),
        ],
      );
      return after;
    });
    reply.header('ETag', `"${snapshot.version}"`);
    return snapshot;
  }

  /** Use reported by the host's services, counted into the current billing month. */
  private async recordUsage(request: FastifyRequest) {
    const caller = callerOf(request);
    const { records } = request.body as { records: UsageRecordInput[] };
    await this.currentPeriod(caller.accountId);
    return this.db.transaction(async (tx) => {
      // Locked, so a month rollover cannot run between reading the period and counting.
      await accountVersion(tx, caller.accountId, true);
      const snapshot = await readSnapshot(tx, caller.accountId, 'update');
      if (!snapshot) throw new HttpProblem(404, { detail: 'The account no longer exists.' });
      return recordUsage(tx, caller.accountId, snapshot, records, this.now());
    });
  }

  private async isServiceAllowed(request: FastifyRequest) {
    const caller = callerOf(request);
    const { id } = request.params as { id: string };
    const snapshot = await currentSnapshot(this.db, caller.accountId, 'update', this.now());
    const answer = snapshot && serviceAllowance(snapshot, id);
    if (!answer) throw new HttpProblem(404, { detail: `This account has no service "${id}".` });
    return answer;
  }

  private async downloadLicenseLog(request: FastifyRequest, reply: FastifyReply): Promise<string> {
    const file = await licenseLog(this.db, callerOf(request).accountId, this.now());
    const ascii = file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    reply
      .type('text/plain; charset=utf-8')
      .header(
        'Content-Disposition',
        `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      );
    return file.text;
  }
}
