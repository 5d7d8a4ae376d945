// The LicensingAdapter that speaks the REST contract over `fetch`. The contract itself is written
// down in docs/openapi.yaml; the MSW handlers in src/mocks serve the same contract, and the tests
// run this adapter against them. What it needs besides the six operations lives next door: its
// options (options.ts), the installation licence's calls (installation.ts), header parsing
// (headers.ts), the retry policy (retry.ts), abort and timeout (signals.ts), error answers
// (problem.ts) and the body decoders (../decode/).

import type {
  ChangeSet,
  InstallationLicense,
  LicensingSnapshot,
  UsagePage,
  UsageQuery,
} from '../../core/index.js';
import type { HistoryPage, HistoryQuery } from '../../core/index.js';
import type { CommitOptions, DownloadedFile, LicensingAdapter, RequestOptions } from '../adapter.js';
import { BadResponseError, type LicensingError, NetworkError, TimeoutError } from '../errors.js';
import { decodeLicensingSnapshot, decodeUsagePage } from '../decode/bodies.js';
import { DecodeError } from '../decode/fields.js';
import { parseEtag } from './headers.js';
import type { RestAdapterOptions, RestHeaders } from './options.js';
import { errorFromAnswer } from './problem.js';
import {
  isRetryableFailure,
  isRetryableStatus,
  retryDelay,
  retryLimit,
  retrySettings,
  type RetryPolicy,
  type RetrySettings,
} from './retry.js';
import { attemptSignal, sleep, untilAborted } from './signals.js';
import { decodeHistoryPage, historyRequest } from './history.js';
import { restRequests } from './requests.js';
import { restInstallation } from './installation.js';
import { restAssignment } from './assignment.js';

export type { RestAdapterOptions, RestHeaders, RestRequestInfo } from './options.js';

interface RequestSpec {
  readonly method: 'GET' | 'POST' | 'PUT';
  /** Path after the base URL, query included. */
  readonly path: string;
  /** Serialised once, so every retry of a commit sends exactly the same bytes. */
  readonly body?: string;
  readonly headers?: RestHeaders;
  readonly retry: RetryPolicy;
  /** How to read a successful answer's body. */
  readonly read: 'text' | 'blob';
  readonly signal: AbortSignal | undefined;
}

/** One answer, body read in full (within the timeout). */
interface Exchange {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly blob: Blob | undefined;
}

/**
 * A `LicensingAdapter` for a backend that serves the licence-kit REST contract (`docs/openapi.yaml`
 * in the repository): `GET /licensing`, `GET /licensing/usage`, `POST /licensing/changes`,
 * `GET /license`, `PUT /license/key` and `GET /license/log` under one base URL.
 *
 * ```ts
 * import { RestAdapter } from 'licence-kit';
 * const adapter = new RestAdapter({
 *   baseUrl: '/api',
 *   headers: async () => ({ Authorization: `Bearer ${await auth.token()}` }),
 * });
 * provider.adapter = adapter;
 * ```
 *
 * What it does for you:
 * - commits send `If-Match: "<expectedVersion>"` and `Idempotency-Key: <idempotencyKey>`;
 * - GETs are retried with exponential backoff and jitter on network errors and HTTP
 *   429/502/503/504, honouring `Retry-After`; a commit is retried only on a network error, a
 *   timeout, a 429 (rate limited) or a 503, with the same key and body, so the server can answer a
 *   repeat with the first result and a cart is never applied twice;
 * - errors become the typed errors of licence-kit: `application/problem+json` (RFC 9457) bodies are
 *   read for `detail`, `issues` (422) and `currentVersion` (409/412); any other error answer is
 *   mapped by status (403 → `PermissionError`, 404 → `NotFoundError`, 409/412 → `ConflictError`,
 *   400/422 → `ValidationError`, 501 → `NotSupportedError`, 5xx → `ServerError`);
 * - every body is checked against the contract; one that does not match rejects with a
 *   `BadResponseError` whose message names the first bad field (`lines[2].count is not a whole
 *   number`);
 * - each attempt times out (`TimeoutError`); an abort through the caller's `signal` rejects with
 *   the signal's reason (an `AbortError` `DOMException`), never with a licence-kit error.
 *
 * - with `liveUpdates`, `subscribe` follows `GET /licensing/events`: another admin's commit loads
 *   the snapshot again, and the widgets say what changed underneath and rebase the cart.
 */
export class RestAdapter implements LicensingAdapter {
  private readonly baseUrl: string;
  private readonly options: RestAdapterOptions;
  private readonly timeout: number;
  private readonly retry: RetrySettings;

