// What the demo panel's states and failure switches do on each data source. The memory and MSW
// modes share one MemoryAdapter that keeps its data in localStorage: a state is written there, as
// another tab would, and the page's adapter takes it on its next load. The reference server has
// dev-only routes for the same (server/src/dev/demo-controls.ts, on with --demo-controls, which
// `npm start` passes; docs/demo-controls.md).

import { MemoryAdapter } from '../src/adapters/memory/index.js';
import { SavedState } from '../src/adapters/memory/storage.js';
import type { InstallationLicense, LicensingSnapshot } from '../src/core/index.js';
import { licenceInState, prerequisitesIn, type LicenceState, type PrerequisiteState } from './states.js';

/** The panel's controls over one data source; each resolves once the data source holds the change. */
export interface PanelControls {
  licence(state: LicenceState): Promise<void>;
  prerequisites(state: PrerequisiteState): Promise<void>;
  /** The next load of the snapshot, or the next save, fails with a server error (500). */
  failNext(operation: 'load' | 'commit'): Promise<void>;
  /** Back to the demo data. */
  reset(): Promise<void>;
}

/** `v7` → `v8`: a changed snapshot has a new version, so the adapter takes it as changed. */
const nextVersion = (version: string) => version.replace(/\d*$/, (n) => String(Number(n || 0) + 1));

/** The controls of the memory adapter `backend`, which keeps its data under `storageKey`. */
export function memoryControls(backend: MemoryAdapter, storageKey: string): PanelControls {
  /** What is stored now, read by an adapter of its own (so no failure queued on `backend` is used). */
  async function stored(): Promise<{ snapshot: LicensingSnapshot; licence: InstallationLicense }> {
    const reader = new MemoryAdapter(undefined, { storageKey });
    return { snapshot: await reader.load(), licence: await reader.getInstallationLicense!() };
  }
  function store(snapshot: LicensingSnapshot, installationLicense: InstallationLicense): void {
    const catalog = snapshot.catalog.map((type) => type.id);
    new SavedState(storageKey, localStorage, catalog).store({ snapshot, installationLicense });
  }
  return {
    async licence(state) {
      const { snapshot, licence } = await stored();
      store(snapshot, licenceInState(licence, state, new Date()));
    },
    async prerequisites(state) {
      const { snapshot, licence } = await stored();
      const { prerequisites, speechToTextOn } = prerequisitesIn(state);
      const next: LicensingSnapshot = {
        ...snapshot,
        version: nextVersion(snapshot.version),
        prerequisites,
        ...(snapshot.speechToText
          ? { speechToText: { ...snapshot.speechToText, enabled: speechToTextOn } }
          : {}),
      };
      store(next, licence);
    },
    async failNext(operation) {
      backend.failNext(operation, 'server');
    },
    async reset() {
      backend.reset();
    },
  };
}

/** The reference server's demo controls, called as the user of `token()`. */
export function serverControls(token: () => string): PanelControls {
  async function post(path: string, body?: object): Promise<void> {
    const response = await fetch(`/api/dev/${path}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token()}`,
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (response.status === 404) {
      throw new Error(
        'The reference backend has no demo controls: start it with --demo-controls (npm start does).',
      );
    }
    if (!response.ok) {
      const problem = (await response.json().catch(() => ({}))) as { detail?: string };
      throw new Error(problem.detail ?? `The demo control answered ${response.status}.`);
    }
  }
  return {
    licence: (state) => post('license-state', { state }),
    prerequisites: (state) => post('prerequisites', { state }),
    failNext: (operation) => post('fail-next', { operation }),
    reset: () => post('reset'),
  };
}
