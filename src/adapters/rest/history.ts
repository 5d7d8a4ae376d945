// `GET /licensing/history` (docs/openapi.yaml) for RestAdapter: the request and the decoder of its
// body. Kept apart so rest-adapter.ts stays a file a person can hold.
import {
  isValidRetention,
  type HistoryChange,
  type HistoryEntry,
  type HistoryPage,
  type HistoryQuery,
  type Money,
  type Retention,
} from '../../core/index.js';
import {
  array,
  boolean,
  date,
  DecodeError,
  fail,
  nonEmpty,
  nullable,
  object,
  req,
  string,
  whole,
} from '../decode/fields.js';

/** The request of one history page (`type`, `from`, `to` only when set): a read, retried as one. */
export function historyRequest(query: HistoryQuery, signal: AbortSignal | undefined) {
  return { method: 'GET', path: historyPath(query), retry: 'read', read: 'text', signal } as const;
}

function historyPath(query: HistoryQuery): string {
  const params = new URLSearchParams();
  if (query.type) params.set('type', query.type);
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  params.set('offset', String(query.offset));
  params.set('limit', String(query.limit));
  return `/licensing/history?${params.toString()}`;
}

/** An amount of the invoice change: integer minor units, negative for a reduction. */
function delta(value: unknown, path: string): Money {
  const o = object(value, path);
  const amount = req(o, 'amount', path, (v, p) => {
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) fail(p, 'is not a whole number of minor units', v);
    return v;
  });
  const currency = req(o, 'currency', path, string);
  if (!/^[A-Z]{3}$/.test(currency)) fail(`${path}.currency`, 'is not an ISO 4217 code', currency);
  return { amount, currency };
}

function retention(value: unknown, path: string): Retention {
  const o = object(value, path);
  const result: Retention = o.days === 14 ? { days: 14 } : { months: req(o, 'months', path, whole) };
  if (!isValidRetention(result)) fail(path, 'is not 14 days or 3 or more months in steps of 3', value);
  return result;
}

const limit = nullable(whole);

function change(value: unknown, path: string): HistoryChange {
  const o = object(value, path);
  const kind = req(o, 'kind', path, string);
  switch (kind) {
    case 'count':
      return {
        kind,
        typeId: req(o, 'typeId', path, nonEmpty),
        from: req(o, 'from', path, whole),
        to: req(o, 'to', path, whole),
      };
    case 'retention':
      return { kind, from: req(o, 'from', path, retention), to: req(o, 'to', path, retention) };
    case 'speech-to-text':
    case 'power-pack':
      return { kind, from: req(o, 'from', path, boolean), to: req(o, 'to', path, boolean) };
    case 'speech-to-text-limit':
      return { kind, from: req(o, 'from', path, limit), to: req(o, 'to', path, limit) };
    case 'power-pack-limit':
      return {
        kind,
        serviceId: req(o, 'serviceId', path, nonEmpty),
        from: req(o, 'from', path, limit),
        to: req(o, 'to', path, limit),
      };
    default:
      throw new DecodeError(`${path}.kind`, 'is not a known kind of change');
  }
}

function entry(value: unknown, path: string): HistoryEntry {
  const o = object(value, path);
  return {
    id: req(o, 'id', path, nonEmpty),
    at: req(o, 'at', path, date),
    user: req(o, 'user', path, string),
    version: req(o, 'version', path, nonEmpty),
    changes: req(o, 'changes', path, array(change)),
    thisMonth: req(o, 'thisMonth', path, delta),
    nextMonth: req(o, 'nextMonth', path, delta),
  };
}

/**
 * Checks a `GET /licensing/history` body and returns it as a `HistoryPage`.
 * @throws DecodeError naming the first field that does not match the contract.
 */
export function decodeHistoryPage(value: unknown): HistoryPage {
  const o = object(value, '');
  return { total: req(o, 'total', '', whole), entries: req(o, 'entries', '', array(entry)) };
}
