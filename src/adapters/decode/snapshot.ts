// The decoder of a licensing snapshot, the gate between any backend and the rules: the REST adapter
// runs every `GET /licensing` and commit answer through it, and the memory adapter its seed and
// what it finds in storage. A body comes from another team's server, a proxy or an old tab, so it is
// `unknown` until every field the widgets read has been checked, and until it holds together the
// way the rules need: one currency, real dates, unique ids, versions that can travel in an `ETag`.
// A snapshot that passes cannot make `quote`, `validate` or a widget's render() throw.
//
// No schema library: the contract is small, and a dependency here would ship to every host page.

import {
  isValidRetention,
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
  type Translations,
} from '../../core/index.js';
import {
  DecodeError,
  array,
  at,
  boolean,
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
} from './fields.js';

const CURRENCY = /^[A-Z]{3}$/;

/** A price: integer minor units, 0 or more (a negative price would pay the customer to buy). */
function price(value: unknown, path: string): Money {
  const o = object(value, path);
  const amount = required(o, 'amount', path);
  // Money is integer minor units everywhere (cents): a float here is a server bug that would make
  // every total in the cart wrong by rounding.
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 0) {
    fail(at(path, 'amount'), 'is not a whole number of minor units ≥ 0', amount);
  }
  const currency = req(o, 'currency', path, string);
  if (!CURRENCY.test(currency)) fail(at(path, 'currency'), 'is not an ISO 4217 code', currency);
  return { amount, currency };
}

/**
 * An id the rules use as a key of a change set (`counts.voice`): non-empty, and not a name every
 * object already has (`constructor`, `__proto__`, `toString`), which would read as a function.
 */
function id(value: unknown, path: string): string {
  const text = nonEmpty(value, path);
  if (text in Object.prototype) fail(path, 'is a reserved name', text);
  return text;
}

/**
 * A version travels in `ETag` and `If-Match` as a strong entity tag (RFC 9110): visible ASCII
 * without `"`. Anything else (a quote, a space, a newline, `é`) would make every save fail.
 */
const VERSION = /^[\x21\x23-\x7e]+$/;
function version(value: unknown, path: string): string {
  const text = nonEmpty(value, path);
  if (!VERSION.test(text)) fail(path, 'cannot be sent in an ETag', text);
  return text;
}

/** A calendar day `YYYY-MM-DD`, optionally with a time: `2026-11-30`, `2026-11-30T00:00:00Z`. */
const DAY = /^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d))?$/;
function day(value: unknown, path: string): string {
  const text = string(value, path);
  const date = Date.parse(text.slice(0, 10));
  // 2026-02-30 matches the pattern; only a day that exists survives the round trip.
  if (
    !DAY.test(text) ||
    Number.isNaN(Date.parse(text)) ||
    Number.isNaN(date) ||
    new Date(date).toISOString().slice(0, 10) !== text.slice(0, 10)
  ) {
    fail(path, 'is not an ISO 8601 date', value);
  }
  return text;
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

/**
 * Text per language (`names`, `descriptions`): every key a well-formed BCP 47 tag, every value a
 * non-empty string, so a typo such as `"cz "` or an empty name never reaches a card.
 */
function translations(value: unknown, path: string): Translations {
  const table = record(nonEmpty)(value, path);
  for (const key of Object.keys(table)) {
    try {
      Intl.getCanonicalLocales(key);
    } catch {
      fail(`${path}[${JSON.stringify(key)}]`, 'is not a BCP 47 language tag', key);
    }
  }
  return table;
}

function licenceType(value: unknown, path: string): LicenceType {
  const o = object(value, path);
  const type: LicenceType = {
    id: req(o, 'id', path, id),
    name: req(o, 'name', path, string),
    unitPrice: req(o, 'unitPrice', path, price),
  };
  withOptional(type, 'names', opt(o, 'names', path, translations));
  withOptional(type, 'description', opt(o, 'description', path, string));
  withOptional(type, 'descriptions', opt(o, 'descriptions', path, translations));
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
    const maxMonths = opt(o, 'maxMonths', path, whole);
    const kept = result.retention;
    // A retention the plan does not allow would be shown as something it is not.
    if (maxMonths !== undefined && 'months' in kept && kept.months > maxMonths) {
      fail(at(path, 'retention.months'), `is above maxMonths (${maxMonths})`, kept.months);
    }
    return withOptional(result, 'maxMonths', maxMonths);
  };
}

