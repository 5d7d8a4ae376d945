// Helpers every story file shares: adapters seeded for each state, so a designer can see it.
import type { Failure } from '../src/adapters/adapter.js';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import { createDemoSeed, type MemorySeed } from '../src/adapters/memory/demo-data.js';
import type { LicensingSnapshot } from '../src/core/index.js';

export interface StoryData {
  permission?: LicensingSnapshot['permission'];
  /** Milliseconds every call waits; very large shows the loading state. */
  latency?: number;
  /** Fail the first load. */
  failLoad?: Failure;
  /** Change the demo snapshot. */
  snapshot?: (snapshot: LicensingSnapshot) => LicensingSnapshot;
  /** Change the whole seed. */
  seed?: (seed: MemorySeed) => MemorySeed;
  /**
   * Serve the snapshot as it is, without the decoder's checks: what an integrator's own adapter
   * may send, for the states the decoders refuse (a retention above the plan's maximum).
   */
  undecoded?: boolean;
}

/** The permission chosen in Storybook's toolbar; `undefined` follows the story. */
let toolbarPermission: LicensingSnapshot['permission'] | undefined;

/** Called by the preview's decorator before each story renders (toolbar "Permission"). */
export function setToolbarPermission(permission: string | undefined): void {
  toolbarPermission =
    permission === 'none' || permission === 'view' || permission === 'update' ? permission : undefined;
}

/** The toolbar's permission when one is chosen, else the story's own. */
export function storyPermission(
  permission: LicensingSnapshot['permission'] | undefined,
): LicensingSnapshot['permission'] | undefined {
  return toolbarPermission ?? permission;
}

/** A fresh memory adapter on the demo data for one story. */
export function storyAdapter({
  permission,
  latency,
  failLoad,
  snapshot,
  seed,
  undecoded,
}: StoryData = {}): MemoryAdapter {
  let data = createDemoSeed({ now: new Date('2026-11-23T10:00:00Z') });
  if (seed) data = seed(data);
  let snap = data.snapshot;
  if (snapshot) snap = snapshot(snap);
  const chosen = storyPermission(permission);
  if (chosen) snap = { ...snap, permission: chosen };
  const served = snap;
  const adapter = undecoded
    ? new (class extends MemoryAdapter {
        override load() {
          return Promise.resolve(served);
        }
      })(data, { latency: latency ?? 0 })
    : new MemoryAdapter({ ...data, snapshot: snap }, { latency: latency ?? 0 });
  if (failLoad) adapter.failNext('load', failLoad);
  return adapter;
}

/** The day the stories' demo data is made for (and the day "this month's pace" is measured to). */
export const STORY_NOW = new Date('2026-11-23T10:00:00Z');

/** The loading state: an answer that does not come while someone looks. */
export const FOREVER = 1e9;
