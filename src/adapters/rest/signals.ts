// Abort plumbing for one request: the caller's signal and the attempt's timeout combined with the
// platform's AbortSignal.timeout() and AbortSignal.any(), and the two promise helpers that honour
// a signal even where the code they wait on does not (a custom `fetch` that ignores `signal`).

/** The signal one attempt runs under, and how to tell its timeout from the caller's abort. */
export interface AttemptSignal {
  /** Aborts when the caller aborts or `timeout` ms have passed, whichever is first. */
  readonly signal: AbortSignal;
  /** Whether the attempt's own time ran out (its reason is then a `TimeoutError` DOMException). */
  readonly timedOut: () => boolean;
}

/** A signal for one attempt: `caller`'s abort, or a timeout after `timeout` ms. */
export function attemptSignal(caller: AbortSignal | undefined, timeout: number): AttemptSignal {
  const timer = AbortSignal.timeout(timeout);
  return {
    signal: caller ? AbortSignal.any([caller, timer]) : timer,
    timedOut: () => timer.aborted,
  };
}

/** Rejects with `signal.reason` when `signal` aborts first. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Resolves after `ms`; rejects with `signal.reason` at once when `signal` aborts before. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
