// Hand-written decoders for the bodies of the REST contract (docs/openapi.yaml). A body comes from
// another team's server, a proxy or a misconfigured dev server, so it is `unknown` until every field
// the widgets read has been checked: a wrong shape must become one clear error naming the first bad
// path (`lines[2].count is not a whole number`), never a `TypeError` deep inside an element.
//
// No schema library: the contract is small, and a dependency here would ship to every host page.
// Each decoder builds a fresh object from the fields it knows, so unknown fields a newer server adds
// are ignored (forward compatible) and nothing unchecked reaches the store.

import {
  isValidRetention,
  type Agent,
  type ChangeSet,
  type InstallationLicense,
  type LicenceLine,
  type LicenceType,
  type LicensingSnapshot,
  type Money,
  type Permission,
  type PowerPack,
  type PowerPackPrerequisites,
  type PowerPackService,
  type Recording,
  type Retention,
  type SpeechToText,
  type UsagePage,
  type ValidationIssue,
} from '../../core/index.js';

/** A body that does not match the contract; `path` names the first bad field (`''` for the body). */
export class DecodeError extends Error {
  readonly path: string;
  constructor(path: string, problem: string) {
    super(`${path === '' ? 'the body' : path} ${problem}`);
    this.name = 'DecodeError';
    this.path = path;
  }
}

type Json = Readonly<Record<string, unknown>>;

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

function fail(path: string, expected: string, value: unknown): never {
  throw new DecodeError(path, `${expected} (got ${show(value)})`);
}

const at = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);
const index = (path: string, i: number): string => `${path}[${i}]`;

function object(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(path, 'is not an object', value);
  return value as Json;
}

function required(o: Json, key: string, path: string): unknown {
  const value = o[key];
  if (value === undefined) throw new DecodeError(at(path, key), 'is missing');
  return value;
}

function string(value: unknown, path: string): string {
  if (typeof value !== 'string') fail(path, 'is not a string', value);
  return value;
}

function nonEmpty(value: unknown, path: string): string {
  const text = string(value, path);
  if (text === '') fail(path, 'is empty', value);
  return text;
}

function boolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'is not true or false', value);
  return value;
}

/** Counts, limits, minutes: a safe integer, at least 0 (R2). */
function whole(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    fail(path, 'is not a whole number', value);
  }
  return value;
}

function date(value: unknown, path: string): string {
  const text = string(value, path);
  if (Number.isNaN(Date.parse(text))) fail(path, 'is not an ISO 8601 date', value);
  return text;
}

function oneOf<const T extends string>(values: readonly T[]) {
  return (value: unknown, path: string): T => {
    if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
      fail(path, `is not one of ${values.join(', ')}`, value);
    }
    return value as T;
  };
}

function array<T>(item: (value: unknown, path: string) => T) {
  return (value: unknown, path: string): T[] => {
    if (!Array.isArray(value)) fail(path, 'is not an array', value);
    return value.map((entry: unknown, i) => item(entry, index(path, i)));
  };
}

function record<T>(item: (value: unknown, path: string) => T) {
  return (value: unknown, path: string): Record<string, T> => {
    const o = object(value, path);
    const out: Record<string, T> = {};
    for (const [key, entry] of Object.entries(o)) out[key] = item(entry, `${path}[${JSON.stringify(key)}]`);
    return out;
  };
}

function nullable<T>(item: (value: unknown, path: string) => T) {
  return (value: unknown, path: string): T | null => (value === null ? null : item(value, path));
}

/** A required field. */
function req<T>(o: Json, key: string, path: string, decode: (value: unknown, path: string) => T): T {
  return decode(required(o, key, path), at(path, key));
}

/**
 * An optional field: absent means absent. `null` is not accepted for an optional field (the
 * contract says "omit it"), so a server that sends `null` where the widgets expect a value or no
 * field at all is told so instead of showing an empty card.
 */
function opt<T>(
  o: Json,
  key: string,
  path: string,
  decode: (value: unknown, path: string) => T,
): T | undefined {
  const value = o[key];
  return value === undefined ? undefined : decode(value, at(path, key));
}

