// Stateful MSW handlers that serve the REST contract (docs/openapi.yaml) from a MemoryAdapter, so
// Storybook, the demo and the tests talk HTTP to a backend that enforces the real rules: every
// rule lives in src/core, the memory adapter applies it, and this file only translates between
// HTTP and the adapter (headers and bodies in, typed errors out as problem+json).
//
// Injected failures go through the memory adapter's own `failNext`, so one queue drives both the
// embedded adapter and the HTTP one, and each typed error it throws is translated here exactly as
// a real one would be.

import { http, HttpResponse, type HttpHandler } from 'msw';
import type { AdapterMethod, Failure } from '../adapters/adapter.js';
import {
  BadResponseError,
  ConflictError,
  LicensingError,
  NetworkError,
  NotFoundError,
  NotSupportedError,
  PermissionError,
  ServerError,
  TimeoutError,
  ValidationError,
} from '../adapters/errors.js';
import type { MemoryAdapter } from '../adapters/memory/memory-adapter.js';
import { decodeChangeSet } from '../adapters/rest/decode-changes.js';
import { DecodeError } from '../adapters/decode/fields.js';
import { parseEtag } from '../adapters/rest/headers.js';
import { eventsHandler } from './licensing-events.js';
import { historyHandler, malformedHistory } from './licensing-history.js';
import { requestsHandlers } from './requests-handlers.js';

/** Options of `createLicensingHandlers`. */
export interface LicensingHandlersOptions {
  /** The backend the handlers serve; its rules, data and failure queue are the server's. */
  backend: MemoryAdapter;
  /** Where the contract's paths start: `'/api'` (default) or an absolute URL. */
  baseUrl?: string;
  /**
   * How long a `timeout` failure leaves its request unanswered before failing it as a dropped
   * connection, in milliseconds. Default 60000: longer than any client's timeout, yet finite,
   * because MSW's `worker.stop()` waits for every request in flight. `reset()` ends them at once.
   */
  stallFor?: number;
}

/** What `createLicensingHandlers` returns. */
export interface LicensingHandlers {
  /** Pass to `setupWorker(...handlers)` (browser) or `worker.use(...handlers)`. */
  handlers: HttpHandler[];
  /**
   * Makes the next `times` requests of `operation` fail with `failure`:
   * `network` (connection error), `server` (500), `unavailable` (503, `Retry-After: 1`),
   * `rate-limited` (429, `Retry-After: 1`),
   * `timeout` (no answer until the client gives up), `forbidden` (403), `conflict` (409),
   * `validation` (422), `malformed` (200 with a body that breaks the contract). A failed request
   * changes nothing on the backend.
   */
  failNext(operation: AdapterMethod, failure: Failure, times?: number): void;
  /**
   * Back to the seed: forgets commits, idempotency keys and queued failures (`backend.reset()`),
   * and ends every request a `timeout` failure is holding and every open event stream (call it
   * before `worker.stop()`).
   */
  reset(): void;
}

const PROBLEM_TYPE = 'application/problem+json';

/** RFC 9457 problem types of this contract; clients map by status, the type is for people. */
const problemTypes = {
  conflict: 'urn:licence-kit:problem:conflict',
  validation: 'urn:licence-kit:problem:validation',
  badRequest: 'urn:licence-kit:problem:bad-request',
} as const;

interface ProblemInit {
  type?: string;
  title: string;
  detail?: string;
  headers?: Record<string, string>;
  extensions?: Record<string, unknown>;
}

export function problem(status: number, init: ProblemInit): HttpResponse<Record<string, unknown>> {
  const body: Record<string, unknown> = {
    type: init.type ?? 'about:blank',
    title: init.title,
    status,
    ...(init.detail === undefined ? {} : { detail: init.detail }),
    ...init.extensions,
  };
  return HttpResponse.json(body, { status, headers: { 'Content-Type': PROBLEM_TYPE, ...init.headers } });
}

/** `v7` → `"v7"`: the version as a strong entity tag. */
const etag = (version: string): string => `"${version}"`;

// Bodies for the `malformed` failure, fixed so tests can name the bad path. A snapshot with a
// fractional count (the commonest real bug: a float leaking from a billing system)…
const malformedSnapshot = {
  version: 'malformed',
  permission: 'update',
  period: { start: '2026-11-01', end: '2026-11-30' },
  catalog: [{ id: 'voice', name: 'Voice', unitPrice: { amount: 2400, currency: 'EUR' } }],
  lines: [{ typeId: 'voice', count: 2.5, inUse: 1, peak: 3 }],
};
// …a licence with a plan the contract does not know…
const malformedLicense = { token: 'malformed', plan: 'weekly' };
// …a usage page cut off mid-way (not JSON at all)…
const truncatedUsage = '{"total": 250, "countsByType": {"voice": 200}, "agents": [{"id": "a1", "na';
// …and the app's index.html served for the log, as a dev server's history fallback does.
const htmlPage = '<!doctype html><html><head><title>Admin</title></head><body></body></html>';

