// GET /api/licensing/events: the account's changes as Server-Sent Events (text/event-stream).
// Each event's `id` is the account's version after it and its `data` a LicensingEvent (JSON). A
// stream opens with what it missed since `Last-Event-ID` (or, new, with the current version), then
// follows live, from whichever server process accepted the change (db/notify.ts); a comment line
// every `heartbeat` ms keeps proxies from closing it. Server shutdown ends every stream first, so
// closing never waits on them. When the process may have missed notices (its listening connection
// was lost, db/notify.ts), each open stream reads what it missed from the audit log, as a resuming
// stream does; a stream that cannot (the database is still away) is ended, and its client
// reconnects with Last-Event-ID.
//
// A stream is authorised once, when it opens. So that a deleted token or a permission dropped to
// `none` stops hearing the account, each stream ends after `maxAge` (5 minutes by default): its
// client reconnects, through authorisation again, with Last-Event-ID and misses nothing. A stream
// also ends when its account is replaced (seeded again, the demo's Reset, store/seed.ts): the
// version may have gone back, which a stream never sends; the reconnected one starts afresh.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { DEFAULT_PROBE_MS, LicensingEventHub, versionNumber, type LicensingEvent } from '../db/notify.js';
import type { Database } from '../db/database.js';
import { HttpProblem, problemTypes } from './problem.js';

/** How long a client waits before it reconnects after a dropped stream (the `retry` field), ms. */
export const EVENTS_RETRY_MS = 2000;

/** How long one stream lasts before the server ends it and its client reconnects, ms. */
export const EVENTS_MAX_AGE_MS = 5 * 60_000;

/** One event as the stream writes it. */
export function formatEvent(event: LicensingEvent): string {
  return `id: ${event.version}\ndata: ${JSON.stringify(event)}\n\n`;
}

/** Serves the events route of `app`; answers its handler (the contract's `streamEvents`). */
export function licensingEvents(
  app: FastifyInstance,
  db: Database,
  { heartbeat = 15_000, maxAge = EVENTS_MAX_AGE_MS }: { heartbeat?: number; maxAge?: number } = {},
): (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply> {
  const hub = new LicensingEventHub(db, { probeMs: Math.min(heartbeat, DEFAULT_PROBE_MS) });
  const open = new Set<Readable>();
  let closing = false;

  // Before the HTTP server closes (it would wait for every open stream): end them all.
  app.addHook('preClose', async () => {
    closing = true;
    for (const body of open) body.push(null);
    open.clear();
  });
  app.addHook('onClose', async () => hub.close());

  return async (request, reply) => {
    const caller = request.caller;
    if (!caller) throw new HttpProblem(401);
    if (closing) throw new HttpProblem(503, { detail: 'The server is shutting down; connect again.' });
    const header = request.headers['last-event-id'];
    const lastId = (Array.isArray(header) ? header[0] : header)?.trim();
    const after = lastId ? versionNumber(lastId) : undefined;
    if (lastId && after === undefined) {
      throw new HttpProblem(400, {
        type: problemTypes.badRequest,
        detail: `Last-Event-ID must be the id of an event this stream sent (v7), not "${lastId.slice(0, 40)}".`,
      });
    }

    // Listening before reading what was missed, so a change in between is not lost; live events
    // wait until the catch-up is queued, and none is sent twice (versions only move forward).
    const body = new Readable({ read: () => undefined });
    const queued: LicensingEvent[] = [];
    let live = false;
    let sent = -1;
    const send = (event: LicensingEvent) => {
      const number = versionNumber(event.version) ?? -1;
      if (number <= sent || body.destroyed) return;
      sent = number;
      body.push(formatEvent(event));
    };
    // After a gap: live events wait again while what was missed is read and sent, once this
    // stream's own catch-up below is sent.
    let ready: () => void = () => undefined;
    let catchingUp = new Promise<void>((resolve) => (ready = resolve));
    const onGap = () => {
      catchingUp = catchingUp.then(async () => {
        if (body.destroyed) return;
        live = false;
        try {
          const missed = await hub.catchUp(caller.accountId, sent < 0 ? undefined : sent);
          for (const event of missed) send(event);
          for (const event of queued.splice(0)) send(event);
          live = true;
        } catch {
          body.push(null);
        }
      });
    };
    const unsubscribe = await hub.subscribe(
      caller.accountId,
      (event) => {
        if (live) send(event);
        else queued.push(event);
      },
      onGap,
      () => body.push(null),
    );
    let missed: LicensingEvent[];
    try {
      missed = await hub.catchUp(caller.accountId, after);
    } catch (error) {
      unsubscribe();
      ready();
      throw error;
    }
    if (missed.length === 0) {
      unsubscribe();
      ready();
      throw new HttpProblem(404, { detail: 'The account no longer exists.' });
    }
    body.push(`retry: ${EVENTS_RETRY_MS}\n\n`);
    for (const event of missed) send(event);
    for (const event of queued.splice(0)) send(event);
    live = true;
    ready();

    const beat = setInterval(() => body.push(': heartbeat\n\n'), heartbeat);
    beat.unref();
    const expiry = setTimeout(() => body.push(null), maxAge);
    expiry.unref();
    open.add(body);
    const end = () => {
      clearInterval(beat);
      clearTimeout(expiry);
      unsubscribe();
      open.delete(body);
    };
    reply.raw.on('close', end);
    // The client left while the catch-up was read, or the server began to close meanwhile.
    if (reply.raw.destroyed) end();
    else if (closing) body.push(null);
    return (
      reply
        .header('Content-Type', 'text/event-stream; charset=utf-8')
        .header('Cache-Control', 'no-cache, no-transform')
        .header('Connection', 'keep-alive')
        // nginx and similar proxies would otherwise hold events back to fill a buffer.
        .header('X-Accel-Buffering', 'no')
        .send(body)
    );
  };
}