/** Adds `key: value` only when the value is present, so optional fields stay absent, not undefined. */
function withOptional<T extends object, K extends string, V>(
  target: T,
  key: K,
  value: V | undefined,
): T & { [P in K]?: V } {
  if (value !== undefined) (target as Record<string, unknown>)[key] = value;
  return target;
}

// --- domain values -----------------------------------------------------------------------------

const CURRENCY = /^[A-Z]{3}$/;

function money(value: unknown, path: string): Money {
  const o = object(value, path);
  const amount = required(o, 'amount', path);
  // Money is integer minor units everywhere (cents): a float here is a server bug that would make
  // every total in the cart wrong by rounding.
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount)) {
    fail(at(path, 'amount'), 'is not a whole number of minor units', amount);
  }
  const currency = req(o, 'currency', path, string);
  if (!CURRENCY.test(currency)) fail(at(path, 'currency'), 'is not an ISO 4217 code', currency);
  return { amount, currency };
}

const permission = oneOf<Permission>(['none', 'view', 'update']);

function retention(value: unknown, path: string): Retention {
  const o = object(value, path);
  let result: Retention;
  if (o.days !== undefined) {
    if (o.days !== 14) fail(at(path, 'days'), 'is not 14', o.days);
    result = { days: 14 };
  } else if (o.months !== undefined) {
    result = { months: whole(o.months, at(path, 'months')) };
  } else {
    throw new DecodeError(path, 'has neither days nor months');
  }
  if (!isValidRetention(result)) fail(at(path, 'months'), 'is not 3 or more in steps of 3', o.months);
  return result;
}

function licenceType(value: unknown, path: string): LicenceType {
  const o = object(value, path);
  const type: LicenceType = {
    id: req(o, 'id', path, nonEmpty),
    name: req(o, 'name', path, string),
    unitPrice: req(o, 'unitPrice', path, money),
  };
  withOptional(type, 'description', opt(o, 'description', path, string));
  withOptional(type, 'requires', opt(o, 'requires', path, nonEmpty));
  return withOptional(type, 'max', opt(o, 'max', path, whole));
}

function licenceLine(catalog: ReadonlySet<string>) {
  return (value: unknown, path: string): LicenceLine => {
    const o = object(value, path);
    const typeId = req(o, 'typeId', path, nonEmpty);
    // A line for a type the catalog lacks has no name or price to show.
    if (!catalog.has(typeId)) fail(at(path, 'typeId'), 'is not in the catalog', typeId);
    return {
      typeId,
      count: req(o, 'count', path, whole),
      inUse: req(o, 'inUse', path, whole),
      peak: req(o, 'peak', path, whole),
    };
  };
}

function recording(catalog: ReadonlySet<string>) {
  return (value: unknown, path: string): Recording => {
    const o = object(value, path);
    const typeId = req(o, 'typeId', path, nonEmpty);
    if (!catalog.has(typeId)) fail(at(path, 'typeId'), 'is not in the catalog', typeId);
    const result: Recording = { typeId, retention: req(o, 'retention', path, retention) };
    return withOptional(result, 'maxMonths', opt(o, 'maxMonths', path, whole));
  };
}

function speechToText(value: unknown, path: string): SpeechToText {
  const o = object(value, path);
  return {
    enabled: req(o, 'enabled', path, boolean),
    baseMinutes: req(o, 'baseMinutes', path, whole),
    limitOverBase: req(o, 'limitOverBase', path, nullable(whole)),
    usedMinutes: req(o, 'usedMinutes', path, whole),
    minutePrice: req(o, 'minutePrice', path, money),
  };
}

function powerPackService(value: unknown, path: string): PowerPackService {
  const o = object(value, path);
  return {
    id: req(o, 'id', path, nonEmpty),
    name: req(o, 'name', path, string),
    limit: req(o, 'limit', path, nullable(whole)),
    used: req(o, 'used', path, whole),
  };
}

function powerPack(value: unknown, path: string): PowerPack {
  const o = object(value, path);
  return {
    enabled: req(o, 'enabled', path, boolean),
    packPrice: req(o, 'packPrice', path, money),
    services: req(o, 'services', path, array(powerPackService)),
  };
}

