// Every response a server test sees is checked against docs/openapi.yaml (OpenAPI 3.1, JSON Schema
// 2020-12, Ajv 8): an answer that does not match fails the test, so the contract, the server and
// RestAdapter's decoders cannot drift apart.

import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { SPECIFICATION } from '../../src/http/app.js';

interface Operation {
  responses: Record<string, { $ref?: string; content?: Record<string, unknown> }>;
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: { responses: Record<string, { content?: Record<string, unknown> }> };
}

const spec = parse(readFileSync(SPECIFICATION, 'utf8')) as Spec;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema(spec, 'openapi');

const pointer = (...parts: string[]) =>
  parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

export class ContractViolation extends Error {
  override name = 'ContractViolation';
}

/** The contract's path template for `path` (`/licensing/services/x/allowed` → `…/{id}/allowed`). */
function templateOf(path: string): string | undefined {
  return Object.keys(spec.paths).find((template) => {
    const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+');
    return new RegExp(`^${pattern}$`).test(path);
  });
}

/**
 * Throws a ContractViolation unless `status`, `contentType` and `body` are an answer the contract
 * lists for `method` on `path` (the path after `/api`, without the query).
 */
export function checkResponse(
  method: string,
  path: string,
  status: number,
  contentType: string,
  body: unknown,
): void {
  const template = templateOf(path);
  if (!template) throw new ContractViolation(`${path} is not a path of the contract`);
  const operation = spec.paths[template]?.[method.toLowerCase()];
  if (!operation) throw new ContractViolation(`${method} ${template} is not an operation of the contract`);
  const listed = operation.responses[String(status)];
  if (!listed) throw new ContractViolation(`${method} ${template} does not list status ${status}`);
  let base = pointer('paths', template, method.toLowerCase(), 'responses', String(status));
  let response = listed;
  if (listed.$ref) {
    const name = listed.$ref.split('/').pop()!;
    base = pointer('components', 'responses', name);
    response = spec.components.responses[name]!;
  }
  const mediaType = contentType.split(';')[0]!.trim();
  if (!response.content) {
    if (body !== undefined && body !== '') throw new ContractViolation(`${status} should have no body`);
    return;
  }
  if (!(mediaType in response.content)) {
    throw new ContractViolation(
      `${method} ${template} ${status} answers ${Object.keys(response.content).join(' or ')}, not ${mediaType}`,
    );
  }
  const validate = ajv.getSchema(`openapi#/${base}/content/${pointer(mediaType)}/schema`);
  if (!validate) throw new ContractViolation(`no schema for ${method} ${template} ${status} ${mediaType}`);
  if (!validate(body)) {
    throw new ContractViolation(
      `${method} ${template} ${status}: ${ajv.errorsText(validate.errors, { dataVar: 'body' })}\n${JSON.stringify(body).slice(0, 500)}`,
    );
  }
}

/**
 * A `fetch` that checks every answer of the `/api` routes against the contract before handing it
 * on (for RestAdapter in the conformance suite).
 */
export function contractFetch(apiBase: string): (input: string, init: RequestInit) => Promise<Response> {
  return async (input, init) => {
    const response = await fetch(input, init);
    const url = new URL(input);
    const path = url.pathname.slice(new URL(apiBase).pathname.length);
    const text = await response.clone().text();
    const type = response.headers.get('content-type') ?? '';
    const json = /json/.test(type);
    checkResponse(
      init.method ?? 'GET',
      path,
      response.status,
      type,
      json ? (JSON.parse(text) as unknown) : text,
    );
    return response;
  };
}

/** Throws a ContractViolation unless `value` matches the contract's `components/schemas/<name>`. */
export function checkSchema(name: string, value: unknown): void {
  const validate = ajv.getSchema(`openapi#/${pointer('components', 'schemas', name)}`);
  if (!validate) throw new ContractViolation(`the contract has no schema ${name}`);
  if (!validate(value)) {
    throw new ContractViolation(
      `${name}: ${ajv.errorsText(validate.errors, { dataVar: 'data' })}\n${JSON.stringify(value).slice(0, 500)}`,
    );
  }
}
