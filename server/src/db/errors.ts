// What a failed database call means for the caller, in one place: the database cannot be reached
// (→ 503 with Retry-After: try again soon, nothing was applied or the key's retry finds it), or a
// statement outlasted `statement_timeout` (→ 504). Anything else is a fault of the server (→ 500).

/** How a database failure is answered; `undefined` when the error is not the database's. */
export type DatabaseFault = 'unavailable' | 'timeout';

/** Node's socket errors and postgres.js's own codes for a connection that failed or was lost. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
  // db/database.ts: a query still pending past the statement timeout and a margin.
  'DATABASE_NO_ANSWER',
]);

/**
 * SQLSTATEs of a server that is going away or not there yet: class 08 (connection exception),
 * 57P01–57P03 (admin or crash shutdown, cannot connect now), 53300 (too many connections).
 */
function unavailableState(code: string): boolean {
  return (
    code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300'
  );
}

/** 57014 query_canceled: PostgreSQL cancelled a statement that outlasted `statement_timeout`. */
const STATEMENT_TIMEOUT = '57014';

function codeOf(error: unknown): string | undefined {
  if (error === null || typeof error !== 'object' || !('code' in error)) return undefined;
  const { code } = error as { code: unknown };
  return typeof code === 'string' ? code : undefined;
}

/** Whether `error` (thrown by a query or transaction) is the database's unavailability or a timeout. */
export function databaseFault(error: unknown, depth = 0): DatabaseFault | undefined {
  const code = codeOf(error);
  if (code === STATEMENT_TIMEOUT) return 'timeout';
  if (code && (CONNECTION_CODES.has(code) || unavailableState(code))) return 'unavailable';
  // PGlite after close() (the process is shutting down) has no code, only this message.
  if (error instanceof Error && error.message === 'PGlite is closed') return 'unavailable';
  // A refused connection may come wrapped (Node's AggregateError of each address tried, a cause).
  if (depth < 3 && error instanceof Error) {
    const inner = [error.cause, ...(error instanceof AggregateError ? error.errors : [])];
    for (const candidate of inner) {
      const fault = candidate === undefined ? undefined : databaseFault(candidate, depth + 1);
      if (fault) return fault;
    }
  }
  return undefined;
}
