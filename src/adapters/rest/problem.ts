// Error answers of the REST contract: an `application/problem+json` body (RFC 9457) read leniently,
// and any non-2xx answer mapped by its status to the typed errors of licence-kit.

import type { AssignmentProblem, ValidationIssue } from '../../core/index.js';
import { AssignmentError } from '../assignment-error.js';
import {
  BadResponseError,
  ConflictError,
  type LicensingError,
  NotFoundError,
  NotSupportedError,
  PermissionError,
  ServerError,
  TimeoutError,
  ValidationError,
} from '../errors.js';

type Json = Readonly<Record<string, unknown>>;

/** The fields of an `application/problem+json` body licence-kit reads. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  /** Extension on 422: the rule breaks, with the codes of `validate()`. */
  issues?: ValidationIssue[];
  /** Extension on 409/412: the version the server holds now. */
  currentVersion?: string;
  /** Extension on the 422 of `/license/key`: why the key was refused, as a stable code. */
  reason?: string;
  /** Extension on the 422 of `/licensing/assignments`: why R12 refused it (codes of `planAssignment`). */
  problems?: AssignmentProblem[];
}

/**
 * A 404 over REST, with the problem+json `type` of the answer when it had one: a route of the
 * contract that exists answers `urn:licence-kit:problem:not-found` for a thing that does not (the
 * account); any other 404 of an optional route (assignment.ts) means the server has no such route.
 */
export class RestNotFoundError extends NotFoundError {
  constructor(
    readonly problemType: string | undefined,
    init: { status: number; detail?: string },
  ) {
    super(undefined, init);
    this.name = 'NotFoundError';
  }
}

function isIssue(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { code, severity } = value as Json;
  return typeof code === 'string' && (severity === 'error' || severity === 'warning');
}

/**
 * Reads a problem body leniently: the HTTP status already says what kind of failure it is, so a
 * missing or odd field is left out rather than turning a clear 409 into an unreadable answer.
 */
export function decodeProblem(value: unknown): Problem {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const o = value as Json;
  const problem: Problem = {};
  if (typeof o.type === 'string') problem.type = o.type;
  if (typeof o.title === 'string') problem.title = o.title;
  if (typeof o.status === 'number') problem.status = o.status;
  if (typeof o.detail === 'string') problem.detail = o.detail;
  if (typeof o.currentVersion === 'string') problem.currentVersion = o.currentVersion;
  if (typeof o.reason === 'string') problem.reason = o.reason;
  if (Array.isArray(o.issues)) {
    // Issues are passed on by code; a newer server may send codes this version does not know, and
    // the elements show those generically, so only the discriminating fields are checked here.
    problem.issues = o.issues.filter(isIssue) as ValidationIssue[];
  }
  if (Array.isArray(o.problems)) {
    // By code, as the issues: an unknown code is shown generically.
    problem.problems = o.problems.filter(
      (p: unknown) => typeof p === 'object' && p !== null && typeof (p as Json).code === 'string',
    ) as AssignmentProblem[];
  }
  return problem;
}

/**
 * A non-2xx answer as a typed error: 400/422 → `ValidationError`, 401/403 → `PermissionError`,
 * 404 → `NotFoundError`, 408 → `TimeoutError`, 409/412 → `ConflictError`, 501 →
 * `NotSupportedError`, 429 and 5xx → `ServerError`, anything else → `BadResponseError`. A JSON
 * problem body adds `detail` (or `title`), `issues`, `reason` and `currentVersion`.
 */
export function errorFromAnswer(status: number, contentType: string | null, text: string): LicensingError {
  let problem = decodeProblem(undefined);
  if (/json/i.test(contentType ?? '')) {
    try {
      problem = decodeProblem(JSON.parse(text));
    } catch {
      // A broken error body: the status still says what happened.
    }
  }
  const detail = problem.detail ?? problem.title;
  const init = { status, ...(detail === undefined ? {} : { detail }) };
  switch (status) {
    case 400:
    case 422:
      if (problem.problems?.length) return new AssignmentError(problem.problems, undefined, init);
      return new ValidationError(undefined, {
        ...init,
        issues: problem.issues ?? [],
        ...(problem.reason === undefined ? {} : { reason: problem.reason }),
      });
    case 401:
      return new PermissionError('You are not signed in, or your session has ended.', init);
    case 403:
      return new PermissionError(undefined, init);
    case 404:
      return new RestNotFoundError(problem.type, init);
    case 408:
      return new TimeoutError(undefined, init);
    case 409:
    case 412:
      return new ConflictError(undefined, {
        ...init,
        ...(problem.currentVersion === undefined ? {} : { currentVersion: problem.currentVersion }),
      });
    case 501:
      return new NotSupportedError(undefined, init);
  }
  if (status >= 500 || status === 429) return new ServerError(undefined, init);
  return new BadResponseError(
    `The licensing service answered HTTP ${status}, which the contract does not expect.`,
    init,
  );
}
