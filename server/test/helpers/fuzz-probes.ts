// Generated bad requests (fast-check) for every operation of docs/openapi.yaml: malformed JSON,
// wrong types, huge numbers, unknown fields, SQL and script in every string, bodies past the
// limit, bad If-Match, Idempotency-Key and Authorization. Each probe is bad by construction (one
// fault, everything else right), so none may change anything; each says which statuses may answer
// it and what the answer must name.

import fc from 'fast-check';

export interface Probe {
  /** The kind of fault, for the failure message and the tally. */
  readonly kind: string;
  readonly method: 'GET' | 'POST' | 'PUT';
  /** Under /api, with the query. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** The statuses that may answer it. */
  readonly statuses: readonly number[];
  /** Text the answer must contain (case-insensitive): the field, header or value at fault. */
  readonly names?: string;
}

/** What the probes need to know of the account under test. */
export interface Target {
  readonly version: string;
  readonly token: string;
  readonly viewToken: string;
  readonly typeIds: readonly string[];
  readonly serviceIds: readonly string[];
  /** Counts the rules allow (one more of a type nothing depends on): a change that would apply. */
  readonly goodCounts: Readonly<Record<string, number>>;
}

/** Strings an attacker tries in every field: SQL, script, path tricks, odd Unicode. */
const EVIL = [
  "'; DROP TABLE accounts; --",
  "' OR '1'='1",
  "\"; DELETE FROM licence_lines WHERE ''='",
  '1; UPDATE accounts SET version = 0',
  "Robert'); DROP TABLE users;--",
  '$1',
  '%s%s%n',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  ['javascript', 'alert(1)'].join(':'),
  '{{constructor.constructor("alert(1)")()}}',
  '../../../etc/passwd',
  '__proto__',
  'constructor',
  'toString',
  'Nováková',
  '\u202e\u0000null\u0000',
  '\ud800',
  '😀'.repeat(50),
  '',
  ' ',
];

const evilString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...EVIL) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 300, maxLength: 3000, unit: 'grapheme-ascii' }) },
);

/** Header values fetch can send: visible ASCII and spaces. */
const headerText = (options: { minLength?: number; maxLength?: number } = {}) =>
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), ...options });

/** Numbers JSON.parse turns into something no count may be: too big, negative, fractions, Infinity. */
const hugeNumberText = fc.oneof(
  fc.constantFrom(
    '1e400',
    '-1e400',
    '123456789012345678901234567890',
    '9007199254740993',
    '1.7976931348623157e308',
    '-0.0001',
    '0.5',
    '-1',
    '1e20',
  ),
  fc
    .double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 })
    .filter((n) => !Number.isInteger(n) || n < 0 || n > 100_000)
    .map(String),
);

/** A JSON value that is not a number (the wrong type for a count or limit). */
const notANumber = fc.oneof(
  evilString.map((s) => JSON.stringify(s)),
  fc.constantFrom('true', 'false', 'null', '[]', '{}', '[1]', '{"a":1}', '"5"'),
);
const notABoolean = fc.oneof(
  evilString.map((s) => JSON.stringify(s)),
  fc.constantFrom('1', '0', 'null', '[]', '{}', '"true"'),
);

const json = (value: unknown) => JSON.stringify(value);

function commitProbe(target: Target, kind: string, body: string, extra: Partial<Probe> = {}): Probe {
  return {
    kind,
    method: 'POST',
    path: '/licensing/changes',
    headers: {
      Authorization: `Bearer ${target.token}`,
      'Content-Type': 'application/json',
      'If-Match': `"${target.version}"`,
      'Idempotency-Key': `fuzz-${kind}`,
    },
    body,
    statuses: [422],
    ...extra,
  };
}

/** A change that would be applied if nothing else were wrong with its request. */
const goodChange = (target: Target) =>
  fc
    .constantFrom(...Object.entries(target.goodCounts))
    .map(([typeId, count]) => json({ counts: { [typeId]: count } }));

