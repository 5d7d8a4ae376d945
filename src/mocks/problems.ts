// How the MSW handlers answer what goes wrong, as a real server of docs/openapi.yaml would: RFC
// 9457 problem+json bodies, the translation of each typed error the memory adapter throws into its
// HTTP answer, the bodies of the `malformed` failure, and the 400/422 answers to a request body
// that is not JSON or not of the contract's shape. Kept apart from licensing-handlers.ts, which
// holds the routes; every handler module answers its errors through these.
import { HttpResponse } from 'msw';
import type { AdapterMethod } from '../adapters/adapter.js';
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
import type { DecodeError } from '../adapters/decode/fields.js';
import { malformedHistory } from './licensing-history.js';

const PROBLEM_TYPE = 'application/problem+json';

/** RFC 9457 problem types of this contract; clients map by status, the type is for people. */
export const problemTypes = {
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
      return HttpResponse.json(malformedSnapshot, { headers: { ETag: `"${malformedSnapshot.version}"` } });
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
      extensions: {
        issues: error.issues,
        ...(error.reason === undefined ? {} : { reason: error.reason }),
        // R12: an assignment's refusal (AssignmentError) carries its problems.
        ...('problems' in error ? { problems: error.problems } : {}),
      },
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
