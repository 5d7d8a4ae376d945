// The memory adapter's saved state in `localStorage` (or a host's storage): read with the same
// decoder as a backend's answer, so data of an older or broken shape is never half-loaded, and
// written so that a failed write is known (a change that would be lost on reload is not applied).

import type { InstallationLicense, LicensingSnapshot } from '../../core/index.js';
import { decodeInstallationLicense } from '../decode/bodies.js';
import { DecodeError } from '../decode/fields.js';
import { decodeLicensingSnapshot } from '../decode/snapshot.js';
import { StorageError } from '../errors.js';

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** What is stored under the key. */
export interface Persisted {
  readonly snapshot: LicensingSnapshot;
  readonly installationLicense: InstallationLicense | null;
  /**
   * The agents whose licences differ from the seed (R12 assignments), by id: stored with the
   * snapshot whose in-use figures they make, so a reload or another tab sees the same holders.
   */
  readonly agents?: Readonly<Record<string, readonly string[]>>;
}

/** The stored agents' licences, or a DecodeError (a broken shape is refused as a whole). */
function decodeAgents(value: unknown): Record<string, string[]> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DecodeError('agents', 'is not an object');
  }
  const agents: Record<string, string[]> = {};
  for (const [id, licences] of Object.entries(value)) {
    if (!Array.isArray(licences) || !licences.every((l) => typeof l === 'string')) {
      throw new DecodeError(`agents.${id}`, 'is not a list of licence type ids');
    }
    agents[id] = licences as string[];
  }
  return agents;
}

export class SavedState {
  /** The last stored text that was refused, so its warning is given once. */
  private refused: string | undefined;

  constructor(
    readonly key: string,
    private readonly storage: StorageLike | undefined,
    /** The seed's catalog ids: data stored for another catalog would not fit the agents. */
    private readonly catalogIds: readonly string[],
  ) {}

  /**
   * What is stored, checked with the snapshot decoder; undefined when nothing is, or when it is of
   * another or a broken shape (then a console warning says why, and the caller keeps the seed).
   */
  read(): Persisted | undefined {
    let raw: string | null | undefined;
    try {
      raw = this.storage?.getItem(this.key);
    } catch {
      return undefined; // storage refused (privacy settings): as if nothing were stored
    }
    if (!raw) return undefined;
    try {
      const value = JSON.parse(raw) as {
        snapshot?: unknown;
        installationLicense?: unknown;
        agents?: unknown;
      };
      const snapshot = decodeLicensingSnapshot(value.snapshot);
      const ids = snapshot.catalog.map((type) => type.id);
      if (JSON.stringify(ids) !== JSON.stringify(this.catalogIds)) {
        throw new DecodeError('snapshot.catalog', 'is not the catalog of the seed');
      }
      const licence = value.installationLicense;
      return {
        snapshot,
        installationLicense:
          licence === null || licence === undefined ? null : decodeInstallationLicense(licence),
        agents: decodeAgents(value.agents),
      };
    } catch (error) {
      if (this.refused !== raw) {
        this.refused = raw;
        console.warn(
          `MemoryAdapter: the data stored under "${this.key}" cannot be used, so the seed is: ${
            error instanceof Error ? error.message : String(error)
          }`,
        );
      }
      return undefined;
    }
  }

  /** Stores `value`; throws StorageError when the storage refuses (full, or private mode). */
  store(value: Persisted): void {
    try {
      this.storage?.setItem(this.key, JSON.stringify(value));
    } catch (error) {
      throw new StorageError(undefined, { cause: error });
    }
  }

  remove(): void {
    try {
      this.storage?.removeItem(this.key);
    } catch {
      // Nothing stored can be read back either.
    }
  }
}
