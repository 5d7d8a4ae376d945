// The MSW handlers of the change requests (R1, docs/openapi.yaml): `POST /licensing/requests`
// (with `Idempotency-Key`), `GET /licensing/requests`, `POST /licensing/requests/{id}/decline` and
// `…/approve`, served from the memory adapter, which judges them with the rule book.
import { http, HttpResponse, type HttpHandler } from 'msw';
import { BadResponseError } from '../adapters/errors.js';
import type { MemoryAdapter } from '../adapters/memory/memory-adapter.js';
import { DecodeError, fail, object, req, string } from '../adapters/decode/fields.js';
import { decodeChangeSet } from '../adapters/rest/decode-changes.js';
import { badShape, problem, readJson } from './licensing-handlers.js';

/** A request body's fields, or the 422 answer naming the first bad one. */
function fields<T>(
  value: unknown,
  decode: (value: unknown) => T,
): { ok: true; value: T } | { ok: false; response: Response } {
  try {
    return { ok: true, value: decode(value) };
  } catch (error) {
    if (error instanceof DecodeError) return { ok: false, response: badShape(error) };
    throw error;
  }
}

/** The handlers; `answer` turns what the backend threw into the HTTP answer of every other route. */
export function requestsHandlers(
  backend: MemoryAdapter,
  base: string,
  answer: (error: unknown) => Promise<Response>,
): HttpHandler[] {
  const serve = async (work: () => Promise<Response>): Promise<Response> => {
    try {
      return await work();
    } catch (error) {
      // A `malformed` failure: an answer that breaks the contract (a request without its id).
      if (error instanceof BadResponseError) return HttpResponse.json({ status: 'pending' });
      return answer(error);
    }
  };
  const decide = (outcome: 'approve' | 'decline') =>
    http.post(`${base}/licensing/requests/:id/${outcome}`, ({ request, params }) =>
      serve(async () => {
        // Approve takes no body (or any JSON object), as the server does; decline needs its reason.
        const text = outcome === 'approve' ? await request.clone().text() : 'body';
        const body = text.trim() === '' ? { ok: true as const, value: {} } : await readJson(request);
        if (!body.ok) return body.response;
        const reason = fields(body.value, (v) => {
          const o = object(v, '');
          return outcome === 'decline' ? req(o, 'reason', '', string) : '';
        });
        if (!reason.ok) return reason.response;
        const id = String(params.id);
        const decided = await backend.decideRequest(
          id,
          outcome === 'decline' ? { outcome: 'declined', reason: reason.value } : { outcome: 'approved' },
        );
        return HttpResponse.json(decided);
      }),
    );
  return [
    http.get(`${base}/licensing/requests`, () =>
      serve(async () => HttpResponse.json({ requests: await backend.listRequests() })),
    ),
    http.post(`${base}/licensing/requests`, ({ request }) =>
      serve(async () => {
        const idempotencyKey = request.headers.get('Idempotency-Key')?.trim();
        if (!idempotencyKey) {
          return problem(400, {
            title: 'Bad Request',
            detail: 'Send an Idempotency-Key header, one per request.',
          });
        }
        const body = await readJson(request);
        if (!body.ok) return body.response;
        const sent = fields(body.value, (v) => {
          const o = object(v, '');
          const note = o.note === undefined ? '' : string(o.note, 'note');
          if (o.changes === undefined) fail('changes', 'is required', undefined);
          return { changes: decodeChangeSet(o.changes), note };
        });
        if (!sent.ok) return sent.response;
        const created = await backend.requestChange(sent.value.changes, sent.value.note, { idempotencyKey });
        return HttpResponse.json(created, { status: 201 });
      }),
    ),
    decide('decline'),
    decide('approve'),
  ];
}
