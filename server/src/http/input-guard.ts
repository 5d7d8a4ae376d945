// Text PostgreSQL cannot hold: U+0000 (NUL) is refused in any text column and in jsonb. A request
// that carries it in its query or body is refused here, naming the field, before any handler
// could hand it to the database (where it would fail as a 500).

import type { FastifyInstance } from 'fastify';
import { HttpProblem, problemTypes, shapeProblem } from './problem.js';

/**
 * The path (`records[2].id`, `counts["a\u0000"]`) of the first string or key holding U+0000.
 * Walked with a stack of its own, not by recursion: a body nested thousands deep is 10 KB of
 * JSON and must not overflow the call stack (a 500); it is then refused by its schema.
 */
function nulAt(value: unknown): string | undefined {
  // [value, its path, the key that led to it (checked before the value, as it comes first)]
  const stack: [unknown, string, string][] = [[value, '', '']];
  while (stack.length) {
    const [item, path, key] = stack.pop()!;
    if (key.includes('\u0000')) return path;
    if (typeof item === 'string') {
      if (item.includes('\u0000')) return path || 'the body';
    } else if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) stack.push([item[i], `${path}[${i}]`, '']);
    } else if (item !== null && typeof item === 'object') {
      const entries = Object.entries(item);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [name, child] = entries[i]!;
        stack.push([child, path ? `${path}.${name}` : name, name]);
      }
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
