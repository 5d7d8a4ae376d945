// The HTTP server: Fastify with docs/openapi.yaml as the router (fastify-openapi-glue) under /api,
// bearer-token users, problem+json errors, /healthz and /readyz.

import Fastify, { type FastifyError, type FastifyInstance, type RouteOptions } from 'fastify';
import openapiGlue from 'fastify-openapi-glue';
import type { KeyObject } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Permission } from '../../../src/core/index.js';
import type { Database } from '../db/database.js';
import { registerDemoControls } from '../dev/demo-controls.js';
import { askToSignIn, findCaller } from './caller.js';
import { licensingEvents } from './events.js';
import { LicensingService, type Caller } from './handlers.js';
import { registerLimits, type LimitOptions } from './limits.js';
import { registerInputGuard } from './input-guard.js';
import {
  clientErrorDetail,
  failureProblem,
  HttpProblem,
  problemTypes,
  routerProblem,
  sendProblem,
  unavailableProblem,
} from './problem.js';
import { describeError, validatorCompiler } from './validation.js';

export const SPECIFICATION = fileURLToPath(new URL('../../../docs/openapi.yaml', import.meta.url));

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
  interface FastifyContextConfig {
    operationId?: string;
    permission?: Permission;
  }
}

export interface AppOptions {
  readonly db: Database;
  /** The clock (billing months, log lines); tests move it. Default: the system clock. */
  readonly now?: () => Date;
  /** Allow this origin by CORS; no CORS headers when absent. */
  readonly corsOrigin?: string;
  /** The licensing team's Ed25519 public key, to verify manual licence keys. */
  readonly licensePublicKey?: KeyObject;
  /** The demo panel's dev-only routes under /api/dev/ (`--demo-controls`); off by default. */
  readonly demoControls?: boolean;
  /** Milliseconds between the heartbeat comments of `GET /licensing/events`. Default 15000. */
  readonly eventsHeartbeat?: number;
  /** Milliseconds after which the server ends a stream of `GET /licensing/events`. Default 5 min. */
  readonly eventsMaxAge?: number;
  /** Fastify's logger: `false` in tests, pino options otherwise. */
  readonly logger?: boolean | { level: string };
  /** Overload (503) and per-token rate (429) limits; all off by default (`./limits.ts`). */
  readonly limits?: LimitOptions;
  /**
   * Send `Server-Timing: app;dur=<ms>` with every answer (`--server-timing`): how long the server
   * took from the request's arrival to its answer, as benches measure it ("from the server") and as
   * a browser's developer tools show it. Off by default (it tells a caller how long work took).
   */
  readonly serverTiming?: boolean;
}

/** What each operation of the contract needs (R1): `none` may only load (and sees no data). */
const permissionOf: Readonly<Record<string, Permission>> = {
  load: 'none',
  listUsage: 'view',
  listHistory: 'view',
  getInstallationLicense: 'view',
  isServiceAllowed: 'view',
  streamEvents: 'view',
  recordUsage: 'update',
  commit: 'update',
  applyLicenseKey: 'update',
  downloadLicenseLog: 'update',
  // R1: `view` may send a change request (and nothing else that writes); `update` decides.
  requestChange: 'view',
  listRequests: 'view',
  declineRequest: 'update',
  approveRequest: 'update',
  // R12: giving or taking licences needs `update` (server/src/http/assignment.ts).
  assign: 'update',
};

