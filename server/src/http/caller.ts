// Who is calling: the bearer token of a request, the user it belongs to, and the 401 when there is
// none. One place for the API's auth hook, the rate limit's key and the demo controls.

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.js';
import { hashToken } from '../store/seed.js';
import type { Caller } from './handlers.js';
import { sendProblem } from './problem.js';

/** The token of `Authorization: Bearer <token>`, or undefined. */
export const bearerToken = (request: FastifyRequest): string | undefined =>
  /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];

/** The user the request's token belongs to (its SHA-256 is what is stored), or undefined. */
export async function findCaller(db: Database, request: FastifyRequest): Promise<Caller | undefined> {
  const token = bearerToken(request);
  if (!token) return undefined;
  const [user] = await db.query<Omit<Caller, 'accountId' | 'userId'> & { account_id: string; id: string }>(
    'SELECT account_id, id, name, permission FROM users WHERE token_hash = $1',
    [hashToken(token)],
    { prepare: true },
  );
  return (
    user && { accountId: user.account_id, userId: user.id, name: user.name, permission: user.permission }
  );
}

/** 401 with `WWW-Authenticate: Bearer`: no token, or one no user has. */
export function askToSignIn(reply: FastifyReply): FastifyReply {
  reply.header('WWW-Authenticate', 'Bearer');
  return sendProblem(reply, 401, { detail: 'Sign in: send Authorization: Bearer <token>.' });
}