function speechToText(value: unknown, path: string): SpeechToText {
  const o = object(value, path);
  return {
    enabled: req(o, 'enabled', path, boolean),
    baseMinutes: req(o, 'baseMinutes', path, whole),
    limitOverBase: req(o, 'limitOverBase', path, nullable(whole)),
    usedMinutes: req(o, 'usedMinutes', path, whole),
    minutePrice: req(o, 'minutePrice', path, price),
  };
}

function powerPackService(value: unknown, path: string): PowerPackService {
  const o = object(value, path);
  const service: PowerPackService = {
    id: req(o, 'id', path, id),
    name: req(o, 'name', path, string),
    limit: req(o, 'limit', path, nullable(whole)),
    used: req(o, 'used', path, whole),
  };
  return withOptional(service, 'names', opt(o, 'names', path, translations));
}

function powerPack(value: unknown, path: string): PowerPack {
  const o = object(value, path);
  const services = req(o, 'services', path, array(powerPackService));
  unique(services, (service) => service.id, `${at(path, 'services')}`, 'id');
  return { enabled: req(o, 'enabled', path, boolean), packPrice: req(o, 'packPrice', path, price), services };
}

function prerequisites(value: unknown, path: string): PowerPackPrerequisites {
  const o = object(value, path);
  return {
    emailQueues: req(o, 'emailQueues', path, whole),
    callQueuesWithAiTopics: req(o, 'callQueuesWithAiTopics', path, whole),
    aiQaForms: req(o, 'aiQaForms', path, whole),
  };
}

/** Refuses a second item with the same key: `lines[3].typeId appears twice in lines`. */
function unique<T>(items: readonly T[], key: (item: T) => string, path: string, field: string): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const value = key(item);
    if (seen.has(value)) fail(`${path}[${i}].${field}`, `appears twice in ${path}`, value);
    seen.add(value);
  });
  return seen;
}

/** Every price of the snapshot must be in one currency: `quote` adds them up. */
function oneCurrency(snapshot: LicensingSnapshot): void {
  const prices: [string, Money | undefined][] = snapshot.catalog.map((type, i) => [
    `catalog[${i}].unitPrice`,
    type.unitPrice,
  ]);
  prices.push(['speechToText.minutePrice', snapshot.speechToText?.minutePrice]);
  prices.push(['powerPack.packPrice', snapshot.powerPack?.packPrice]);
  let currency: string | undefined;
  for (const [path, money] of prices) {
    currency ??= money?.currency;
    if (money && money.currency !== currency) fail(`${path}.currency`, `is not ${currency}`, money.currency);
  }
}

/**
 * Checks a `GET /licensing` (or commit) body, or a stored or seeded snapshot, and returns it as a
 * `LicensingSnapshot` the rules can handle.
 * @throws DecodeError naming the first field that does not match the contract.
 */
export function decodeLicensingSnapshot(value: unknown): LicensingSnapshot {
  const o = object(value, '');
  // Fields in the order of the type, so the error names the first bad one a reader would find.
  const v = req(o, 'version', '', version);
  const perm = req(o, 'permission', '', permission);
  const period = req(o, 'period', '', (v, path) => {
    const p = object(v, path);
    const result = { start: req(p, 'start', path, day), end: req(p, 'end', path, day) };
    if (result.end.slice(0, 10) < result.start.slice(0, 10)) {
      fail(at(path, 'end'), `is before period.start (${result.start})`, result.end);
    }
    return result;
  });
  const catalog = req(o, 'catalog', '', array(licenceType));
  const ids = unique(catalog, (type) => type.id, 'catalog', 'id');
  catalog.forEach((type, i) => {
    if (type.requires !== undefined && !ids.has(type.requires)) {
      fail(`catalog[${i}].requires`, 'is not in the catalog', type.requires);
    }
  });
  const lines = req(o, 'lines', '', array(licenceLine(ids)));
  unique(lines, (line) => line.typeId, 'lines', 'typeId');
  const snapshot: LicensingSnapshot = {
    version: v,
    permission: perm,
    period,
    catalog,
    lines,
  };
  withOptional(snapshot, 'recording', opt(o, 'recording', '', recording(ids)));
  withOptional(snapshot, 'speechToText', opt(o, 'speechToText', '', speechToText));
  withOptional(snapshot, 'powerPack', opt(o, 'powerPack', '', powerPack));
  withOptional(snapshot, 'prerequisites', opt(o, 'prerequisites', '', prerequisites));
  oneCurrency(snapshot);
  return snapshot;
}
