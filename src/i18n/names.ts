import {
  retentionLabelParts,
  type LicenceType,
  type LicensingSnapshot,
  type Retention,
  type Translations,
} from '../core/index.js';
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

/** The entry of `table` for the BCP 47 tag `lang`: the exact tag, then its language ("cs-CZ" → "cs"). */
const translated = (table: Translations | undefined, lang: string): string | undefined =>
  entryFor(table, lang) ?? entryFor(table, lang.split('-')[0]!);

/**
 * A licence type or Power Pack service (or `undefined`) with `name` and `description` in `lang`
 * (its `names` / `descriptions` entry, else the plain field). Every widget names a channel through
 * this, so one channel has one name in each language.
 */
export const inLanguage = <T extends (Partial<LicenceType> & { name: string }) | undefined>(
  item: T,
  lang: string,
): T =>
  item && {
    ...item,
    name: translated(item.names, lang) ?? item.name,
    description: translated(item.descriptions, lang) ?? item.description,
  };

/**
 * The names an issue message needs, read from the snapshot in the language of `t` (ids when a name
 * is missing).
 */
export function namesFrom(snapshot: LicensingSnapshot, t: CommonMessages): IssueNames {
  return {
    type: (typeId) =>
      inLanguage(
        snapshot.catalog.find((type) => type.id === typeId),
        t.lang,
      )?.name ?? typeId,
    service: (serviceId) =>
      inLanguage(
        snapshot.powerPack?.services.find((s) => s.id === serviceId),
        t.lang,
      )?.name ?? serviceId,
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