function malformed(operation: AdapterMethod): Response {
  switch (operation) {
    case 'load':
    case 'commit':
      return HttpResponse.json(malformedSnapshot, { headers: { ETag: etag(malformedSnapshot.version) } });
    case 'listUsage':
      return new HttpResponse(truncatedUsage, { headers: { 'Content-Type': 'application/json' } });
    case 'getInstallationLicense':
    case 'applyLicenseKey':
      return HttpResponse.json(malformedLicense);
    case 'downloadLicenseLog':
      return new HttpResponse(htmlPage, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
    case 'listHistory':
      return HttpResponse.json(malformedHistory);
  }
}

/** Translates what the backend threw into the HTTP answer a real server would give. */
export async function answerFor(
  operation: AdapterMethod,
  error: unknown,
  stall: () => Promise<Response>,
): Promise<Response> {
  if (error instanceof NetworkError) return HttpResponse.error();
  if (error instanceof TimeoutError) return stall();
  if (error instanceof BadResponseError) return malformed(operation);
  if (!(error instanceof LicensingError)) {
    return problem(500, {
      title: 'Internal Server Error',
      detail: error instanceof Error ? error.message : String(error),
    });
  }
  const detail = error.detail;
  if (error instanceof PermissionError)
    return problem(403, { title: 'Forbidden', detail: detail ?? error.message });
  if (error instanceof ConflictError) {
    return problem(409, {
      type: problemTypes.conflict,
      title: 'Conflict',
      detail: detail ?? error.message,
      extensions: error.currentVersion === undefined ? {} : { currentVersion: error.currentVersion },
    });
  }
  if (error instanceof ValidationError) {
    return problem(422, {
      type: problemTypes.validation,
      title: 'Unprocessable Content',
      detail: detail ?? error.message,
      extensions: { issues: error.issues, ...(error.reason === undefined ? {} : { reason: error.reason }) },
    });
  }
  if (error instanceof NotFoundError)
    return problem(404, { title: 'Not Found', detail: detail ?? error.message });
  if (error instanceof NotSupportedError) {
    return problem(501, { title: 'Not Implemented', detail: detail ?? error.message });
  }
  if (error instanceof ServerError && error.status === 503) {
    return problem(503, {
      title: 'Service Unavailable',
      detail: detail ?? error.message,
      headers: { 'Retry-After': '1' },
    });
  }
  if (error instanceof ServerError && error.status === 429) {
    return problem(429, {
      title: 'Too Many Requests',
      detail: detail ?? error.message,
      headers: { 'Retry-After': '1' },
    });
  }
  return problem(error.status !== undefined && error.status >= 500 ? error.status : 500, {
    title: 'Internal Server Error',
    detail: detail ?? error.message,
  });
}

/** The request's JSON body, or the 400 answer saying it is not JSON. */
export async function readJson(
  request: Request,
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const text = await request.text();
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return {
      ok: false,
      response: problem(400, {
        type: problemTypes.badRequest,
        title: 'Bad Request',
        detail: 'The request body is not valid JSON.',
      }),
    };
  }
}

export function badShape(error: DecodeError): Response {
  return problem(422, {
    type: problemTypes.validation,
    title: 'Unprocessable Content',
    detail: `The request body does not match the contract: ${error.message}.`,
    extensions: { issues: [] },
  });
}

/** A query parameter as a whole number, its default when absent, or `undefined` when invalid. */
function wholeParam(url: URL, name: string, fallback: number): number | undefined {
  const text = url.searchParams.get(name);
  if (text === null || text === '') return fallback;
  return /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}

/** An RFC 6266 `Content-Disposition` naming `filename`, with an RFC 8187 form for non-ASCII names. */
function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * MSW handlers serving the licence-kit REST contract from `backend` (a `MemoryAdapter`), for
 * Storybook, the demo and tests.
 *
 * ```ts
 * const backend = new MemoryAdapter();
 * const api = createLicensingHandlers({ backend });
 * const worker = setupWorker(...api.handlers);
 * await worker.start({ onUnhandledFrame: 'bypass' });
 * api.failNext('commit', 'conflict');           // the next commit answers 409
 * const adapter = new RestAdapter({ baseUrl: '/api' });
 * ```
 */
