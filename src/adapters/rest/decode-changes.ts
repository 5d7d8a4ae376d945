// The decoder of the one request body of the contract, a `POST /licensing/changes` change set, for
// servers that speak the contract (the MSW handlers): the shape only, the rules judge the values.

import type { ChangeSet, Retention } from '../../core/index.js';
import {
  boolean,
  fail,
  nullable,
  number,
  object,
  only,
  opt,
  at,
  record,
  req,
  withOptional,
} from '../decode/fields.js';

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