  /** Optional capability; absent when `installationLicense: false`. */
  getInstallationLicense?: (options?: RequestOptions) => Promise<InstallationLicense>;
  /** Optional capability; absent when `installationLicense: false`. */
  applyLicenseKey?: (key: string, options?: RequestOptions) => Promise<InstallationLicense>;
  /** Optional capability; absent when `installationLicense: false`. */
  downloadLicenseLog?: (options?: RequestOptions) => Promise<DownloadedFile>;
  /** Optional capability (live updates); present with the `liveUpdates` option. */
  subscribe?: (onChange: (snapshot: LicensingSnapshot) => void) => () => void;

  constructor(options: RestAdapterOptions) {
    this.options = options;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeout = options.timeout ?? 15000;
    this.retry = retrySettings(options);
    // Instance properties rather than methods, so that `installationLicense: false` can leave them
    // out and the widgets see an adapter without the capability (`'applyLicenseKey' in adapter`).
    if (options.installationLicense !== false) {
      // installation.ts: GET /license, PUT /license/key, GET /license/log.
      Object.assign(
        this,
        restInstallation({
          send: async (call, decode) => this.decode(call, await this.exchange(call), decode),
          // A 2xx answer to a blob read always carries its body as a blob (see attempt()).
          file: async (call) => {
            const answer = await this.exchange(call);
            return { headers: answer.headers, blob: answer.blob! };
          },
          badResponse: (call, what) => this.badResponse(call, what),
        }),
      );
    }
    if (options.liveUpdates) this.subscribe = options.liveUpdates(this, options);
    // Change requests (requests.ts: POST and GET /licensing/requests, POST …/{id}/decline|approve).
    Object.assign(
      this,
      restRequests(async (call, decode) => this.decode(call, await this.exchange(call), decode)),
    );
    // Assignments (assignment.ts, R12: POST /licensing/assignments), unless `assignment: false`.
    if (options.assignment !== false) {
      Object.assign(
        this,
        restAssignment(
          async (call, decode) => this.decode(call, await this.exchange(call), decode),
          () => Object.assign(this, { assign: undefined, unassign: undefined }),
        ),
      );
    }
  }

  /** Optional capability (R12); absent when `assignment: false`. */
  declare readonly assign?: LicensingAdapter['assign'];
  /** Optional capability (R12); absent when `assignment: false`. */
  declare readonly unassign?: LicensingAdapter['unassign'];

  declare readonly requestChange: NonNullable<LicensingAdapter['requestChange']>;
  declare readonly listRequests: NonNullable<LicensingAdapter['listRequests']>;
  declare readonly decideRequest: NonNullable<LicensingAdapter['decideRequest']>;

  /** `GET {baseUrl}/licensing`. The body's `version` is the snapshot's; the `ETag` fills it in if absent. */
  async load(options: RequestOptions = {}): Promise<LicensingSnapshot> {
    const spec: RequestSpec = {
      method: 'GET',
      path: '/licensing',
      retry: 'read',
      read: 'text',
      signal: options.signal,
    };
    return this.snapshotFrom(spec, await this.exchange(spec));
  }

  /** `GET {baseUrl}/licensing/usage?type=&q=&offset=&limit=`; `type` and `q` only when set. */
  async listUsage(query: UsageQuery, options: RequestOptions = {}): Promise<UsagePage> {
    const params = new URLSearchParams();
    if (query.typeId) params.set('type', query.typeId);
    if (query.search) params.set('q', query.search);
    params.set('offset', String(query.offset));
    params.set('limit', String(query.limit));
    const spec: RequestSpec = {
      method: 'GET',
      path: `/licensing/usage?${params.toString()}`,
      retry: 'read',
      read: 'text',
      signal: options.signal,
    };
    return this.decode(spec, await this.exchange(spec), decodeUsagePage);
  }

  /**
   * `POST {baseUrl}/licensing/changes` with the change set as JSON, `If-Match: "<expectedVersion>"`
   * and `Idempotency-Key`. Resolves with the new snapshot.
   */
  async commit(changes: ChangeSet, options: CommitOptions): Promise<LicensingSnapshot> {
    const spec: RequestSpec = {
      method: 'POST',
      path: '/licensing/changes',
      body: JSON.stringify(changes),
      headers: {
        'Content-Type': 'application/json',
        'If-Match': `"${options.expectedVersion}"`,
        'Idempotency-Key': options.idempotencyKey,
      },
      retry: 'commit',
      read: 'text',
      signal: options.signal,
    };
    return this.snapshotFrom(spec, await this.exchange(spec));
  }

