// The values of the bad-input probes (fuzz-probes.ts): what an attacker puts in every string,
// numbers no rule allows, values of the wrong type; and the shape of a probe.

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
export const EVIL = [
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

export const evilString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...EVIL) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 300, maxLength: 3000, unit: 'grapheme-ascii' }) },
);

/** Header values fetch can send: visible ASCII and spaces. */
export const headerText = (options: { minLength?: number; maxLength?: number } = {}) =>
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), ...options });

/** Numbers JSON.parse turns into something no count may be: too big, negative, fractions, Infinity. */
export const hugeNumberText = fc.oneof(
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
export const notANumber = fc.oneof(
  evilString.map((s) => JSON.stringify(s)),
  fc.constantFrom('true', 'false', 'null', '[]', '{}', '[1]', '{"a":1}', '"5"'),
);
export const notABoolean = fc.oneof(
  evilString.map((s) => JSON.stringify(s)),
  fc.constantFrom('1', '0', 'null', '[]', '{}', '"true"'),
);

export const json = (value: unknown) => JSON.stringify(value);

export function isWellFormed(text: string): boolean {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}