export function createLicensingHandlers({
  backend,
  baseUrl = '/api',
  stallFor = 60000,
}: LicensingHandlersOptions): LicensingHandlers {
  const base = baseUrl.replace(/\/+$/, '');
  const stalled = new Set<() => void>();

  /**
   * Leaves a request unanswered, as a server that hangs does. The page cannot see the client give
   * up (MSW hands the handler a copy of the request whose signal never aborts), so the stall ends
   * on `reset()` or after `stallFor`, whichever comes first.
   */
  const stall = async (): Promise<Response> => {
    await new Promise<void>((resolve) => {
      const release = () => {
        clearTimeout(timer);
        stalled.delete(release);
        resolve();
      };
      const timer = setTimeout(release, stallFor);
      stalled.add(release);
    });
    return HttpResponse.error();
  };

  /** Runs `work` against the backend and answers its typed errors as problem+json. */
  const serve = async (operation: AdapterMethod, work: () => Promise<Response>): Promise<Response> => {
    try {
      return await work();
    } catch (error) {
      return answerFor(operation, error, stall);
    }
  };

  const events = eventsHandler(backend, base);
  const handlers: HttpHandler[] = [
    events.handler,
    ...requestsHandlers(backend, base, (error) => answerFor('load', error, stall)),
    http.get(`${base}/licensing`, () =>
      serve('load', async () => {
        const snapshot = await backend.load();
        return HttpResponse.json(snapshot, { headers: { ETag: etag(snapshot.version) } });
      }),
    ),

    http.get(`${base}/licensing/usage`, ({ request }) =>
      serve('listUsage', async () => {
        const url = new URL(request.url);
        const offset = wholeParam(url, 'offset', 0);
        const limit = wholeParam(url, 'limit', 50);
        if (offset === undefined || limit === undefined) {
          return problem(400, {
            type: problemTypes.badRequest,
            title: 'Bad Request',
            detail: 'offset and limit must be whole numbers.',
          });
        }
        const typeId = url.searchParams.get('type') || undefined;
        const search = url.searchParams.get('q') || undefined;
        const page = await backend.listUsage({
          offset,
          limit,
          ...(typeId === undefined ? {} : { typeId }),
          ...(search === undefined ? {} : { search }),
        });
        return HttpResponse.json(page);
      }),
    ),

    http.post(`${base}/licensing/changes`, ({ request }) =>
      serve('commit', async () => {
        const expectedVersion = parseEtag(request.headers.get('If-Match'));
        if (expectedVersion === undefined || expectedVersion === '*') {
          // Without a version the server cannot tell whether the cart was made against current data.
          return problem(428, {
            title: 'Precondition Required',
            detail: 'Send If-Match with the version of the snapshot the changes were made against.',
          });
        }
        const idempotencyKey = request.headers.get('Idempotency-Key')?.trim();
        // The contract's format, as the reference server enforces it.
        if (!idempotencyKey || !/^[A-Za-z0-9._:~+/=-]{1,255}$/.test(idempotencyKey)) {
          return problem(400, {
            type: problemTypes.badRequest,
            title: 'Bad Request',
            detail: idempotencyKey
              ? 'Idempotency-Key: letters, digits and -_.:~+/= only, at most 255 characters.'
              : 'Send an Idempotency-Key header, one per cart.',
          });
        }
        const body = await readJson(request);
        if (!body.ok) return body.response;
        let changes;
        try {
          changes = decodeChangeSet(body.value);
        } catch (error) {
          if (error instanceof DecodeError) return badShape(error);
          throw error;
        }
        // No signal: once a commit has arrived, a client that stops waiting does not undo it.
        const snapshot = await backend.commit(changes, { expectedVersion, idempotencyKey });
        return HttpResponse.json(snapshot, { headers: { ETag: etag(snapshot.version) } });
      }),
    ),

    http.get(`${base}/license`, () =>
      serve('getInstallationLicense', async () => {
        if (!backend.getInstallationLicense)
          throw new NotSupportedError('This installation has no licence information.');
        return HttpResponse.json(await backend.getInstallationLicense());
      }),
    ),

    http.put(`${base}/license/key`, ({ request }) =>
      serve('applyLicenseKey', async () => {
        if (!backend.applyLicenseKey)
          throw new NotSupportedError('This installation has no licence information.');
        const body = await readJson(request);
        if (!body.ok) return body.response;
        const value = body.value;
        const key =
          typeof value === 'object' && value !== null && 'key' in value && typeof value.key === 'string'
            ? value.key
            : undefined;
        if (key === undefined) return badShape(new DecodeError('key', 'is not a string'));
        return HttpResponse.json(await backend.applyLicenseKey(key));
      }),
    ),

    http.get(`${base}/license/log`, () =>
      serve('downloadLicenseLog', async () => {
        if (!backend.downloadLicenseLog)
          throw new NotSupportedError('This installation has no licence information.');
        const file = await backend.downloadLicenseLog();
        return new HttpResponse(file.blob, {
          headers: {
            'Content-Type': file.blob.type || 'text/plain; charset=utf-8',
            'Content-Disposition': attachment(file.filename),
          },
        });
      }),
    ),

    historyHandler(base, backend, serve, (detail) =>
      problem(400, { type: problemTypes.badRequest, title: 'Bad Request', detail }),
    ),
  ];

  return {
    handlers,
    failNext: (operation, failure, times = 1) => backend.failNext(operation, failure, times),
    reset: () => {
      for (const release of [...stalled]) release();
      events.closeAll();
      backend.reset();
    },
  };
}
