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

/** What the installation part reads and writes of the store it is part of. */
export interface InstallationHost {
  readonly adapter: LicensingAdapter;
  getInstallation(): InstallationState;
  setInstallation(installation: InstallationState): void;
}

/**
 * The installation licence behind `LicensingStore.loadInstallation`, `applyLicenseKey`,
 * `downloadLicenseLog` and `capabilities`: the store composes one and delegates to it.
 */
export class InstallationLicensing {
  private loading: Promise<void> | undefined;

  constructor(private readonly host: InstallationHost) {}

  /** What the adapter offers beyond the required methods. */
  get capabilities() {
    const { adapter } = this.host;
    return {
      installationLicense: typeof adapter.getInstallationLicense === 'function',
      applyLicenseKey: typeof adapter.applyLicenseKey === 'function',
      downloadLicenseLog: typeof adapter.downloadLicenseLog === 'function',
    };
  }

  /** Loads the installation licence once (shared like the snapshot's load); `force` loads again. */
  load({ force = false }: { force?: boolean } = {}): Promise<void> {
    const { host } = this;
    const get = host.adapter.getInstallationLicense?.bind(host.adapter);
    if (!get) {
      if (host.getInstallation().status !== 'unsupported') host.setInstallation({ status: 'unsupported' });
      return Promise.resolve();
    }
    if (!force && (this.loading || host.getInstallation().status === 'ready')) {
      return this.loading ?? Promise.resolve();
    }
    host.setInstallation({ status: 'loading' });
    const promise = get().then(
      (licence) => host.setInstallation({ status: 'ready', licence }),
      (error: unknown) => host.setInstallation({ status: 'error', error: toLicensingError(error) }),
    );
    this.loading = promise.finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  /** Applies a pasted licence key; on success the new licence is the state's. */
  async applyLicenseKey(key: string): Promise<InstallationLicense> {
    const { host } = this;
    const apply = host.adapter.applyLicenseKey?.bind(host.adapter);
    if (!apply) throw new NotSupportedError('Manual licence update is not available here.');
    try {
      const licence = await apply(key);
      host.setInstallation({ status: 'ready', licence });
      return licence;
    } catch (error) {
      throw toLicensingError(error);
    }
  }

  /** Fetches the licence log file. */
  async downloadLicenseLog(): Promise<DownloadedFile> {
    const { adapter } = this.host;
    const download = adapter.downloadLicenseLog?.bind(adapter);
    if (!download) throw new NotSupportedError('The licence log file is not available here.');
    try {
      return await download();
    } catch (error) {
      throw toLicensingError(error);
    }
  }
}