  /** `GET {baseUrl}/licensing/history?type=&from=&to=&offset=&limit=` (history.ts). */
  async listHistory(query: HistoryQuery, options: RequestOptions = {}): Promise<HistoryPage> {
    const spec = historyRequest(query, options.signal);
    return this.decode(spec, await this.exchange(spec), decodeHistoryPage);
  }

  // --- plumbing ----------------------------------------------------------------------------------

  private snapshotFrom(spec: RequestSpec, answer: Exchange): LicensingSnapshot {
    const etag = parseEtag(answer.headers.get('ETag'));
    return this.decode(spec, answer, (body) => {
      // The version travels in the body; a server that keeps it only in the ETag still works.
      const withVersion =
        etag !== undefined &&
        typeof body === 'object' &&
        body !== null &&
        !Array.isArray(body) &&
        !('version' in body)
          ? { ...body, version: etag }
          : body;
      return decodeLicensingSnapshot(withVersion);
    });
  }

  private decode<T>(spec: RequestSpec, answer: Exchange, decoder: (body: unknown) => T): T {
    let body: unknown;
    try {
      body = JSON.parse(answer.text);
    } catch (error) {
      const type = answer.headers.get('Content-Type');
      throw this.badResponse(spec, `the body is not valid JSON${type ? ` (${type})` : ''}`, error);
    }
    try {
      return decoder(body);
    } catch (error) {
      if (error instanceof DecodeError) throw this.badResponse(spec, error.message, error);
      throw error;
    }
  }

  private badResponse(spec: RequestSpec, what: string, cause?: unknown): BadResponseError {
    const path = this.baseUrl + spec.path.split('?')[0];
    return new BadResponseError(
      `The licensing service sent an answer that could not be read (${spec.method} ${path}): ${what}.`,
      {
        detail: what,
        cause,
      },
    );
  }

  /** Sends `spec`, retrying as its policy allows, and resolves with a 2xx answer or rejects. */
  private async exchange(spec: RequestSpec): Promise<Exchange> {
    const limit = retryLimit(spec.retry, this.retry);
    for (let attempt = 0; ; attempt++) {
      let answer: Exchange | undefined;
      let failure: LicensingError | undefined;
      try {
        answer = await this.attempt(spec);
      } catch (error) {
        if (!(error instanceof NetworkError || error instanceof TimeoutError)) throw error;
        failure = error;
      }
      if (answer && answer.status >= 200 && answer.status < 300) return answer;
      const retryable = answer
        ? isRetryableStatus(spec.retry, answer.status)
        : isRetryableFailure(spec.retry, failure!);
      if (!retryable || attempt >= limit) {
        throw failure ?? errorFromAnswer(answer!.status, answer!.headers.get('Content-Type'), answer!.text);
      }
      await sleep(retryDelay(attempt, answer?.headers.get('Retry-After') ?? null, this.retry), spec.signal);
    }
  }

  /** One attempt: fetch and read the whole body, under the timeout and the caller's signal. */
  private async attempt(spec: RequestSpec): Promise<Exchange> {
    const caller = spec.signal;
    caller?.throwIfAborted();
    const url = this.baseUrl + spec.path;
    const extra =
      typeof this.options.headers === 'function'
        ? await this.options.headers({ method: spec.method, url })
        : (this.options.headers ?? {});
    caller?.throwIfAborted();

    const headers = new Headers(extra);
    headers.set('Accept', spec.read === 'blob' ? '*/*' : 'application/json, application/problem+json');
    for (const [name, value] of Object.entries(spec.headers ?? {})) headers.set(name, value);

    const { signal, timedOut } = attemptSignal(caller, this.timeout);
    const init: RequestInit = { method: spec.method, headers, signal };
    if (spec.body !== undefined) init.body = spec.body;
    if (this.options.credentials) init.credentials = this.options.credentials;
    const fetchImpl = this.options.fetch ?? ((input: string, i: RequestInit) => globalThis.fetch(input, i));

    try {
      // Raced against the signal too, so a custom fetch that ignores `signal` still times out.
      return await untilAborted(
        (async (): Promise<Exchange> => {
          const response = await fetchImpl(url, init);
          const ok = response.status >= 200 && response.status < 300;
          const blob = ok && spec.read === 'blob' ? await response.blob() : undefined;
          const text = blob ? '' : await response.text();
          return { status: response.status, headers: response.headers, text, blob };
        })(),
        signal,
      );
    } catch (error) {
      if (caller?.aborted) throw caller.reason;
      if (timedOut()) {
        throw new TimeoutError(`The licensing service did not answer within ${this.timeout} ms.`, {
          cause: error,
        });
      }
      // fetch rejects with a TypeError for every transport failure (offline, DNS, CORS, reset).
      throw new NetworkError(undefined, { cause: error });
    }
  }
}
