// The store's parts that load on first use, each its own chunk, so a page that never saves or
// assigns does not ship them (change requests load through their facade, requests.ts). In an
// object, so a test can make one fail to load as a chunk a deploy replaced does, and see the store
// end that as a failure it can retry.
import { toLicensingError } from '../adapters/errors.js';
import type { AssignmentOutcome, StoreAssignments } from './assignment.js';
import type { CommitHost } from './commit.js';

export const parts = {
  save: () => import('./save.js'),
  assignment: () => import('./assignment.js'),
  carryOver: () => import('./carry-over.js'),
};

/** How long a load waits for the save's code under way (see `load` in licensing-store.ts). */
export const SAVE_AHEAD_MS = 1000;

/** A part loaded once, on first use or ahead of it; a load that fails is asked for again next time. */
export class Lazy<T> {
  /** The part, once loaded. */
  code: T | undefined;
  /** Its load, while one runs or once it succeeded. */
  loading: Promise<T> | undefined;

  constructor(private readonly load: () => Promise<T>) {}

  /** The part, loaded now if need be; rejects when its chunk does not load. */
  get(): Promise<T> {
    return (this.loading ??= this.load().then(
      (code) => (this.code = code),
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    ));
  }

  /** Once a load under way ends, or after `ms` at most (a stalled chunk holds no one); never rejects. */
  settled(ms = SAVE_AHEAD_MS): Promise<unknown> {
    return Promise.race([this.loading, new Promise((resolve) => setTimeout(resolve, ms))]).catch(
      () => undefined,
    );
  }
}

/** The save (save.ts): loaded on the first save, or ahead of it once a widget gives the store rules. */
export const savePart = new Lazy(() => parts.save());

/**
 * The store's assignments (assignment.ts), its part loaded on the first; each runs after those asked
 * before. Code that does not load ends the assignment as `failed` (a network error), and is asked
 * for again by the next one.
 */
export function assignments(
  host: () => CommitHost,
): (...call: Parameters<StoreAssignments['run']>) => Promise<AssignmentOutcome> {
  const part = new Lazy(() =>
    parts.assignment().then(({ StoreAssignments }) => new StoreAssignments(host())),
  );
  const failed = (error: unknown): AssignmentOutcome => ({
    ok: false,
    reason: 'failed',
    error: toLicensingError(error),
  });
  // Whatever rejects on the way (its code, a reload after it) ends it as failed, never as a rejection.
  return (...call) => part.get().then((assignments) => assignments.run(...call).catch(failed), failed);
}