const rank: Readonly<Record<Permission, number>> = { none: 0, view: 1, update: 2 };

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const app = Fastify({
    logger: options.logger ?? false,
    // Bodies are small JSON documents; a big one is a mistake or an attack.
    bodyLimit: 256 * 1024,
    // The router's own refusals (a bad percent-encoding, an over-long id) as problem+json too.
    frameworkErrors: (error, _request, reply) => sendProblem(reply, 404, routerProblem(error)),
  });
  if (options.serverTiming) {
    // From the first hook to the answer's headers (routing before it is microseconds).
    const arrived = new WeakMap<object, number>();
    app.addHook('onRequest', async (request) => void arrived.set(request, performance.now()));
    app.addHook('onSend', async (request, reply, payload) => {
      const took = performance.now() - (arrived.get(request) ?? performance.now());
      reply.header('Server-Timing', `app;dur=${took.toFixed(2)}`);
      return payload;
    });
  }
  registerInputGuard(app);
  app.setValidatorCompiler(validatorCompiler());
  // Plain JSON.stringify: responses are written by handlers that build contract shapes; the tests
  // check every response against docs/openapi.yaml instead of letting a serializer drop fields.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.decorateRequest('caller', null);
  // The contract names these media types (answers, the log file); as request bodies they are
  // JSON and refused, respectively.
  app.addContentTypeParser(
    'application/problem+json',
    { parseAs: 'string' },
    app.getDefaultJsonParser('error', 'error'),
  );
  app.addContentTypeParser('application/octet-stream', (_request, _payload, done) =>
    done(new HttpProblem(415, { detail: 'Send JSON.' })),
  );

  if (options.corsOrigin) {
    const origin = options.corsOrigin;
    app.addHook('onRequest', async (request, reply) => {
      if (request.headers.origin !== origin) return;
      reply.header('Access-Control-Allow-Origin', origin);
      reply.header('Vary', 'Origin');
      reply.header('Access-Control-Expose-Headers', 'ETag, Retry-After, Content-Disposition');
      if (request.method === 'OPTIONS') {
        reply.header('Access-Control-Allow-Methods', 'GET, POST, PUT');
        reply.header(
          'Access-Control-Allow-Headers',
          'Authorization, Content-Type, If-Match, Idempotency-Key, Last-Event-ID, Change-Request',
        );
        reply.header('Access-Control-Max-Age', '600');
        await reply.status(204).send();
      }
    });
  }

  // 503 under pressure and 429 past the rate limit, before the caller is looked up.
  await registerLimits(app, options.limits ?? {});

  // Who is calling, and may they call this operation: before the body is even parsed, so a user
  // without the permission learns nothing from validation errors.
  app.addHook('onRequest', async (request, reply) => {
    const needed = request.routeOptions.config?.permission;
    if (needed === undefined) return;
    const user = await findCaller(db, request);
    if (!user) return askToSignIn(reply);
    request.caller = user;
    if (rank[user.permission] < rank[needed]) {
      return sendProblem(reply, 403, {
        detail:
          user.permission === 'none'
            ? 'You have no access to licensing. Ask an administrator (Accesses).'
            : 'You may view licensing but not change it. Ask an administrator (Accesses).',
      });
    }
  });

  app.setErrorHandler((error: FastifyError & { validationContext?: string }, request, reply) => {
    if (error instanceof HttpProblem) return sendProblem(reply, error.status, error.init);
    if (error.validation) {
      const context = error.validationContext;
      const first = error.validation[0];
      if (context === 'headers') {
        const missing = first?.keyword === 'required' ? String(first.params.missingProperty) : '';
        if (missing === 'if-match') {
          return sendProblem(reply, 428, {
            detail: 'Send If-Match with the version of the snapshot the changes were made against.',
          });
        }
        return sendProblem(reply, 400, {
          type: problemTypes.badRequest,
          detail:
            missing === 'idempotency-key' ? 'Send an Idempotency-Key header, one per cart.' : error.message,
        });
      }
      if (context === 'body') {
        return sendProblem(reply, 422, {
          type: problemTypes.validation,
          detail: `The request body does not match the contract: ${first ? describeError(first) : error.message}.`,
          extensions: { issues: [] },
        });
      }
      return sendProblem(reply, 400, {
        type: problemTypes.badRequest,
        detail: first ? `${context ?? 'request'}: ${describeError(first)}` : error.message,
      });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return sendProblem(reply, status, { type: problemTypes.badRequest, detail: clientErrorDetail(error) });
    }
    // 5xx: the database unreachable (503), a statement timeout (504), else 500; never the
    // error's text or stack in the answer, only in the log.
    const problem = failureProblem(error);
    if (problem.status === 500) request.log.error(error);
    else request.log.warn({ err: error }, problem.init.detail);
    return sendProblem(reply, problem.status, problem.init);
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, 404, { detail: `No route ${request.method} ${request.url.split('?')[0]}.` }),
  );

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (request, reply) => {
    try {
      await db.query('SELECT 1');
      return { status: 'ok', database: db.kind };
    } catch (error) {
      const problem = unavailableProblem();
      request.log.warn({ err: error }, 'readyz: the database cannot be reached');
      return sendProblem(reply, problem.status, problem.init);
    }
  });

  if (options.demoControls) registerDemoControls(app, db, now);

  const service = new LicensingService(db, now, options.licensePublicKey);
  const streamEvents = licensingEvents(app, db, {
    ...(options.eventsHeartbeat === undefined ? {} : { heartbeat: options.eventsHeartbeat }),
    ...(options.eventsMaxAge === undefined ? {} : { maxAge: options.eventsMaxAge }),
  });
  await app.register(openapiGlue, {
    specification: SPECIFICATION,
    prefix: 'api',
    operationResolver: (operationId: string) => {
      const handler = operationId === 'streamEvents' ? streamEvents : service.handler(operationId);
      const permission = permissionOf[operationId];
      if (!handler || permission === undefined) throw new Error(`No handler for operation ${operationId}`);
      // Glue fills in method, url and schema; its types ask for them anyway.
      return { handler, config: { operationId, permission } } as unknown as RouteOptions;
    },
  });
  return app;
}
