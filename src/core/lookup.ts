// Small lookups the rules share. Internal: not re-exported from index.ts.

import type { LicenceLine, LicenceType, LicensingSnapshot, PowerPackService } from './types.js';

/**
 * R2: whether `n` is a count or limit the rules can hold: a whole number, at least 0, exactly
 * representable (a safe integer). NaN, fractions, negatives and 1e300 are not.
 */
export function isWhole(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

export function findType(snapshot: LicensingSnapshot, typeId: string): LicenceType | undefined {
  return snapshot.catalog.find((type) => type.id === typeId);
}

/** The snapshot's line for a type, or an empty one: a catalog type nobody bought yet has no line. */
export function lineFor(snapshot: LicensingSnapshot, typeId: string): LicenceLine {
  return snapshot.lines.find((line) => line.typeId === typeId) ?? { typeId, count: 0, inUse: 0, peak: 0 };
}

export function findService(snapshot: LicensingSnapshot, serviceId: string): PowerPackService | undefined {
  return snapshot.powerPack?.services.find((service) => service.id === serviceId);
}
