// The demo's controls on the reference backend (`--demo-controls`, which `npm start` passes; off by
// default): routes under /api/dev/ that put the caller's account into the states of the demo
// panel (demo/states.ts) and make its next load or save fail, so every state and failure notice
// of the widgets is reachable on the default data source too. Not part of the product contract
// (docs/openapi.yaml); documented in docs/demo-controls.md. They answer on loopback only, and
// only to a demo user's bearer token (which also keeps other sites out: a cross-site request
// with an Authorization header needs CORS, which the server does not give them).

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  isLicenceState,
  isPrerequisiteState,
  licenceInState,
  prerequisitesIn,
  type LicenceState,
} from '../../../demo/states.js';
import type { InstallationLicense } from '../../../src/core/index.js';
import type { Database, Sql } from '../db/database.js';
import { askToSignIn, findCaller } from '../http/caller.js';
import { HttpProblem, problemTypes, sendProblem } from '../http/problem.js';
import { getLicense } from '../license/installation.js';
import { DEMO_ACCOUNT, demoAccount, seedAccount } from '../store/seed.js';
import { readInstallationLicense, versionLabel } from '../store/snapshot.js';

/** The operations the panel's failure switches make fail once: the snapshot's load, a save. */
export const DEMO_FAULTS = { load: 'load', commit: 'commit' } as const;
type Fault = keyof typeof DEMO_FAULTS;

const DAY = 24 * 60 * 60 * 1000;

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4 === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

const badBody = (detail: string) =>
  new HttpProblem(422, { type: problemTypes.validation, detail, extensions: { issues: [] } });

/** The body's `field` when it is one of `allowed` (by `is`), a 422 naming them otherwise. */
function pick<T extends string>(
  body: unknown,
  field: string,
  is: (v: unknown) => v is T,
  allowed: string,
): T {
  const value =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[field] : undefined;
  if (!is(value)) throw badBody(`Send { "${field}": … } with one of ${allowed}.`);
  return value;
}

/**
 * Stores the licence so that the server, which works the state out from the dates, answers it in
 * `state`: a hardware change whose grace period has ended is kept as that grace period with its
 * end in the past (GET /license answers it deactivated).
 */
function stored(licence: InstallationLicense, state: LicenceState, now: Date): InstallationLicense {
  if (state !== 'deactivated') return licence;
  const graceEndsAt = new Date(now.getTime() - DAY / 2).toISOString();
  return { ...licence, status: { state: 'grace', reason: 'hardware-change', graceEndsAt } };
}

async function bumpVersion(sql: Sql, accountId: string): Promise<string> {
  const [row] = await sql.query<{ version: number | string }>(
    'UPDATE accounts SET version = version + 1 WHERE id = $1 RETURNING version',
    [accountId],
  );
  return versionLabel(Number(row?.version));
}

export function registerDemoControls(app: FastifyInstance, db: Database, now: () => Date): void {
  /** Per account, the operations whose next request answers 500. */
  const faults = new Map<string, Set<string>>();

  // After the caller is known (onRequest): a queued failure answers the operation's next request.
  app.addHook('preHandler', async (request, reply) => {
    const operation = request.routeOptions.config?.operationId;
    const account = request.caller?.accountId;
    if (!operation || !account || !faults.get(account)?.delete(operation)) return;
    return sendProblem(reply, 500, { detail: 'The server failed on purpose (the demo panel asked it to).' });
  });

  /** The account of the bearer token, on loopback only. */
  const accountOf = async (request: FastifyRequest, reply: FastifyReply): Promise<string | undefined> => {
    if (!isLoopback(request.socket.remoteAddress)) {
      sendProblem(reply, 403, { detail: 'The demo controls answer on loopback only.' });
      return undefined;
    }
    const user = await findCaller(db, request);
    if (!user) {
      askToSignIn(reply);
      return undefined;
    }
    return user.accountId;
  };

  app.post('/api/dev/license-state', async (request, reply) => {
    const account = await accountOf(request, reply);
    if (!account) return reply;
    const state = pick(
      request.body,
      'state',
      isLicenceState,
      'active, expiring, grace-hardware-change, grace-late-payment, deactivated, expired',
    );
    const current = await readInstallationLicense(db, account);
    if (!current) throw new HttpProblem(501, { detail: 'This installation has no licence information.' });
    const at = now();
    const licence = stored(licenceInState(current, state, at), state, at);
    await db.query('UPDATE installation_licenses SET licence = $2::text::jsonb WHERE account_id = $1', [
      account,
      JSON.stringify(licence),
    ]);
    return getLicense(db, account, at);
  });

  app.post('/api/dev/prerequisites', async (request, reply) => {
    const account = await accountOf(request, reply);
    if (!account) return reply;
    const { prerequisites: p, speechToTextOn } = prerequisitesIn(
      pick(request.body, 'state', isPrerequisiteState, 'met, missing'),
    );
    // The snapshot changes, so its version (the ETag) does too.
    const version = await db.transaction(async (tx) => {
      await tx.query(
        'UPDATE prerequisites SET email_queues = $2, call_queues_with_ai_topics = $3, ai_qa_forms = $4 WHERE account_id = $1',
        [account, p.emailQueues, p.callQueuesWithAiTopics, p.aiQaForms],
      );
      await tx.query('UPDATE speech_to_text SET enabled = $2 WHERE account_id = $1', [
        account,
        speechToTextOn,
      ]);
      return bumpVersion(tx, account);
    });
    return { version };
  });

  app.post('/api/dev/fail-next', async (request, reply) => {
    const account = await accountOf(request, reply);
    if (!account) return reply;
    const fault = pick(
      request.body,
      'operation',
      (v): v is Fault => typeof v === 'string' && v in DEMO_FAULTS,
      'load, commit',
    );
    const pending = faults.get(account) ?? new Set<string>();
    pending.add(DEMO_FAULTS[fault]);
    faults.set(account, pending);
    return reply.status(204).send();
  });

  app.post('/api/dev/reset', async (request, reply) => {
    const account = await accountOf(request, reply);
    if (!account) return reply;
    if (account !== DEMO_ACCOUNT) {
      throw badBody('Only the demo account can be reset to the demo data; seed yours again with --seed.');
    }
    await db.transaction((tx) => seedAccount(tx, demoAccount({ now: now() })));
    faults.delete(account);
    return reply.status(204).send();
  });
}
