// Generated bad requests (fast-check) for every operation of docs/openapi.yaml: malformed JSON,
// wrong types, huge numbers, unknown fields, SQL and script in every string, bodies past the
// limit, bad If-Match, Idempotency-Key and Authorization. Each probe is bad by construction (one
// fault, everything else right), so none may change anything; each says which statuses may answer
// it and what the answer must name.

import fc from 'fast-check';
import { commitProbes } from './fuzz-commit.js';
import {
  EVIL,
  evilString,
  headerText,
  hugeNumberText,
  isWellFormed,
  json,
  notANumber,
  type Probe,
  type Target,
} from './fuzz-values.js';

export type { Probe, Target } from './fuzz-values.js';

function usageRecordProbes(target: Target): fc.Arbitrary<Probe>[] {
  const probe = (kind: string, body: string, extra: Partial<Probe> = {}): Probe => ({
    kind,
    method: 'POST',
    path: '/licensing/usage-records',
    headers: { Authorization: `Bearer ${target.token}`, 'Content-Type': 'application/json' },
    body,
    statuses: [422],
    ...extra,
  });
  // Records that would be counted if the batch were good: SQL and script in their ids.
  const goodRecords = fc.array(
    fc.record({
      id: evilString.filter((s) => s.length >= 1 && s.length <= 200 && !s.includes('\u0000')),
      service: fc.constantFrom('speech-to-text', ...target.serviceIds),
      quantity: fc.integer({ min: 0, max: 1000 }),
    }),
    { maxLength: 5 },
  );
  const record = (quantity: string, extra = '') =>
    `{"id":"x","service":"speech-to-text","quantity":${quantity}${extra}}`;
  /** One bad record, as JSON text (a number like 1e400 has no JS value), and its field. */
  const badRecord = fc.oneof(
    evilString
      .filter((s) => s !== 'speech-to-text' && !target.serviceIds.includes(s) && s !== '')
      .map((service) => ({ text: json({ id: 'x', service, quantity: 1 }), field: 'service' })),
    hugeNumberText
      .filter((n) => !(Number.isInteger(Number(n)) && Number(n) >= 0 && Number(n) <= Number.MAX_SAFE_INTEGER))
      .map((n) => ({ text: record(n), field: 'quantity' })),
    notANumber.map((v) => ({ text: record(v), field: 'quantity' })),
    fc.constantFrom('', 'x'.repeat(201)).map((id) => ({
      text: json({ id, service: 'speech-to-text', quantity: 1 }),
      field: 'id',
    })),
    evilString
      .filter((s) => !['id', 'service', 'quantity'].includes(s))
      .map((field) => ({
        text: record('1', `,${json(field)}:1`),
        field: field === '' ? 'is not a field' : field,
      })),
    fc.constantFrom('a\u0000b', '\u0000').map((id) => ({
      text: json({ id, service: 'speech-to-text', quantity: 1 }),
      field: 'id',
    })),
    fc.constantFrom('id', 'service', 'quantity').map((field) => {
      const fields: Record<string, unknown> = { id: 'x', service: 'speech-to-text', quantity: 1 };
      delete fields[field];
      return { text: json(fields), field };
    }),
  );
  return [
    // One bad record among good ones: the whole batch is refused, naming the bad one.
    fc.tuple(goodRecords, badRecord, fc.nat()).map(([records, bad, at]) => {
      const i = at % (records.length + 1);
      const texts = records.map((r) => json(r));
      texts.splice(i, 0, bad.text);
      const names =
        bad.field === 'service' || bad.field === 'quantity' || bad.field === 'id'
          ? `records[${i}]`
          : bad.field;
      return probe('usage-records', `{"records":[${texts.join(',')}]}`, { names });
    }),
    fc
      .constantFrom('{}', '{"records":[]}', '{"records":{}}', '{"records":null}', '[]', '{"records":[1]}')
      .map((body) => probe('usage-records', body, { names: body === '[]' ? 'body' : 'records' })),
    fc.integer({ min: 1001, max: 1100 }).map((n) =>
      probe(
        'usage-records',
        json({
          records: Array.from({ length: n }, (_, i) => ({
            id: `r${i}`,
            service: 'speech-to-text',
            quantity: 1,
          })),
        }),
        { names: 'records' },
      ),
    ),
  ];
}

