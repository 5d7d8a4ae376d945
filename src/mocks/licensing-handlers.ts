// Stateful MSW handlers that serve the REST contract (docs/openapi.yaml) from a MemoryAdapter, so
// Storybook, the demo and the tests talk HTTP to a backend that enforces the real rules: every
// rule lives in src/core, the memory adapter applies it, and this file only translates between
// HTTP and the adapter (headers and bodies in, typed errors out as problem+json, problems.ts).
//
// Injected failures go through the memory adapter's own `failNext`, so one queue drives both the
// embedded adapter and the HTTP one, and each typed error it throws is translated here exactly as
// a real one would be.

import { http, HttpResponse, type HttpHandler } from 'msw';
import type { AdapterMethod, AssignmentMethod, Failure } from '../adapters/adapter.js';
import { NotSupportedError } from '../adapters/errors.js';
import type { MemoryAdapter } from '../adapters/memory/memory-adapter.js';
import { decodeChangeSet } from '../adapters/rest/decode-changes.js';
import { DecodeError } from '../adapters/decode/fields.js';
import { parseEtag } from '../adapters/rest/headers.js';
import { eventsHandler } from './licensing-events.js';
import { historyHandler } from './licensing-history.js';
import { answerFor, badShape, problem, problemTypes, readJson } from './problems.js';
import { requestsHandlers } from './requests-handlers.js';
import { assignmentHandlers } from './assignment-handlers.js';

// Where they lived before problems.ts; requests-handlers.ts and others import them from here.
export { answerFor, badShape, problem, readJson } from './problems.js';

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
  failNext(operation: AdapterMethod | AssignmentMethod, failure: Failure, times?: number): void;
  /**
   * Back to the seed: forgets commits, idempotency keys and queued failures (`backend.reset()`),
   * and ends every request a `timeout` failure is holding and every open event stream (call it
   * before `worker.stop()`).
   */
  reset(): void;
}

/** `v7` → `"v7"`: the version as a strong entity tag. */
const etag = (version: string): string => `"${version}"`;

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
    // R12 (assignment-handlers.ts): POST /licensing/assignments.
    ...assignmentHandlers(backend, base, (error) => answerFor('commit', error, stall)),
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
