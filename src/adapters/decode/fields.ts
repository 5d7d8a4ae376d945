// The building blocks of the body decoders: each checks one JSON value against one kind of field
// and returns it typed, or throws a DecodeError naming the path of the first bad field
// (`lines[2].count is not a whole number`). The decoders of responses (decode.ts) and of request
// bodies (decode-changes.ts) are written with these alone.

/** A body that does not match the contract; `path` names the first bad field (`''` for the body). */
export class DecodeError extends Error {
  readonly path: string;
  constructor(path: string, problem: string) {
    super(`${path === '' ? 'the body' : path} ${problem}`);
    this.name = 'DecodeError';
    this.path = path;
  }
}

export type Json = Readonly<Record<string, unknown>>;

/** A short, safe rendering of a received value for an error message. */
function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** Throws the DecodeError for `path`: what it should be, and what it is. */
export function fail(path: string, expected: string, value: unknown): never {
  throw new DecodeError(path, `${expected} (got ${show(value)})`);
}

export const at = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);
const index = (path: string, i: number): string => `${path}[${i}]`;

export function object(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(path, 'is not an object', value);
  return value as Json;
}

export function required(o: Json, key: string, path: string): unknown {
  const value = o[key];
  if (value === undefined) throw new DecodeError(at(path, key), 'is missing');
  return value;
}

export function string(value: unknown, path: string): string {
  if (typeof value !== 'string') fail(path, 'is not a string', value);
  return value;
}

export function nonEmpty(value: unknown, path: string): string {
  const text = string(value, path);
  if (text === '') fail(path, 'is empty', value);
  return text;
}

export function boolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'is not true or false', value);
  return value;
}

/** Counts, limits, minutes: a safe integer, at least 0 (R2). */
export function whole(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    fail(path, 'is not a whole number', value);
  }
  return value;
}

export function date(value: unknown, path: string): string {
  const text = string(value, path);
  if (Number.isNaN(Date.parse(text))) fail(path, 'is not an ISO 8601 date', value);
  return text;
}

export function oneOf<const T extends string>(values: readonly T[]) {
  return (value: unknown, path: string): T => {
    if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
      fail(path, `is not one of ${values.join(', ')}`, value);
    }
    return value as T;
  };
}

export function array<T>(item: (value: unknown, path: string) => T) {
  return (value: unknown, path: string): T[] => {
    if (!Array.isArray(value)) fail(path, 'is not an array', value);
    return value.map((entry: unknown, i) => item(entry, index(path, i)));
  };
}

export function record<T>(item: (value: unknown, path: string) => T) {
  return (value: unknown, path: string): Record<string, T> => {
    const o = object(value, path);
    const out: Record<string, T> = {};
    for (const [key, entry] of Object.entries(o)) {
      // Defined, not assigned: a `__proto__` key from JSON.parse must stay a key, not a prototype.
      Object.defineProperty(out, key, {
        value: item(entry, `${path}[${JSON.stringify(key)}]`),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  };
}

export function nullable<T>(item: (value: unknown, path: string) => T) {
  return (value: unknown, path: string): T | null => (value === null ? null : item(value, path));
}

/** A required field. */
export function req<T>(o: Json, key: string, path: string, decode: (value: unknown, path: string) => T): T {
  return decode(required(o, key, path), at(path, key));
}

/**
 * An optional field: absent means absent. `null` is not accepted for an optional field (the
 * contract says "omit it"), so a server that sends `null` where the widgets expect a value or no
 * field at all is told so instead of showing an empty card.
 */
export function opt<T>(
  o: Json,
  key: string,
  path: string,
  decode: (value: unknown, path: string) => T,
): T | undefined {
  const value = o[key];
  return value === undefined ? undefined : decode(value, at(path, key));
}

/** Adds `key: value` only when the value is present, so optional fields stay absent, not undefined. */
export function withOptional<T extends object, K extends string, V>(
  target: T,
  key: K,
  value: V | undefined,
): T & { [P in K]?: V } {
  if (value !== undefined) (target as Record<string, unknown>)[key] = value;
  return target;
}

/** A finite number: the rules (`validate`) judge whether it is whole; the shape only says "number". */
export function number(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, 'is not a number', value);
  return value;
}

/** Refuses any key of `o` not in `keys`. */
export function only(o: Json, keys: readonly string[], path: string): void {
  // A misspelt key (`count` for `counts`) would otherwise be a silent no-op commit.
  for (const key of Object.keys(o))
    if (!keys.includes(key)) throw new DecodeError(at(path, key), 'is not a known field');
}