function otherProbes(target: Target): fc.Arbitrary<Probe>[] {
  const auth = { Authorization: `Bearer ${target.token}` };
  const readPaths = [
    '/licensing',
    '/licensing/usage',
    '/license',
    '/licensing/services/speech-to-text/allowed',
  ];
  return [
    // Usage pages: bad paging is a 400 naming the parameter; any search or type is only a query.
    fc
      .tuple(
        fc.constantFrom('offset', 'limit'),
        fc.oneof(
          evilString,
          hugeNumberText,
          fc.constantFrom('-1', '1.5', '1e30', '99999999999999999999', 'NaN'),
        ),
      )
      // What the query string's coercion turns into a whole number in range is a good value.
      .filter(([, value]) => !(value !== '' && Number.isSafeInteger(Number(value)) && Number(value) >= 0))
      // A lone surrogate has no URL form (encodeURIComponent throws): the client cannot send it.
      .filter(([, value]) => isWellFormed(value))
      .map(([name, value]) => ({
        kind: 'usage-query',
        method: 'GET' as const,
        path: `/licensing/usage?${name}=${encodeURIComponent(value)}`,
        headers: auth,
        statuses: [400],
        names: name,
      })),
    fc
      .tuple(fc.constantFrom('q', 'type'), evilString)
      .filter(([, value]) => !value.includes('\u0000') && isWellFormed(value))
      .map(([name, value]) => ({
        kind: 'usage-search',
        method: 'GET' as const,
        path: `/licensing/usage?${name}=${encodeURIComponent(value)}&limit=5`,
        headers: auth,
        statuses: [200],
      })),
    fc
      .tuple(
        fc.constantFrom('q', 'type'),
        fc.constantFrom('\u0000', 'a\u0000b', "'\u0000; DROP TABLE agents"),
      )
      .map(([name, value]) => ({
        kind: 'usage-search',
        method: 'GET' as const,
        path: `/licensing/usage?${name}=${encodeURIComponent(value)}`,
        headers: auth,
        statuses: [400],
        names: name,
      })),
    // A service that does not exist: 404 naming it.
    evilString
      .filter((id) => id.trim() !== '' && !['.', '..'].includes(id) && isWellFormed(id))
      .filter((id) => id !== 'speech-to-text' && !target.serviceIds.includes(id) && !id.includes('\u0000'))
      .map((id) => ({
        kind: 'service-id',
        method: 'GET' as const,
        path: `/licensing/services/${encodeURIComponent(id)}/allowed`,
        headers: auth,
        statuses: [404],
        // The router takes ids of up to 100 characters; a longer one is named as too long.
        names: id.length > 100 ? 'longer than 100' : id,
      })),
    // No token, a garbage one, or a view token on a change.
    fc
      .tuple(
        fc.constantFrom(...readPaths, '/license/log'),
        fc.oneof(
          headerText({ maxLength: 200 }),
          fc.constantFrom(...EVIL.filter((s) => /^[\x20-\x7e]*$/.test(s))),
        ),
      )
      .map(([path, value]): Probe => ({
        kind: 'authorization',
        method: 'GET' as const,
        path,
        headers:
          value === '' ? {} : { Authorization: value.startsWith('Bearer ') ? value : `Bearer x${value}` },
        statuses: [401],
        names: 'Authorization',
      })),
    fc.constantFrom('/licensing/changes', '/licensing/usage-records').map((path) => ({
      kind: 'permission',
      method: 'POST' as const,
      path,
      headers: {
        Authorization: `Bearer ${target.viewToken}`,
        'Content-Type': 'application/json',
        'If-Match': `"${target.version}"`,
        'Idempotency-Key': 'fuzz-view',
      },
      body: json({ counts: { [target.typeIds[0]!]: 1 } }),
      statuses: [403],
    })),
    // The manual licence key: wrong shapes name the field; any text is refused as no key.
    fc
      .oneof(
        fc
          .constantFrom('{}', '{"key":5}', '{"key":null}', '{"key":["x"]}', '[]', '"key"')
          .map((body) => ({ body, names: body.startsWith('{') ? 'key' : 'body' })),
        evilString
          .filter((s) => s !== 'key')
          .map((field) => ({
            body: json({ key: 'XCL1-x', [field]: 1 }),
            names: field === '' ? '""' : field,
          })),
      )
      .map(({ body, names }) => ({
        kind: 'license-key',
        method: 'PUT' as const,
        path: '/license/key',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body,
        statuses: [422],
        names,
      })),
    evilString.map((key) => ({
      kind: 'license-key',
      method: 'PUT' as const,
      path: '/license/key',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: json({ key }),
      statuses: [422],
      names: 'key',
    })),
    // Nested thousands deep (10 KB of JSON): refused by the schema, naming the field, not a 500
    // from a stack overflow in a check that walks the body.
    fc
      .tuple(fc.constantFrom('/licensing/changes', '/license/key'), fc.integer({ min: 2000, max: 8000 }))
      .map(([path, depth]) => ({
        kind: 'deep',
        method: (path === '/license/key' ? 'PUT' : 'POST') as 'PUT' | 'POST',
        path,
        headers: {
          ...auth,
          'Content-Type': 'application/json',
          'If-Match': `"${target.version}"`,
          'Idempotency-Key': 'fuzz-deep',
        },
        body: `{"${path === '/license/key' ? 'key' : 'counts'}":${'['.repeat(depth)}${']'.repeat(depth)}}`,
        statuses: [422],
        names: path === '/license/key' ? 'key' : 'counts',
      })),
    // Bodies past the limit (256 KB): 413 before anything is parsed.
    fc.constantFrom('/licensing/changes', '/licensing/usage-records', '/license/key').map((path) => ({
      kind: 'too-large',
      method: (path === '/license/key' ? 'PUT' : 'POST') as 'PUT' | 'POST',
      path,
      headers: {
        ...auth,
        'Content-Type': 'application/json',
        'If-Match': `"${target.version}"`,
        'Idempotency-Key': 'fuzz-large',
      },
      body: json({ counts: { [EVIL[0]!]: 1 }, padding: '<script>'.repeat(128 * 1024) }),
      statuses: [413],
      names: 'body',
    })),
  ];
}

/** Every kind of bad request, for every operation. */
export function probes(target: Target): fc.Arbitrary<Probe> {
  return fc.oneof(...commitProbes(target), ...usageRecordProbes(target), ...otherProbes(target)).map(
    // A field named __proto__ is refused as the body is parsed (400), before the schema sees it.
    (probe): Probe =>
      probe.body?.includes('"__proto__":') && probe.kind !== 'too-large' && probe.kind !== 'malformed-json'
        ? { ...probe, statuses: [400], names: '__proto__' }
        : probe,
  );
}
