// Text PostgreSQL cannot hold: U+0000 (NUL) is refused in any text column and in jsonb. A request
// that carries it in its query or body is refused here, naming the field, before any handler
// could hand it to the database (where it would fail as a 500).

import type { FastifyInstance } from 'fastify';
import { HttpProblem, problemTypes, shapeProblem } from './problem.js';

/** The path (`records[2].id`, `counts["a\u0000"]`) of the first string or key holding U+0000. */
export function nulAt(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'the body' : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = nulAt(item, `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (key.includes('\u0000')) return at;
      const found = nulAt(item, at);
      if (found) return found;
    }
  }
  return undefined;
}

const prototypeDetail =
  'The request body has a field named __proto__ (or constructor.prototype), which is refused.';

/**
 * Refuses U+0000 in the query string (400) and in JSON bodies (422), naming where; and says why a
 * body with a `__proto__` field is refused (Fastify's parser refuses it as "not valid JSON").
 */
export function registerInputGuard(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parse(request, String(body), (error, value) => {
      if (error) {
        try {
          JSON.parse(String(body));
          // Plain JSON, refused only for its prototype field.
          done(new HttpProblem(400, { type: problemTypes.badRequest, detail: prototypeDetail }), undefined);
          return;
        } catch {
          // Not JSON at all: Fastify's own error.
        }
      }
      done(error, value);
    });
  });
  app.addHook('preValidation', async (request) => {
    const inQuery = nulAt(request.query);
    if (inQuery) {
      throw new HttpProblem(400, {
        type: problemTypes.badRequest,
        detail: `querystring: ${inQuery} must not contain the character U+0000.`,
      });
    }
    const inBody = nulAt(request.body);
    if (inBody)
      throw shapeProblem(
        `The request body does not match the contract: ${inBody} must not contain the character U+0000.`,
      );
  });
}
