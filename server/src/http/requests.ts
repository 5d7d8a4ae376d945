// The change-request operations of docs/openapi.yaml (R1): requestChange (`view` only),
// listRequests, declineRequest and approveRequest (`update`). HTTP in, the store (which judges with
// the rule book) and back.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ChangeSet } from '../../../src/core/index.js';
import type { Database } from '../db/database.js';
import { decideRequest, listRequests, sendRequest, type Requester } from '../store/requests.js';
import { HttpProblem, problemTypes } from './problem.js';

type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

function who(request: FastifyRequest): Requester {
  if (!request.caller) throw new HttpProblem(401);
  return request.caller;
}

/** The handlers by operationId. */
export function requestHandlers(db: Database, now: () => Date): Record<string, Handler> {
  const decide =
    (outcome: 'approved' | 'declined'): Handler =>
    (request) => {
      const { id } = request.params as { id: string };
      const body = (request.body ?? {}) as { reason?: string };
      const decision = outcome === 'declined' ? { outcome, reason: body.reason ?? '' } : { outcome };
      return db.transaction((tx) => decideRequest(tx, who(request), id, decision, now()));
    };
  return {
    requestChange: async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const idempotencyKey = (Array.isArray(key) ? key[0] : key)?.trim();
      if (!idempotencyKey) {
        throw new HttpProblem(400, {
          type: problemTypes.badRequest,
          detail: 'Send an Idempotency-Key header, one per request.',
        });
      }
      const { changes, note = '' } = request.body as { changes: ChangeSet; note?: string };
      const sent = await db.transaction((tx) =>
        sendRequest(tx, who(request), changes, note, idempotencyKey, now()),
      );
      void reply.status(201);
      return sent;
    },
    listRequests: async (request) => ({ requests: await listRequests(db, who(request)) }),
    declineRequest: decide('declined'),
    approveRequest: decide('approved'),
  };
}
