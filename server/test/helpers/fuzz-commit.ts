// Bad commits (POST /licensing/changes) for the fuzz test: one fault each, everything else right.

import fc from 'fast-check';
import {
  EVIL,
  evilString,
  headerText,
  hugeNumberText,
  json,
  notABoolean,
  notANumber,
  type Probe,
  type Target,
} from './fuzz-values.js';

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

export function commitProbes(target: Target): fc.Arbitrary<Probe>[] {
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
