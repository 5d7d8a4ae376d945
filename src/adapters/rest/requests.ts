// The change requests of the REST contract (docs/openapi.yaml, R1): `POST /licensing/requests`
// (a `view` user's change and note, with `Idempotency-Key`), `GET /licensing/requests`, and
// `POST /licensing/requests/{id}/decline` / `…/approve` (`update`). The bodies are checked like
// every other answer; the adapter's own exchange (retries, timeout, errors) carries them. A server
// without the routes (501, or a 404 without a `reason`, on them) is a server without requests: the adapter drops the
// three methods (`gone`) and rejects with `NotSupportedError`, so the widgets take the path of an
// adapter that never had them (the cart's `licence-change-request` event).
import type { ChangeRequest, ChangeSet, RequestDecision } from '../../core/index.js';
import type { RequestChangeOptions, RequestOptions } from '../adapter.js';
import { NotSupportedError, type LicensingError } from '../errors.js';
import { array, date, nonEmpty, object, oneOf, opt, req, string, withOptional } from '../decode/fields.js';
import type { RetryPolicy } from './retry.js';
import { decodeChangeSet } from './decode-changes.js';

/** One call the adapter makes for these methods: the request, and the decoder of its answer. */
export interface RequestCall {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly retry: RetryPolicy;
  readonly read: 'text';
  readonly signal: AbortSignal | undefined;
}
export type RequestSender = <T>(call: RequestCall, decode: (body: unknown) => T) => Promise<T>;

/**
 * Checks one request of `GET /licensing/requests` (or the answer to a send or a decision).
 * @throws DecodeError naming the first field that does not match the contract.
 */
export function decodeChangeRequest(value: unknown, path = ''): ChangeRequest {
  const o = object(value, path);
  const request: ChangeRequest = {
    id: req(o, 'id', path, nonEmpty),
    requestedBy: req(o, 'requestedBy', path, string),
    requestedAt: req(o, 'requestedAt', path, date),
    changes: req(o, 'changes', path, (v) => decodeChangeSet(v)),
    before: req(o, 'before', path, (v) => decodeChangeSet(v)),
    note: req(o, 'note', path, string),
    status: req(o, 'status', path, oneOf(['pending', 'approved', 'declined'] as const)),
  };
  withOptional(request, 'decidedBy', opt(o, 'decidedBy', path, string));
  withOptional(request, 'decidedAt', opt(o, 'decidedAt', path, date));
  withOptional(request, 'version', opt(o, 'version', path, string));
  return withOptional(request, 'reason', opt(o, 'reason', path, string));
}

const decodeList = (value: unknown): ChangeRequest[] => {
  const o = object(value, '');
  return req(
    o,
    'requests',
    '',
    array((v, path) => decodeChangeRequest(v, path)),
  );
};

/**
 * A 501, or a 404 without a `reason`, on a route without an id: the server has no requests
 * (`NotSupportedError`). A 404 of a server that has the routes says what is missing
 * (`reason: account-not-found`), so it is an error of that call, never the end of requests.
 */
function absent(error: unknown): error is LicensingError {
  const { kind, status, reason } = error as Partial<LicensingError>;
  return kind === 'not-supported' || (kind === 'not-found' && status === 404 && reason === undefined);
}

/**
 * The three optional methods over `send` (the adapter's exchange); `gone` is called once the server
 * answers that it has no requests (the adapter then leaves the methods out).
 */
export function restRequests(send: RequestSender, gone: () => void) {
  const offered = async <T>(call: Promise<T>): Promise<T> => {
    try {
      return await call;
    } catch (error) {
      if (!absent(error)) throw error;
      gone();
      throw new NotSupportedError('This licensing service offers no change requests.', {
        ...(error.status === undefined ? {} : { status: error.status }),
        ...(error.detail === undefined ? {} : { detail: error.detail }),
        cause: error,
      });
    }
  };
  return {
    requestChange: (changes: ChangeSet, note: string, options: RequestChangeOptions) =>
      offered(
        send(
          {
            method: 'POST',
            path: '/licensing/requests',
            body: JSON.stringify({ changes, note }),
            headers: { 'Content-Type': 'application/json', 'Idempotency-Key': options.idempotencyKey },
            // Retried like a commit: the key makes a repeat return the first request.
            retry: 'commit',
            read: 'text',
            signal: options.signal,
          },
          (body) => decodeChangeRequest(body),
        ),
      ),
    listRequests: (options: RequestOptions = {}) =>
      offered(
        send(
          { method: 'GET', path: '/licensing/requests', retry: 'read', read: 'text', signal: options.signal },
          decodeList,
        ),
      ),
    decideRequest: (id: string, decision: RequestDecision, options: RequestOptions = {}) =>
      send(
        {
          method: 'POST',
          path: `/licensing/requests/${encodeURIComponent(id)}/${decision.outcome === 'declined' ? 'decline' : 'approve'}`,
          body: JSON.stringify(decision.outcome === 'declined' ? { reason: decision.reason } : {}),
          headers: { 'Content-Type': 'application/json' },
          retry: 'never',
          read: 'text',
          signal: options.signal,
        },
        (body) => decodeChangeRequest(body),
      ),
  };
}
