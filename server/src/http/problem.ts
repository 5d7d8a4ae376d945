// RFC 9457 problem details, as docs/openapi.yaml answers every error: `application/problem+json`,
// with `issues` on 422 and `currentVersion` on 409.

import type { FastifyReply } from 'fastify';

export const PROBLEM_TYPE = 'application/problem+json';

export const problemTypes = {
  conflict: 'urn:licence-kit:problem:conflict',
  validation: 'urn:licence-kit:problem:validation',
  badRequest: 'urn:licence-kit:problem:bad-request',
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
