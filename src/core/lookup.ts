// Small lookups the rules share. `lineFor` is re-exported from index.ts for the elements.

import type { LicenceLine, LicenceType, LicensingSnapshot, PowerPackService } from './types.js';

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
