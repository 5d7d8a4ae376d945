// The installation licence part of the store (R10, docs/rules.md): loading it once, applying a pasted
// key, fetching the log file. Apart from the licensing part (snapshot, draft, commit) because the
// two share nothing but the adapter and the state object the store hands out.
import type { InstallationLicense } from '../core/index.js';
import type { DownloadedFile, LicensingAdapter } from '../adapters/adapter.js';
import type { LicensingError } from '../adapters/errors.js';

/** The installation licence part of the state (R10, docs/rules.md). */
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

/**
 * The typed errors (adapters/errors.ts), handed over by the store: this part is loaded on first
 * use, and importing them here would split them into a chunk of their own for every widget.
 */
export interface InstallationErrors {
  /** Any failure as the typed error the widgets word. */
  toLicensingError(error: unknown): LicensingError;
  /** A `NotSupportedError`: the adapter lacks the optional method. */
  notSupported(message: string): LicensingError;
}

/** The installation part of a store over `adapter`, reading and writing the state's `installation`. */
export function installationPart(
  adapter: LicensingAdapter,
  get: () => InstallationState,
  set: (installation: InstallationState) => void,
  { toLicensingError, notSupported }: InstallationErrors,
): InstallationPart {
  let loading: Promise<void> | undefined;
  /** An optional adapter method's answer: NotSupportedError without it, its typed error on failure. */
  const optional = async <T>(call: (() => Promise<T>) | undefined, missing: string): Promise<T> => {
    if (!call) throw notSupported(missing);
    try {
      return await call();
    } catch (error) {
      throw toLicensingError(error);
    }
  };
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
