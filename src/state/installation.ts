// The installation licence part of the store (second seed): loading it once, applying a pasted
// key, fetching the log file. Apart from the licensing part (snapshot, draft, commit) because the
// two share nothing but the adapter and the state object the store hands out.
import type { InstallationLicense } from '../core/index.js';
import type { DownloadedFile, LicensingAdapter } from '../adapters/adapter.js';
import { NotSupportedError, toLicensingError, type LicensingError } from '../adapters/errors.js';

/** The installation licence part of the state (second seed). */
export type InstallationState =
  | { readonly status: 'idle' | 'loading' | 'unsupported' }
  | { readonly status: 'ready'; readonly licence: InstallationLicense }
  | { readonly status: 'error'; readonly error: LicensingError };

/** What the adapter offers beyond the required methods. */
export interface InstallationCapabilities {
  readonly installationLicense: boolean;
  readonly applyLicenseKey: boolean;
  readonly downloadLicenseLog: boolean;
}

/**
 * The installation licence behind `LicensingStore.loadInstallation`, `applyLicenseKey`,
 * `downloadLicenseLog` and `capabilities`: the store composes one and delegates to it.
 */
export interface InstallationPart {
  /** Loads the installation licence once (shared like the snapshot's load); `force` loads again. */
  load(options?: { force?: boolean }): Promise<void>;
  /** Applies a pasted licence key; on success the new licence is the state's. */
  applyLicenseKey(key: string): Promise<InstallationLicense>;
  /** Fetches the licence log file. */
  downloadLicenseLog(): Promise<DownloadedFile>;
}

/** An optional adapter method's answer: NotSupportedError without it, its typed error on failure. */
async function optional<T>(call: (() => Promise<T>) | undefined, missing: string): Promise<T> {
  if (!call) throw new NotSupportedError(missing);
  try {
    return await call();
  } catch (error) {
    throw toLicensingError(error);
  }
}

/** The installation part of a store over `adapter`, reading and writing the state's `installation`. */
export function installationPart(
  adapter: LicensingAdapter,
  get: () => InstallationState,
  set: (installation: InstallationState) => void,
): InstallationPart {
  let loading: Promise<void> | undefined;
  return {
    load({ force = false } = {}) {
      if (!adapter.getInstallationLicense) {
        if (get().status !== 'unsupported') set({ status: 'unsupported' });
        return Promise.resolve();
      }
      if (!force && (loading || get().status === 'ready')) return loading ?? Promise.resolve();
      set({ status: 'loading' });
      return (loading = adapter
        .getInstallationLicense()
        .then(
          (licence) => set({ status: 'ready', licence }),
          (error: unknown) => set({ status: 'error', error: toLicensingError(error) }),
        )
        .finally(() => {
          loading = undefined;
        }));
    },
    async applyLicenseKey(key) {
      const licence = await optional(
        adapter.applyLicenseKey && (() => adapter.applyLicenseKey!(key)),
        'Manual licence update is not available here.',
      );
      set({ status: 'ready', licence });
      return licence;
    },
    downloadLicenseLog: () =>
      optional(
        adapter.downloadLicenseLog && (() => adapter.downloadLicenseLog!()),
        'The licence log file is not available here.',
      ),
  };
}
