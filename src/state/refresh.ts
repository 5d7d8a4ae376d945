// The store's loads of the snapshot: one at a time, shared by every widget that asks; a forced one
// aborts the one running, whose answer is then ignored; a save's answer drops a load still running
// (it would bring the older state back). What a load leaves (the snapshot taken, or a failure that
// keeps the data shown, with the time it is from) is the store's to say (licensing-store.ts).
import type { LicensingAdapter } from '../adapters/adapter.js';
import { isAbortError } from '../adapters/errors.js';
import type { LicensingSnapshot } from '../core/index.js';

type Answer = LicensingSnapshot | undefined;

/** The loads of one store over `adapter`. */
export class Loads {
  private running: { promise: Promise<Answer>; controller: AbortController } | undefined;
  private seq = 0;

  constructor(private readonly adapter: LicensingAdapter) {}

  /** The load running, if one is. */
  get current(): Promise<Answer> | undefined {
    return this.running?.promise;
  }

  /**
   * Starts a load, aborting one still running. Only the newest load's answer reaches `loaded` or
   * `failed` (an abort reaches neither); an older one resolves to `shown()`, what is shown then.
   */
  start(
    loaded: (snapshot: LicensingSnapshot) => Promise<Answer>,
    failed: (error: unknown) => Answer,
    shown: () => Answer,
  ): Promise<Answer> {
    this.drop();
    const controller = new AbortController();
    const seq = this.seq;
    const newest = () => {
      if (seq !== this.seq) return false;
      this.running = undefined;
      return true;
    };
    const promise = this.adapter.load({ signal: controller.signal }).then(
      (snapshot) => (newest() ? loaded(snapshot) : shown()),
      (error: unknown) => (!isAbortError(error) && newest() ? failed(error) : shown()),
    );
    this.running = { promise, controller };
    return promise;
  }

  /** Drops the load running, if any: its answer is ignored. */
  drop(): void {
    this.seq++;
    this.running?.controller.abort();
    this.running = undefined;
  }
}
