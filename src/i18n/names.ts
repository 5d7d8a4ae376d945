import { retentionLabelParts, type LicensingSnapshot, type Retention } from '../core/index.js';
import type { CommonMessages } from './common.js';
import type { IssueNames } from './issues.js';

/** "14 days", "3 months", "1 year", "1 year and 3 months" (R6), in the catalogue's language. */
export function retentionLabel(retention: Retention, t: CommonMessages): string {
  const parts = retentionLabelParts(retention);
  if (parts.kind === 'days') return t.days(parts.days);
  if (parts.years === 0) return t.months(parts.months);
  if (parts.months === 0) return t.years(parts.years);
  return t.yearsAndMonths(t.years(parts.years), t.months(parts.months));
}

/** The names an issue message needs, read from the snapshot (ids when a name is missing). */
export function namesFrom(snapshot: LicensingSnapshot, t: CommonMessages): IssueNames {
  return {
    type: (typeId) => snapshot.catalog.find((type) => type.id === typeId)?.name ?? typeId,
    service: (serviceId) => snapshot.powerPack?.services.find((s) => s.id === serviceId)?.name ?? serviceId,
    retention: (months) => retentionLabel({ months }, t),
  };
}

/**
 * A message table's entry for a key that comes from data (an id, a plan, a state), or `undefined`.
 * Own entries only: an id such as `constructor` or `toString` must read as itself, not find
 * Object.prototype's function and show its source.
 */
export function entryFor<T>(table: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return table !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}
