// The memory adapter's change requests (R1): sent by `view`, listed, declined or approved by
// `update`. Judged with the rule book (`requestRefusal`, `validate`), as any backend must.
import {
  MAX_REQUEST_NOTE,
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

/** The requests one memory backend holds, newest first. */
export class RequestBook {
  private requests: ChangeRequest[] = [];
  private readonly keys = new Map<string, ChangeRequest>();
  private sent = 0;

  constructor(private readonly now: () => Date) {}

  /** R1: a `view` user's draft and note as a pending request; a repeated key returns the first. */
  send(
    snapshot: LicensingSnapshot,
    user: string,
    changes: ChangeSet,
    note: string,
    key: string,
  ): ChangeRequest {
    const repeat = this.keys.get(key);
    if (repeat) return clone(repeat);
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
      requestedBy: user,
      requestedAt: this.now().toISOString(),
      changes: normaliseDraft(snapshot, changes),
      before: valuesBefore(snapshot, changes),
      note,
      status: 'pending',
    };
    this.requests = [request, ...this.requests];
    this.keys.set(key, request);
    return clone(request);
  }

  /** Every request for `update`, the user's own for `view`. */
  list(snapshot: LicensingSnapshot, user: string): ChangeRequest[] {
    if (!canView(snapshot.permission))
      throw new PermissionError('You do not have permission to see requests.');
    const all = canEdit(snapshot.permission);
    return clone(this.requests.filter((r) => all || r.requestedBy === user));
  }

  /** R1: `update` declines a pending request with a reason, or marks it approved once saved. */
  decide(snapshot: LicensingSnapshot, user: string, id: string, decision: RequestDecision): ChangeRequest {
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
      decidedBy: user,
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
  }
}
