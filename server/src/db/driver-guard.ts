// A guard for a known defect of postgres.js 3.4.x (porsager/postgres#1066, #1154, #1208; fixes
// proposed upstream in #1168, #1176, #1209, not released): when PostgreSQL goes away while a small
// write is queued behind setImmediate, the driver calls `socket.write` on a socket it has already
// set to null. That TypeError is thrown from the timer, outside any query, so it would end the
// process — a lost database must be a 503, not a crash. The connection it happened on also keeps
// a stale write timer and would never flush again, so the pools are replaced when it happens.

const pools = new Set<() => void>();
let installed = false;

/** The driver's write to a closed socket, and nothing else. */
export function isClosedSocketWrite(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    /reading 'write'/.test(error.message) &&
    /nextWrite/.test(error.stack ?? '') &&
    /postgres[\\/]src[\\/]connection\.js/.test(error.stack ?? '')
  );
}

/**
 * Registers `replacePool`, run when the defect strikes; answers the function that unregisters it.
 * The first call installs the process-wide handler.
 */
export function guardDriver(replacePool: () => void): () => void {
  pools.add(replacePool);
  if (!installed) {
    installed = true;
    process.on('uncaughtException', (error) => {
      if (isClosedSocketWrite(error)) {
        console.warn('postgres.js wrote to a closed connection (porsager/postgres#1154): replacing the pool');
        for (const replace of pools) replace();
        return;
      }
      // Another handler (a test runner's) takes it; else, as Node would: report and exit.
      if (process.listenerCount('uncaughtException') > 1) return;
      console.error(error);
      process.exit(1);
    });
  }
  return () => pools.delete(replacePool);
}
