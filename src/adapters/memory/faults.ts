// The memory adapter's rehearsal kit: the latency every call waits and the failures queued with
// `failNext`, each thrown shaped like a real backend's error. Kept apart from memory-adapter.ts
// because it is about how the adapter answers (stories, tests, the demo), not what it holds: the
// MSW handlers drive the same queue, so one `failNext` rehearses both the embedded and HTTP paths.
import type { AdapterMethod, AssignmentMethod, Failure, RequestMethod } from '../adapter.js';
import {
  BadResponseError,
  ConflictError,
  type LicensingError,
  NetworkError,
  PermissionError,
  ServerError,
  TimeoutError,
  ValidationError,
} from '../errors.js';

/** Failures queued per method, used up one per call. */
export class FaultQueue {
  private readonly pending = new Map<AdapterMethod | RequestMethod | AssignmentMethod, Failure[]>();

  /** Queues `failure` for the next `times` calls of `method`. */
  add(method: AdapterMethod | RequestMethod | AssignmentMethod, failure: Failure, times: number): void {
    const queue = this.pending.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(failure);
    this.pending.set(method, queue);
  }

  /** Forgets every queued failure. */
  clear(): void {
    this.pending.clear();
  }

  /**
   * Waits `latency` ms (abortable through `signal`), then throws the next failure queued for
   * `method`, if any; `currentVersion` names the version a simulated conflict reports.
   */
  async enter(
    method: AdapterMethod | RequestMethod | AssignmentMethod,
    signal: AbortSignal | undefined,
    latency: number,
    currentVersion: () => string,
  ): Promise<void> {
    signal?.throwIfAborted();
    if (latency > 0) await wait(latency, signal);
    const failure = this.pending.get(method)?.shift();
    if (failure) throw simulated(failure, currentVersion());
  }
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** An injected failure, shaped like a real one (a conflict names the current version). */
function simulated(failure: Failure, currentVersion: string): LicensingError {
  switch (failure) {
    case 'network':
      return new NetworkError();
    case 'server':
      return new ServerError();
    case 'unavailable':
      return new ServerError('The licensing service is temporarily unavailable.', { status: 503 });
    case 'rate-limited':
      return new ServerError('Too many requests to the licensing service.', { status: 429 });
    case 'timeout':
      return new TimeoutError();
    case 'forbidden':
      return new PermissionError();
    case 'conflict':
      return new ConflictError(undefined, { currentVersion });
    case 'validation':
      return new ValidationError(undefined, { detail: 'Refused by a simulated failure.' });
    case 'malformed':
      return new BadResponseError();
  }
}