function prerequisites(value: unknown, path: string): PowerPackPrerequisites {
  const o = object(value, path);
  return {
    emailQueues: req(o, 'emailQueues', path, whole),
    callQueuesWithAiTopics: req(o, 'callQueuesWithAiTopics', path, whole),
    aiQaForms: req(o, 'aiQaForms', path, whole),
  };
}

/**
 * Checks a `GET /licensing` (or commit) body and returns it as a `LicensingSnapshot`.
 * @throws DecodeError naming the first field that does not match the contract.
 */
export function decodeLicensingSnapshot(value: unknown): LicensingSnapshot {
  const o = object(value, '');
  const version = req(o, 'version', '', nonEmpty);
  const perm = req(o, 'permission', '', permission);
  const period = req(o, 'period', '', (v, path) => {
    const p = object(v, path);
    return { start: req(p, 'start', path, date), end: req(p, 'end', path, date) };
  });
  const catalog = req(o, 'catalog', '', array(licenceType));
  const ids = new Set<string>();
  catalog.forEach((type, i) => {
    if (ids.has(type.id)) fail(`catalog[${i}].id`, 'appears twice in the catalog', type.id);
    ids.add(type.id);
  });
  const snapshot: LicensingSnapshot = {
    version,
    permission: perm,
    period,
    catalog,
    lines: req(o, 'lines', '', array(licenceLine(ids))),
  };
  withOptional(snapshot, 'recording', opt(o, 'recording', '', recording(ids)));
  withOptional(snapshot, 'speechToText', opt(o, 'speechToText', '', speechToText));
  withOptional(snapshot, 'powerPack', opt(o, 'powerPack', '', powerPack));
  return withOptional(snapshot, 'prerequisites', opt(o, 'prerequisites', '', prerequisites));
}

function agent(value: unknown, path: string): Agent {
  const o = object(value, path);
  const result: Agent = {
    id: req(o, 'id', path, nonEmpty),
    name: req(o, 'name', path, string),
    licences: req(o, 'licences', path, array(string)),
  };
  return withOptional(result, 'email', opt(o, 'email', path, string));
}

/**
 * Checks a `GET /licensing/usage` body and returns it as a `UsagePage`.
 * @throws DecodeError naming the first field that does not match the contract.
 */
export function decodeUsagePage(value: unknown): UsagePage {
  const o = object(value, '');
  return {
    total: req(o, 'total', '', whole),
    countsByType: req(o, 'countsByType', '', record(whole)),
    agents: req(o, 'agents', '', array(agent)),
  };
}

const plan = oneOf(['monthly', 'annual']);
const licenceState = oneOf(['active', 'grace', 'deactivated']);
const graceReason = oneOf(['hardware-change', 'late-payment']);

/**
 * Checks a `GET /license` or `PUT /license/key` body and returns it as an `InstallationLicense`.
 * @throws DecodeError naming the first field that does not match the contract.
 */
export function decodeInstallationLicense(value: unknown): InstallationLicense {
  const o = object(value, '');
  // Fields in the order of the type, so the error names the first bad one a reader would find.
  return {
    token: req(o, 'token', '', nonEmpty),
    plan: req(o, 'plan', '', plan),
    expiresAt: req(o, 'expiresAt', '', date),
    staff: req(o, 'staff', '', (v, path) => {
      const staff = object(v, path);
      return {
        users: req(staff, 'users', path, whole),
        agents: req(staff, 'agents', path, whole),
        telephones: req(staff, 'telephones', path, whole),
        mobileAgents: req(staff, 'mobileAgents', path, whole),
      };
    }),
    channels: req(o, 'channels', '', array(string)),
    modules: req(o, 'modules', '', array(string)),
    addOns: req(o, 'addOns', '', array(string)),
    ai: req(o, 'ai', '', array(string)),
    sessions: req(o, 'sessions', '', (v, path) => {
      const sessions = object(v, path);
      return {
        ivrChannels: req(sessions, 'ivrChannels', path, whole),
        channelSessions: req(sessions, 'channelSessions', path, whole),
      };
    }),
    updatesAllowed: req(o, 'updatesAllowed', '', boolean),
    appZone: req(o, 'appZone', '', boolean),
    status: req(o, 'status', '', (v, path) => {
      const status = object(v, path);
      const result: InstallationLicense['status'] = { state: req(status, 'state', path, licenceState) };
      withOptional(result, 'reason', opt(status, 'reason', path, graceReason));
      withOptional(result, 'graceEndsAt', opt(status, 'graceEndsAt', path, date));
      return withOptional(result, 'previousToken', opt(status, 'previousToken', path, string));
    }),
  };
}

