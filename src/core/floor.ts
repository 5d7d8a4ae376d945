// R3 with R4: the lowest count a field offers, so a stepper stops where `validate` would object
// (reduce-below-in-use, below-dependent-licence) and can say why on the control itself.
import { lineFor } from './lookup.js';
import type { LicensingSnapshot } from './types.js';

/** The lowest count of a type that raises no R3 / R4 error, and what holds it up. */
export interface CountFloor {
  readonly min: number;
  /** The type whose planned count needs as many (R4); undefined when what is in use holds it (R3). */
  readonly neededBy: string | undefined;
}

/**
 * R3 with R4: the lowest count of `typeId` that `validate` accepts as a reduction: what is in use
 * (R3), or the count a type that `requires` it has in `planned` (the snapshot after the draft,
 * R4), whichever is higher; never above the saved count, since staying where it is is no reduction.
 */
export function countFloor(
  snapshot: LicensingSnapshot,
  planned: LicensingSnapshot,
  typeId: string,
): CountFloor {
  const { count, inUse } = lineFor(snapshot, typeId);
  let min = inUse;
  let neededBy: string | undefined;
  for (const type of snapshot.catalog) {
    const needs = type.requires === typeId ? lineFor(planned, type.id).count : 0;
    if (needs > min) [min, neededBy] = [needs, type.id];
  }
  return { min: Math.min(count, min), neededBy };
}
