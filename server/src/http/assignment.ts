// The assignment operation of docs/openapi.yaml (R12): `assign`, POST /licensing/assignments.
// In one transaction, as a commit: the account locked, the Idempotency-Key (a repeat answers the
// first result; another body under the key is a 422), If-Match (409 when stale), then the store
// (store/assignment.ts), which judges with the rule book and writes the audit row.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AssignmentSelection, UsageFilter } from '../../../src/core/index.js';
import type { Database } from '../db/database.js';
import { rollOver } from '../store/period.js';
import { accountVersion, readSnapshot } from '../store/snapshot.js';
import { applyAssignmentAsked, type AssignmentAnswer, type AssignmentAsked } from '../store/assignment.js';
import { callerOf, canonical, priorAnswer, sha256, writeHeaders } from './handlers.js';
import { HttpProblem, problemTypes } from './problem.js';

type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

interface Body {
  action: AssignmentAsked['action'];
  typeId: string;
  agentIds?: string[];
  query?: UsageFilter;
  alsoLinked?: boolean;
}

/** The body (its shape checked by the contract's schema) as one assignment. */
function asked(body: Body): AssignmentAsked {
  if ((body.agentIds === undefined) === (body.query === undefined)) {
    throw new HttpProblem(422, {
      type: problemTypes.validation,
      detail: 'The request body does not match the contract: send agentIds or query, not both.',
      extensions: { issues: [], problems: [] },
    });
  }
  const selection: AssignmentSelection = body.agentIds ? { agentIds: body.agentIds } : { query: body.query! };
  return { action: body.action, typeId: body.typeId, selection, alsoLinked: body.alsoLinked ?? false };
}

/** The handlers by operationId. */
export function assignmentHandlers(db: Database, now: () => Date): Record<string, Handler> {
  return {
    assign: async (request, reply) => {
      const caller = callerOf(request);
      const { expected, key } = writeHeaders(request, {
        against: 'the assignment was decided on',
        key: 'one per assignment',
      });
      const body = request.body as Body;
      const assignment = asked(body);
      const requestHash = sha256(canonical({ assignment: body }));
      const at = now();
      const answer = await db.transaction(async (tx): Promise<AssignmentAnswer> => {
        await rollOver(tx, caller.accountId, at);
        const version = await accountVersion(tx, caller.accountId, true);
        if (version === undefined)
          throw new HttpProblem(404, {
            type: problemTypes.notFound,
            detail: 'The account no longer exists.',
          });
        const prior = await priorAnswer<AssignmentAnswer>(tx, caller.accountId, key, requestHash, {
          detail: 'This Idempotency-Key was already used for another request. Send a new key.',
          extensions: { issues: [], problems: [] },
        });
        if (prior) return prior;
        const before = await readSnapshot(tx, caller.accountId, caller.permission);
        if (!before)
          throw new HttpProblem(404, {
            type: problemTypes.notFound,
            detail: 'The account no longer exists.',
          });
        if (expected !== before.version) {
          throw new HttpProblem(409, {
            type: problemTypes.conflict,
            detail: `If-Match is not the current version (${before.version}): the licences changed since they were loaded. Nothing was changed.`,
            extensions: { currentVersion: before.version },
          });
        }
        const result = await applyAssignmentAsked(
          tx,
          caller.accountId,
          { name: caller.name, key, at },
          before,
          version,
          assignment,
        );
        await tx.query(
          `INSERT INTO idempotency_keys (account_id, key, request_hash, status, response)
           VALUES ($1, $2, $3, 200, $4::text::jsonb)`,
          [caller.accountId, key, requestHash, JSON.stringify(result)],
        );
        return result;
      });
      reply.header('ETag', `"${answer.snapshot.version}"`);
      return answer;
    },
  };
}
