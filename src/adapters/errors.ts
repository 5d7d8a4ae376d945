import type { ValidationIssue } from '../core/index.js';

/** What went wrong, as a stable string an element can switch on. */
export type LicensingErrorKind =
  | 'permission'
  | 'conflict'
  | 'validation'
  | 'network'
  | 'timeout'
  | 'not-found'
  | 'server'
  | 'bad-response'
  | 'not-supported';

interface ErrorInit {
  /** HTTP status, when the error came from an HTTP answer. */
  status?: number;
  /** The server's own words (problem+json `detail`); shown to the user as text, never as markup. */
  detail?: string;
  cause?: unknown;
}

/**
 * Base class of every error an adapter throws. Elements switch on `kind` to say what happened and
 * what to do; `retryable` tells whether trying the same thing again may work.
 */
export class LicensingError extends Error {
  readonly kind: LicensingErrorKind;
  readonly status: number | undefined;
  readonly detail: string | undefined;

  constructor(kind: LicensingErrorKind, message: string, init: ErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.kind = kind;
    this.status = init.status;
    this.detail = init.detail;
  }

  /** Whether the same request may succeed if sent again. */
  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.kind === 'server';
  }
}

/** The user may not do this (HTTP 403): their Access lacks the Licensing Access or Update box. */
export class PermissionError extends LicensingError {
  constructor(message = 'You do not have permission to change licences.', init?: ErrorInit) {
    super('permission', message, { status: 403, ...init });
  }
}

/**
 * The data changed since it was loaded (HTTP 409 or 412): the commit's `expectedVersion` is not the
 * current one. The store reloads, re-applies the draft and shows what changed.
 */
export class ConflictError extends LicensingError {
  /** The version the backend holds now, when it said so. */
  readonly currentVersion: string | undefined;
  constructor(
    message = 'The licences were changed by someone else.',
    init?: ErrorInit & { currentVersion?: string },
  ) {
    super('conflict', message, { status: 409, ...init });
    this.currentVersion = init?.currentVersion;
  }
}

/**
 * The backend refused the change set or the licence key (HTTP 422); `issues` uses the codes of
 * `validate()`, `reason` is the stable code of a refused key (`LicenseKeyRefusal`, or a newer one).
 */
export class ValidationError extends LicensingError {
  readonly issues: readonly ValidationIssue[];
  readonly reason: string | undefined;
  constructor(
    message = 'The changes were refused.',
    init?: ErrorInit & { issues?: readonly ValidationIssue[]; reason?: string },
  ) {
    super('validation', message, { status: 422, ...init });
    this.issues = init?.issues ?? [];
    this.reason = init?.reason;
  }
}

/** The backend could not be reached (offline, DNS, CORS, connection reset). */
export class NetworkError extends LicensingError {
  constructor(message = 'The licensing service could not be reached.', init?: ErrorInit) {
    super('network', message, init);
  }
}

/** The backend did not answer in time. */
export class TimeoutError extends LicensingError {
  constructor(message = 'The licensing service did not answer in time.', init?: ErrorInit) {
    super('timeout', message, init);
  }
}

/** The thing asked for does not exist (HTTP 404). */
export class NotFoundError extends LicensingError {
  constructor(message = 'Not found.', init?: ErrorInit) {
    super('not-found', message, { status: 404, ...init });
  }
}

/** The backend failed (HTTP 5xx). */
export class ServerError extends LicensingError {
  constructor(message = 'The licensing service failed.', init?: ErrorInit) {
    super('server', message, { status: 500, ...init });
  }
}

/** The backend answered with a body that does not match the contract. */
export class BadResponseError extends LicensingError {
  constructor(message = 'The licensing service sent an answer that could not be read.', init?: ErrorInit) {
    super('bad-response', message, init);
  }
}

/**
 * A change could not be kept where it must survive a reload (the memory adapter's browser storage
 * is full or refused), so it was not applied. `kind` is `server`: trying again may work once
 * storage has room.
 */
export class StorageError extends LicensingError {
  constructor(
    message = 'The change could not be stored in this browser, so it was not saved.',
    init?: ErrorInit,
  ) {
    super('server', message, { detail: message, ...init });
  }
}

/** The adapter does not offer this optional capability. */
export class NotSupportedError extends LicensingError {
  constructor(message = 'This is not available here.', init?: ErrorInit) {
    super('not-supported', message, init);
  }
}

/** Whether `error` is the rejection of an aborted request (`AbortSignal`), which is not a failure. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Any thrown value as a `LicensingError`, so the store and elements deal with one type. */
export function toLicensingError(error: unknown): LicensingError {
  if (error instanceof LicensingError) return error;
  if (error instanceof TypeError) return new NetworkError(undefined, { cause: error });
  return new LicensingError('server', error instanceof Error ? error.message : String(error), {
    cause: error,
  });
}
