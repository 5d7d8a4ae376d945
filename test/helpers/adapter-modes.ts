// The adapter modes of the demo a behaviour must hold in: the memory adapter in the page, and the
// REST adapter over MSW's worker (the contract's handlers, backed by a memory adapter). A test that
// loops over `adapterModes` drives one widget through both.
import { waitUntil } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import type { LicensingAdapter } from '../../src/adapters/adapter.js';
import { MemoryAdapter, type MemorySeed } from '../../src/adapters/memory/index.js';
import { RestAdapter } from '../../src/adapters/rest/index.js';
import { createLicensingHandlers } from '../../src/mocks/index.js';
import { sharedStoreFor } from '../../src/state/controller.js';
import { settle } from './settle.js';

export type AdapterMode = 'memory' | 'rest over MSW';
export const adapterModes: readonly AdapterMode[] = ['memory', 'rest over MSW'];

let worker: ReturnType<typeof setupWorker> | undefined;
let served = 0;

/**
 * A fresh adapter of `mode` on `seed`: the memory adapter itself, or a REST adapter on a base URL
 * of its own, served by MSW from a memory adapter on `seed` (one worker for the whole test file).
 */
export async function adapterFor(mode: AdapterMode, seed: MemorySeed): Promise<LicensingAdapter> {
  return adapterOver(mode, new MemoryAdapter(seed));
}

/** `backend` itself, or a REST adapter served by MSW from `backend` (a test that set it up first). */
export async function adapterOver(mode: AdapterMode, backend: MemoryAdapter): Promise<LicensingAdapter> {
  if (mode === 'memory') return backend;
  const baseUrl = `/rest-${++served}`;
  const { handlers } = createLicensingHandlers({ backend, baseUrl });
  if (worker) worker.use(...handlers);
  else {
    worker = setupWorker(...handlers);
    await worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
  }
  return new RestAdapter({ baseUrl });
}

/** Waits until the store behind `adapter` has its snapshot and `el` has rendered it. */
export async function loaded(el: Element, adapter: LicensingAdapter): Promise<void> {
  await waitUntil(() => sharedStoreFor(adapter).state.status === 'ready', 'the snapshot', {
    timeout: 5000,
  });
  await settle(el);
}
