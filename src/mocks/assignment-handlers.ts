// The MSW handler of the assignments (R12, docs/openapi.yaml): `POST /licensing/assignments` with
// `If-Match` and `Idempotency-Key`, served from the memory adapter, which judges them with the rule
// book. A memory adapter without the methods answers 501, as a server without the route.
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { AssignmentSelection } from '../core/index.js';
import { NotSupportedError } from '../adapters/errors.js';
import type { MemoryAdapter } from '../adapters/memory/memory-adapter.js';
import {
  DecodeError,
  array,
  boolean,
  fail,
  nonEmpty,
  object,
  only,
  oneOf,
  opt,
  req,
  string,
} from '../adapters/decode/fields.js';
import { parseEtag } from '../adapters/rest/headers.js';
import { badShape, problem, problemTypes, readJson } from './problems.js';

/** The body of `POST /licensing/assignments`, checked as the contract says. */
function decodeBody(value: unknown) {
  const o = object(value, '');
  // additionalProperties: false, as the reference backend refuses them.
  only(o, ['action', 'typeId', 'alsoLinked', 'agentIds', 'query'], '');
  const action = req(o, 'action', '', oneOf(['assign', 'unassign'] as const));
  const typeId = req(o, 'typeId', '', nonEmpty);
  const alsoLinked = opt(o, 'alsoLinked', '', boolean) ?? false;
  const agentIds = opt(o, 'agentIds', '', array(nonEmpty));
  if (agentIds?.length === 0) fail('agentIds', 'must name at least one agent', value);
  const query = opt(o, 'query', '', (v, path) => {
    const q = object(v, path);
    only(q, ['typeId', 'search'], path);
    const typeFilter = opt(q, 'typeId', path, string);
    const search = opt(q, 'search', path, string);
    return { ...(typeFilter ? { typeId: typeFilter } : {}), ...(search ? { search } : {}) };
  });
  if ((agentIds === undefined) === (query === undefined))
    fail('agentIds', 'must be given, or query, not both', value);
  const selection: AssignmentSelection = agentIds ? { agentIds } : { query: query! };
  return { action, typeId, alsoLinked, selection };
}

/** The handler; `answer` turns what the backend threw into the HTTP answer of every other route. */
export function assignmentHandlers(
  backend: MemoryAdapter,
  base: string,
  answer: (error: unknown) => Promise<Response>,
): HttpHandler[] {
  return [
    http.post(`${base}/licensing/assignments`, async ({ request }) => {
      try {
        const expectedVersion = parseEtag(request.headers.get('If-Match'));
        if (expectedVersion === undefined || expectedVersion === '*') {
          return problem(428, {
            title: 'Precondition Required',
            detail: 'Send If-Match with the version of the snapshot the assignment was decided on.',
          });
        }
        const idempotencyKey = request.headers.get('Idempotency-Key')?.trim();
        if (!idempotencyKey) {
          return problem(400, {
            type: problemTypes.badRequest,
            title: 'Bad Request',
            detail: 'Send an Idempotency-Key header, one per assignment.',
          });
        }
        const body = await readJson(request);
        if (!body.ok) return body.response;
        let asked;
        try {
          asked = decodeBody(body.value);
        } catch (error) {
          if (error instanceof DecodeError) return badShape(error);
          throw error;
        }
        const method = backend[asked.action];
        if (!method) throw new NotSupportedError('Assigning licences is not available here.');
        const result = await method.call(backend, asked.typeId, asked.selection, {
          expectedVersion,
          idempotencyKey,
          alsoLinked: asked.alsoLinked,
        });
        return HttpResponse.json(result, { headers: { ETag: `"${result.snapshot.version}"` } });
      } catch (error) {
        return answer(error);
      }
    }),
  ];
}
