// RFC 9457 problem details, as docs/openapi.yaml answers every error: `application/problem+json`,
// with `issues` on 422 and `currentVersion` on 409.

import type { FastifyReply } from 'fastify';
import { databaseFault } from '../db/errors.js';

export const PROBLEM_TYPE = 'application/problem+json';

export const problemTypes = {
  conflict: 'urn:licence-kit:problem:conflict',
  validation: 'urn:licence-kit:problem:validation',
  badRequest: 'urn:licence-kit:problem:bad-request',
  /** A route that exists, for a thing that does not (the account): not "no such route". */
  notFound: 'urn:licence-kit:problem:not-found',
} as const;

const titles: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export interface ProblemInit {
  readonly type?: string;
  readonly detail?: string;
  readonly extensions?: Readonly<Record<string, unknown>>;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Thrown by a handler: the error handler answers it as problem+json. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly init: ProblemInit = {},
  ) {
    super(init.detail ?? titles[status] ?? `HTTP ${status}`);
    this.name = 'HttpProblem';
  }
}

/** The problem's body. */
export function problemBody(status: number, init: ProblemInit = {}): Record<string, unknown> {
  return {
    type: init.type ?? 'about:blank',
    title: titles[status] ?? 'Error',
    status,
    ...(init.detail === undefined ? {} : { detail: init.detail }),
    ...init.extensions,
  };
}

/** Sends the problem on `reply`. */
export function sendProblem(reply: FastifyReply, status: number, init: ProblemInit = {}): FastifyReply {
  for (const [name, value] of Object.entries(init.headers ?? {})) reply.header(name, value);
  return reply
    .status(status)
    .type(PROBLEM_TYPE)
    .send(JSON.stringify(problemBody(status, init)));
}

/** A 422 naming what is wrong with a request body, `issues` empty as the contract says. */
export const shapeProblem = (detail: string): HttpProblem =>
  new HttpProblem(422, { type: problemTypes.validation, detail, extensions: { issues: [] } });

/** Seconds a client waits before trying again while the database cannot be reached. */
export const RETRY_AFTER_SECONDS = 2;

/** The 503 of a database that cannot be reached (answered by every route and by /readyz). */
export const unavailableProblem = (): HttpProblem =>
  new HttpProblem(503, {
    detail:
      'The database cannot be reached right now; try again shortly. A commit sent again with the same Idempotency-Key is applied once.',
    headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) },
  });

/**
 * What a failure that is not the client's (a thrown error that is no HttpProblem and no 4xx) is
 * answered with — the one place that maps them: a database that cannot be reached is 503 with
 * Retry-After, a statement that outlasted the statement timeout is 504, anything else 500. The
 * answer never carries the error's message or stack: those go to the log only.
 */
export function failureProblem(error: unknown): HttpProblem {
  switch (databaseFault(error)) {
    case 'unavailable':
      return unavailableProblem();
    case 'timeout':
      return new HttpProblem(504, {
        detail: 'The database did not answer in time. Nothing was changed; try again.',
      });
    default:
      return new HttpProblem(500, { detail: 'The server failed; the change was not applied.' });
  }
}

/** The detail of a 4xx Fastify raised itself (body parsing, size): what is wrong, in words. */
export function clientErrorDetail(error: { code?: string; message: string }): string {
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') return 'The request body is not valid JSON.';
  return error.message;
}

/** The router's refusals (a path it cannot decode, an id longer than it takes): no such resource. */
export function routerProblem(error: { code?: string }): ProblemInit {
  return {
    detail:
      error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? 'Nothing has an id this long: the id in the path is longer than 100 characters.'
        : 'The path is not well-formed (a bad percent-encoding).',
  };
}
