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

/**
 * The entry of `table` for the BCP 47 tag `lang`: the exact tag, then its language ("cs-CZ" → "cs"),
 * case-insensitively; `undefined` when it has neither.
 */
export function translated(table: Translations | undefined, lang: string): string | undefined {
  const tag = lang.toLowerCase();
  const base = tag.split('-')[0];
  let found: string | undefined;
  for (const [key, text] of Object.entries(table ?? {})) {
    const k = key.toLowerCase();
    if (k === tag) return text;
    if (k === base) found = text;
  }
  return found;
}

/**
 * A licence type's or Power Pack service's name in `lang`: its `names` entry, else its `name`. Every
 * widget names a channel through this, so one channel has one name in each language.
 */
export const localName = (item: { name: string; names?: Translations }, lang: string): string =>
  translated(item.names, lang) ?? item.name;

/**
 * A licence type or Power Pack service (or `undefined`) with `name` and `description` in `lang`, so
 * a template that reads `.name` shows the one name the channel has in the page's language.
 */
export function inLanguage<T extends (Partial<LicenceType> & { name: string }) | undefined>(
  item: T,
  lang: string,
): T {
  if (!item) return item;
  const description = translated(item.descriptions, lang) ?? item.description;
  return { ...item, name: localName(item, lang), ...(description === undefined ? {} : { description }) };
}

/**
 * The names an issue message needs, read from the snapshot in the language of `t` (ids when a name
 * is missing).
 */
export function namesFrom(snapshot: LicensingSnapshot, t: CommonMessages): IssueNames {
  const name = (item: { name: string; names?: Translations } | undefined, id: string) =>
    item ? localName(item, t.lang) : id;
  return {
    type: (typeId) =>
      name(
        snapshot.catalog.find((type) => type.id === typeId),
        typeId,
      ),
    service: (serviceId) =>
      name(
        snapshot.powerPack?.services.find((s) => s.id === serviceId),
        serviceId,
      ),
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
