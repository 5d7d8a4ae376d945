// The options of `MemoryAdapter` (memory-adapter.ts), in a module of their own so that the adapter
// stays a file one can hold.
import type { StorageLike } from './storage.js';

export interface MemoryAdapterOptions {
  /** Milliseconds every call waits before answering, to show loading states. Default 0. */
  latency?: number;
  /**
   * Keep committed changes in `localStorage` under this key, so they survive a reload. Agents come
   * from the seed; the licences assignments changed are stored with the snapshot. Tabs on the same storage share it as one backend: each
   * commit re-reads storage first (a commit made against a version another tab replaced is a
   * `ConflictError`), and `subscribe` listeners get another tab's changes (`storage` events). A
   * commit or licence key that storage refuses (full, private mode) is not applied and rejects with
   * a `StorageError`, so nothing reports "saved" that a reload would lose. Stored data of another
   * or a broken shape is checked like a backend's answer and ignored, with a console warning, for
   * the seed.
   */
  storageKey?: string;
  /** Storage to use with `storageKey`; `localStorage` by default. */
  storage?: StorageLike;
  /** The clock, for the log file's name and contents, the time of each commit in the history and the requests' times. */
  now?: () => Date;
  /**
   * The signed-in user's name: who commits, as the history names them, and who sends and decides
   * requests. Default `Demo admin`.
   */
  user?: string;
  /**
   * The signed-in user's id: a `view` user's own requests are theirs by it, never by the name two
   * users may share. Default: `user` (so one demo user keeps their requests across permissions).
   */
  userId?: string;
  /** `false`: no `assign` / `unassign` (R12), as an adapter that does not offer them. Default `true`. */
  assignment?: boolean;
}
