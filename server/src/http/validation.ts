// Request validation without Fastify's defaults that would hide mistakes: bodies are checked with no
// coercion and no removal of unknown fields (a misspelt field is a 422 naming it, never a silent
// no-op). Query strings and headers are text on the wire, so only they are coerced to numbers.

import { Ajv, type ErrorObject, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

function makeAjv(options: Options): Ajv {
  // OpenAPI adds keywords JSON Schema does not know (`example`): not strict about those.
  const ajv = new Ajv({ strict: false, allErrors: false, ...options });
  addFormats.default(ajv);
  return ajv;
}

interface HeaderSchema {
  readonly properties?: Readonly<Record<string, unknown>>;
  readonly required?: readonly string[];
}

/** Node hands headers over in lower case; the contract spells them `If-Match`. */
function lowerCaseHeaders(schema: HeaderSchema): object {
  return {
    ...schema,
    ...(schema.properties && {
      properties: Object.fromEntries(
        Object.entries(schema.properties).map(([name, value]) => [name.toLowerCase(), value]),
      ),
    }),
    ...(schema.required && { required: schema.required.map((name) => name.toLowerCase()) }),
  };
}

/** Fastify's validator compiler: a strict Ajv for bodies, a coercing one for the rest. */
export function validatorCompiler(): FastifySchemaCompiler<unknown> {
  const strictAjv = makeAjv({ coerceTypes: false, removeAdditional: false, useDefaults: false });
  const textAjv = makeAjv({ coerceTypes: true, removeAdditional: false, useDefaults: true });
  return ({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? strictAjv : textAjv;
    const compiled = httpPart === 'headers' ? lowerCaseHeaders(schema as HeaderSchema) : (schema as object);
    return ajv.compile(compiled) as ReturnType<FastifySchemaCompiler<unknown>>;
  };
}

/** `/counts/voice` → `counts.voice`; `/lines/2` → `lines[2]`. */
function fieldPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

/** One Ajv error in words that name the field: `counts.voice must be number`. */
export function describeError(error: ErrorObject): string {
  const at = fieldPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') {
    const name = String(params.additionalProperty);
    // A field named "" is named as such, not left out.
    const field = [at, name === '' ? '""' : name].filter(Boolean).join('.');
    return `${field} is not a field of this request`;
  }
  if (error.keyword === 'required') {
    const field = [at, String(params.missingProperty)].filter(Boolean).join('.');
    return `${field} is missing`;
  }
  return `${at || 'the body'} ${error.message ?? 'is not valid'}`;
}