// --- request bodies (checked by servers, e.g. the MSW handlers) ---------------------------------

/** A finite number: the rules (`validate`) judge whether it is whole; the shape only says "number". */
function number(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, 'is not a number', value);
  return value;
}

function only(o: Json, keys: readonly string[], path: string): void {
  // A misspelt key (`count` for `counts`) would otherwise be a silent no-op commit.
  for (const key of Object.keys(o))
    if (!keys.includes(key)) throw new DecodeError(at(path, key), 'is not a known field');
}

/**
 * Checks the shape of a `POST /licensing/changes` body. Only the shape: whether the values are
 * allowed (whole counts, retention steps, limits) is for `validate()` to say, with issue codes.
 * Retention is checked to be `{ days: 14 }` or `{ months: n }` here, since the type admits no other.
 * @throws DecodeError naming the first field that does not match the contract.
 */
export function decodeChangeSet(value: unknown): ChangeSet {
  const o = object(value, '');
  only(o, ['counts', 'retention', 'speechToText', 'powerPack'], '');
  const changes: ChangeSet = {};
  withOptional(changes, 'counts', opt(o, 'counts', '', record(number)));
  withOptional(
    changes,
    'retention',
    opt(o, 'retention', '', (v, path): Retention => {
      const r = object(v, path);
      if (r.days !== undefined) {
        if (r.days !== 14) fail(at(path, 'days'), 'is not 14', r.days);
        return { days: 14 };
      }
      return { months: req(r, 'months', path, number) };
    }),
  );
  withOptional(
    changes,
    'speechToText',
    opt(o, 'speechToText', '', (v, path) => {
      const s = object(v, path);
      only(s, ['enabled', 'limitOverBase'], path);
      const out: { enabled?: boolean; limitOverBase?: number | null } = {};
      withOptional(out, 'enabled', opt(s, 'enabled', path, boolean));
      return withOptional(out, 'limitOverBase', opt(s, 'limitOverBase', path, nullable(number)));
    }),
  );
  return withOptional(
    changes,
    'powerPack',
    opt(o, 'powerPack', '', (v, path) => {
      const p = object(v, path);
      only(p, ['enabled', 'limits'], path);
      const out: { enabled?: boolean; limits?: Record<string, number | null> } = {};
      withOptional(out, 'enabled', opt(p, 'enabled', path, boolean));
      return withOptional(out, 'limits', opt(p, 'limits', path, record(nullable(number))));
    }),
  );
}

// --- problem details (RFC 9457) ------------------------------------------------------------------

/** The fields of an `application/problem+json` body licence-kit reads. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  /** Extension on 422: the rule breaks, with the codes of `validate()`. */
  issues?: ValidationIssue[];
  /** Extension on 409/412: the version the server holds now. */
  currentVersion?: string;
}

function isIssue(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { code, severity } = value as Json;
  return typeof code === 'string' && (severity === 'error' || severity === 'warning');
}

/**
 * Reads a problem body leniently: the HTTP status already says what kind of failure it is, so a
 * missing or odd field is left out rather than turning a clear 409 into an unreadable answer.
 */
export function decodeProblem(value: unknown): Problem {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const o = value as Json;
  const problem: Problem = {};
  if (typeof o.type === 'string') problem.type = o.type;
  if (typeof o.title === 'string') problem.title = o.title;
  if (typeof o.status === 'number') problem.status = o.status;
  if (typeof o.detail === 'string') problem.detail = o.detail;
  if (typeof o.currentVersion === 'string') problem.currentVersion = o.currentVersion;
  if (Array.isArray(o.issues)) {
    // Issues are passed on by code; a newer server may send codes this version does not know, and
    // the elements show those generically, so only the discriminating fields are checked here.
    problem.issues = o.issues.filter(isIssue) as ValidationIssue[];
  }
  return problem;
}
