// The memory adapter's change requests (R1): sent by `view`, listed, declined or approved by
// `update`. Judged with the rule book (`requestRefusal`, `validate`), as any backend must.
import {
  MAX_REQUEST_NOTE,
  listedRequests,
  canEdit,
  canRequest,
  canView,
  normaliseDraft,
  requestRefusal,
  validate,
  valuesBefore,
  type ChangeRequest,
  type ChangeSet,
  type LicensingSnapshot,
  type RequestDecision,
} from '../../core/index.js';
import { ConflictError, NotFoundError, PermissionError, ValidationError } from '../errors.js';

const clone = <T>(value: T): T => structuredClone(value);

/** Who sends or decides: the user's id (whose requests are theirs) and name (as shown). */
export interface BookUser {
  readonly id: string;
  readonly name: string;
}

/** The requests one memory backend holds, newest first. */
export class RequestBook {
  private requests: ChangeRequest[] = [];
  /** Each key's request id and what was sent with it (a reuse with another body is refused). */
  private readonly keys = new Map<string, { id: string; body: string }>();
  /** Request id → the requester's user id (a `view` user's own are matched by it, never by name). */
  private readonly owners = new Map<string, string>();
  private sent = 0;

  constructor(private readonly now: () => Date) {}

  /** R1: a `view` user's draft and note as a pending request; a repeated key returns the first. */
  send(
    snapshot: LicensingSnapshot,
    user: BookUser,
    changes: ChangeSet,
    note: string,
    key: string,
  ): ChangeRequest {
    const body = JSON.stringify([changes, note]);
    const repeat = this.keys.get(key);
    if (repeat) {
      if (repeat.body !== body) {
        throw new ValidationError(
          'This Idempotency-Key was already used for another request. Send a new key.',
          {
            issues: [],
            reason: 'key-reused',
          },
        );
      }
      return clone(this.requests.find((r) => r.id === repeat.id)!);
    }
    if (!canRequest(snapshot.permission)) {
      throw new PermissionError(
        canEdit(snapshot.permission)
          ? 'You may change licences yourself: save the change instead of requesting it.'
          : 'You do not have permission to request a change of licences.',
      );
    }
    const issues = validate(snapshot, changes);
    const refusal = requestRefusal(snapshot.permission, issues, note);
    if (refusal) {
      const errors = issues.filter((i) => i.severity === 'error' && i.code !== 'permission-denied');
      throw new ValidationError(
        refusal === 'note-too-long'
          ? `The note is longer than ${MAX_REQUEST_NOTE} characters.`
          : 'The requested change breaks a rule.',
        { issues: errors, reason: refusal },
      );
    }
    const request: ChangeRequest = {
      id: `request-${++this.sent}`,
      requestedBy: user.name,
      requestedAt: this.now().toISOString(),
      changes: normaliseDraft(snapshot, changes),
      before: valuesBefore(snapshot, changes),
      note,
      status: 'pending',
    };
    this.requests = [request, ...this.requests];
    this.keys.set(key, { id: request.id, body });
    this.owners.set(request.id, user.id);
    return clone(request);
  }

  /** Every request for `update`, the user's own (by id) for `view`; pending first (`listedRequests`). */
  list(snapshot: LicensingSnapshot, user: BookUser): ChangeRequest[] {
    if (!canView(snapshot.permission))
      throw new PermissionError('You do not have permission to see requests.');
    const all = canEdit(snapshot.permission);
    return clone(listedRequests(this.requests.filter((r) => all || this.owners.get(r.id) === user.id)));
  }

  /**
   * The request a commit carries (`CommitOptions.requestId`), checked before the commit changes
   * anything: `NotFoundError` (`request-not-found`) when there is none, `ConflictError` (`request-decided`) when it was
   * approved or declined meanwhile.
   */
  pending(id: string): ChangeRequest {
    const request = this.requests.find((r) => r.id === id);
    if (!request) {
      throw new NotFoundError('The change request this cart saves no longer exists. Nothing was saved.', {
        reason: 'request-not-found',
      });
    }
    if (request.status !== 'pending') {
      const by = request.decidedBy ? ` by ${request.decidedBy}` : '';
      throw new ConflictError(`The change request was already ${request.status}${by}. Nothing was saved.`, {
        reason: 'request-decided',
      });
    }
    return request;
  }

  /** Marks the request `pending` checked approved, by the commit that made `version`. */
  approveInCommit(id: string, user: BookUser, version: string, at: Date): void {
    this.requests = this.requests.map((r) =>
      r.id === id
        ? { ...r, status: 'approved', decidedBy: user.name, decidedAt: at.toISOString(), version }
        : r,
    );
  }

  /** R1: `update` declines a pending request with a reason, or marks it approved once saved. */
  decide(snapshot: LicensingSnapshot, user: BookUser, id: string, decision: RequestDecision): ChangeRequest {
    if (!canEdit(snapshot.permission))
      throw new PermissionError('You do not have permission to decide requests.');
    const request = this.requests.find((r) => r.id === id);
    if (!request) throw new NotFoundError('There is no such request.');
    if (request.status !== 'pending') throw new ConflictError('The request was already decided.');
    const reason = decision.outcome === 'declined' ? decision.reason.trim() : undefined;
    if (reason !== undefined && (!reason || reason.length > MAX_REQUEST_NOTE)) {
      throw new ValidationError('Say why the request is declined (at most 1000 characters).', {
        reason: 'reason-required',
      });
    }
    const decided: ChangeRequest = {
      ...request,
      status: decision.outcome,
      decidedBy: user.name,
      decidedAt: this.now().toISOString(),
      ...(reason !== undefined && { reason }),
    };
    this.requests = this.requests.map((r) => (r.id === id ? decided : r));
    return clone(decided);
  }

  /** Forgets every request (the adapter's `reset`). */
  clear(): void {
    this.requests = [];
    this.keys.clear();
    this.owners.clear();
  }
}
