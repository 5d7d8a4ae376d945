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
} from '../../core/index.js';
import {
  DecodeError,
  array,
  at,
  boolean,
  date,
  fail,
  nonEmpty,
  nullable,
  object,
  oneOf,
  opt,
  record,
  req,
  required,
  string,
  whole,
  withOptional,
} from './decode-fields.js';

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