function commitProbes(target: Target): fc.Arbitrary<Probe>[] {
  const typeId = fc.constantFrom(...target.typeIds);
  const serviceId = fc.constantFrom(...target.serviceIds);
  return [
    // Not JSON at all, or JSON that is not an object.
    fc
      .oneof(
        fc.constantFrom(
          '{',
          '{"counts":',
          '{"counts": {"voice": 1,}}',
          "{'counts':{}}",
          'nul',
          '[1,2',
          '{"a":1}}',
        ),
        fc.string({ minLength: 1, maxLength: 40 }).filter((s) => {
          try {
            JSON.parse(s);
            return false;
          } catch {
            return true;
          }
        }),
      )
      .map((body) => commitProbe(target, 'malformed-json', body, { statuses: [400], names: 'JSON' })),
    fc
      .constantFrom('5', '"counts"', 'null', '[]', 'true', '[{"counts":{}}]')
      .map((body) => commitProbe(target, 'not-an-object', body, { names: 'body' })),
    // The wrong type where the contract says number, boolean or object.
    fc
      .tuple(typeId, notANumber)
      .map(([id, value]) =>
        commitProbe(target, 'wrong-type', `{"counts":{${json(id)}:${value}}}`, { names: `counts.${id}` }),
      ),
    fc
      .tuple(
        fc.constantFrom('counts', 'speechToText', 'powerPack'),
        notANumber.filter((v) => !v.startsWith('{')),
      )
      .map(([field, value]) =>
        commitProbe(target, 'wrong-type', `{${json(field)}:${value}}`, { names: field }),
      ),
    fc.tuple(fc.constantFrom('enabled'), notABoolean).map(([field, value]) =>
      commitProbe(target, 'wrong-type', `{"speechToText":{"${field}":${value}}}`, {
        names: `speechToText.${field}`,
      }),
    ),
    fc
      .tuple(
        serviceId,
        notANumber.filter((v) => v !== 'null'),
      )
      .map(([id, value]) =>
        commitProbe(target, 'wrong-type', `{"powerPack":{"limits":{${json(id)}:${value}}}}`, {
          names: `powerPack.limits.${id}`,
        }),
      ),
    notANumber.map((value) =>
      commitProbe(target, 'wrong-type', `{"retention":${value}}`, { names: 'retention' }),
    ),
    // Fields the contract does not have, at the top and inside objects.
    fc
      .tuple(
        evilString.filter((s) => !['counts', 'retention', 'speechToText', 'powerPack'].includes(s)),
        typeId,
      )
      .map(([field, id]) =>
        commitProbe(target, 'unknown-field', json({ counts: { [id]: 1 }, [field]: 1 }), {
          names: field === '' ? 'is not a field' : field,
        }),
      ),
    fc
      .tuple(
        fc.constantFrom('speechToText', 'powerPack'),
        evilString.filter((s) => !['enabled', 'limitOverBase', 'limits'].includes(s)),
      )
      .map(([object, field]) =>
        commitProbe(target, 'unknown-field', json({ [object]: { [field]: true } }), {
          names: field === '' ? `${object}.` : field,
        }),
      ),
    // Numbers no rule allows (huge, negative, fractions; Infinity once parsed).
    fc
      .tuple(typeId, hugeNumberText)
      .map(([id, number]) =>
        commitProbe(target, 'huge-number', `{"counts":{${json(id)}:${number}}}`, { names: id }),
      ),
    fc
      .tuple(
        serviceId,
        hugeNumberText.filter(
          (n) => Number(n) < 0 || !Number.isFinite(Number(n)) || !Number.isInteger(Number(n)),
        ),
      )
      .map(([id, number]) =>
        commitProbe(target, 'huge-number', `{"powerPack":{"limits":{${json(id)}:${number}}}}`, { names: id }),
      ),
    hugeNumberText
      .filter((n) => Number(n) < 0 || !Number.isFinite(Number(n)) || !Number.isInteger(Number(n)))
      .map((number) =>
        commitProbe(target, 'huge-number', `{"speechToText":{"limitOverBase":${number}}}`, {
          names: 'speech',
        }),
      ),
    hugeNumberText
      .filter((n) => !(Number(n) >= 3 && Number(n) <= 60 && Number(n) % 3 === 0))
      .map((number) =>
        commitProbe(target, 'huge-number', `{"retention":{"months":${number}}}`, { names: 'retention' }),
      ),
    // SQL and script as the ids of licence types and services: unknown, named in the issues.
    fc
      .tuple(
        evilString.filter((s) => s !== '' && !target.typeIds.includes(s)),
        fc.integer({ min: 0, max: 50 }),
      )
      .map(([id, count]) => commitProbe(target, 'evil-id', json({ counts: { [id]: count } }), { names: id })),
    evilString
      .filter((s) => s !== '' && !target.serviceIds.includes(s))
      .map((id) =>
        commitProbe(target, 'evil-id', json({ powerPack: { limits: { [id]: 1 } } }), {
          names: id,
        }),
      ),
    // A good change under a bad If-Match: stale, garbage, `*`, empty, missing.
    fc
      .tuple(
        goodChange(target),
        fc.oneof(
          headerText({ maxLength: 60 }),
          fc.constantFrom(
            '"v0"',
            'v0',
            'W/"v1"',
            '*',
            '',
            ' ',
            '"',
            '""',
            `"${target.version}x"`,
            `${target.version}, "v0"`,
          ),
          fc.constantFrom(...EVIL.filter((s) => /^[\x20-\x7e]*$/.test(s))),
        ),
      )
      .filter(([, value]) => value.replace(/^\s*(W\/)?"?|"?\s*$/g, '') !== target.version)
      .map(([body, value]) =>
        commitProbe(target, 'bad-if-match', body, {
          headers: {
            ...commitProbe(target, '', '').headers,
            'If-Match': value,
            'Idempotency-Key': 'fuzz-if-match',
          },
          statuses: [409, 428],
          names: 'If-Match',
        }),
      ),
    goodChange(target).map((body) => {
      const headers = { ...commitProbe(target, '', '').headers };
      delete headers['If-Match'];
      return commitProbe(target, 'bad-if-match', body, { headers, statuses: [428], names: 'If-Match' });
    }),
    // A good change under a bad Idempotency-Key: empty, blank, too long, not visible ASCII.
    fc
      .tuple(
        goodChange(target),
        fc.oneof(
          fc.constantFrom('', ' ', '   ', 'a b', 'é', 'key\u00ff'),
          headerText({ minLength: 256, maxLength: 8000 }),
          fc.constantFrom(...EVIL.filter((s) => /[^A-Za-z0-9._:~+/=-]/.test(s) && /^[\x20-\x7e]*$/.test(s))),
        ),
      )
      .map(([body, key]) =>
        commitProbe(target, 'bad-idempotency-key', body, {
          headers: { ...commitProbe(target, '', '').headers, 'Idempotency-Key': key },
          statuses: [400],
          names: 'Idempotency-Key',
        }),
      ),
  ];
}

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

function isWellFormed(text: string): boolean {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
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
