// R1 change requests: a `view` user drafts a change and sends it as a request; an `update` user
// loads it into the cart and saves it (the normal rules apply), or declines it with a reason. Pure
// functions of (snapshot, request); the store, the elements and the server call these.

import { isEmptyDraft, normaliseDraft } from './draft.js';
import { lineFor } from './lookup.js';
import { canRequest } from './permissions.js';
import type { ChangeSet, LicensingSnapshot, Permission } from './types.js';
import type { ValidationIssue } from './validate.js';

/** Where a request stands: waiting for an `update` user, saved by one, or declined with a reason. */
export type RequestStatus = 'pending' | 'approved' | 'declined';

/** A change a `view` user asked for. */
export interface ChangeRequest {
  readonly id: string;
  /** Who sent it (the backend's name for the user). */
  readonly requestedBy: string;
  /** When it was sent, ISO 8601. */
  readonly requestedAt: string;
  /** The change asked for, as a cart holds it. */
  readonly changes: ChangeSet;
  /** The values the change touches as they were when it was sent (`valuesBefore`). */
  readonly before: ChangeSet;
  /** The requester's note; may be empty. */
  readonly note: string;
  readonly status: RequestStatus;
  /** Who approved or declined it, and when (ISO 8601). */
  readonly decidedBy?: string | undefined;
  readonly decidedAt?: string | undefined;
  /** Why it was declined. */
  readonly reason?: string | undefined;
  /** The version the commit that approved it made (its entry in the history). */
  readonly version?: string | undefined;
}

/**
 * What an `update` user decided: declined with a reason, or approved once the change was saved
 * through the cart (the commit itself is the normal one; this only marks the request done).
 */
export type RequestDecision =
  { readonly outcome: 'declined'; readonly reason: string } | { readonly outcome: 'approved' };

/** The longest note or reason accepted, in characters. */
export const MAX_REQUEST_NOTE = 1000;

/** How many decided requests a list holds at most, after every pending one. */
export const MAX_DECIDED_REQUESTS = 200;

/**
 * The requests a list answers, from all of them newest first: every pending request (none may
 * vanish while it waits), then the newest `MAX_DECIDED_REQUESTS` decided ones.
 */
export function listedRequests(newestFirst: readonly ChangeRequest[]): ChangeRequest[] {
  const pending = newestFirst.filter((r) => r.status === 'pending');
  const decided = newestFirst.filter((r) => r.status !== 'pending');
  return [...pending, ...decided.slice(0, MAX_DECIDED_REQUESTS)];
}

/** Why a request cannot be sent (R1, R9); undefined: it can. */
export type RequestRefusal = 'permission' | 'empty' | 'invalid' | 'note-too-long';

/**
 * R1: whether the draft may be sent as a request. Only `view` sends requests; the draft must change
 * something and break no rule but the permission (`permission-denied` is what makes it a request),
 * and the note stays within `MAX_REQUEST_NOTE`.
 */
export function requestRefusal(
  permission: Permission,
  issues: readonly ValidationIssue[],
  note: string,
): RequestRefusal | undefined {
  if (!canRequest(permission)) return 'permission';
  if (issues.some((issue) => issue.code === 'nothing-to-commit')) return 'empty';
  if (issues.some((issue) => issue.severity === 'error' && issue.code !== 'permission-denied'))
    return 'invalid';
  if (note.length > MAX_REQUEST_NOTE) return 'note-too-long';
  return undefined;
}

/** The snapshot's current values of everything `changes` touches (a request's `before`). */
export function valuesBefore(snapshot: LicensingSnapshot, changes: ChangeSet): ChangeSet {
  const counts = Object.keys(changes.counts ?? {});
  const limits = Object.keys(changes.powerPack?.limits ?? {});
  const { speechToText: stt, powerPack: pack } = snapshot;
  const before: {
    counts?: Record<string, number>;
    retention?: ChangeSet['retention'];
    speechToText?: { enabled?: boolean; limitOverBase?: number | null };
    powerPack?: { enabled?: boolean; limits?: Record<string, number | null> };
  } = {};
  if (counts.length)
    before.counts = Object.fromEntries(counts.map((id) => [id, lineFor(snapshot, id).count]));
  if (changes.retention && snapshot.recording) before.retention = snapshot.recording.retention;
  if (changes.speechToText && stt) {
    before.speechToText = {
      ...(changes.speechToText.enabled !== undefined && { enabled: stt.enabled }),
      ...(changes.speechToText.limitOverBase !== undefined && { limitOverBase: stt.limitOverBase }),
    };
  }
  if (changes.powerPack && pack) {
    const services = limits.map((id) => [id, pack.services.find((s) => s.id === id)?.limit ?? null]);
    before.powerPack = {
      ...(changes.powerPack.enabled !== undefined && { enabled: pack.enabled }),
      ...(limits.length && { limits: Object.fromEntries(services) }),
    };
  }
  return before;
}

/** The request's change as it still applies now (no-op entries dropped): what "Review in cart" loads. */
export function requestDraft(snapshot: LicensingSnapshot, request: ChangeRequest): ChangeSet {
  return normaliseDraft(snapshot, request.changes);
}

/**
 * Whether `after` (the snapshot a commit made) holds everything the request asked for: only then
 * is the request approved by that commit. An admin who changed the request's values in the cart
 * before saving (asked 10 → 14, saved 12) saved their own change; the request stays pending.
 */
export function requestCarried(after: LicensingSnapshot, request: Pick<ChangeRequest, 'changes'>): boolean {
  return isEmptyDraft(after, request.changes);
}
