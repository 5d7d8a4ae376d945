// The options of RestAdapter (its public types: `RestAdapterOptions`, `RestHeaders`,
// `RestRequestInfo`), re-exported from rest-adapter.ts. Kept apart because they are the adapter's
// documented surface for integrators, read on their own, while rest-adapter.ts is how it works.
import type { LiveUpdatesFactory } from './events.js';

/** Extra request headers, e.g. `{ Authorization: 'Bearer …' }`. */
export type RestHeaders = Readonly<Record<string, string>>;

/** What a `headers` function is told about the request it adds headers to. */
export interface RestRequestInfo {
  /** `GET`, `POST` or `PUT`. */
  readonly method: string;
  /** The full URL, base URL included. */
  readonly url: string;
}

/** Options of `RestAdapter`. Only `baseUrl` is required. */
export interface RestAdapterOptions {
  /**
   * Where the contract's paths start, without a trailing slash: `'/api'` (same origin) or
   * `'https://billing.example.com/v1'`. `GET {baseUrl}/licensing` loads the snapshot. A cross-origin
   * server must send CORS headers and expose `ETag`, `Retry-After` and `Content-Disposition`
   * (`Access-Control-Expose-Headers`).
   */
  baseUrl: string;
  /**
   * Headers sent with every request (auth). A function is called before every attempt, retries
   * included, so it can return a freshly refreshed token; it may be async. A rejection of the
   * function rejects the call with the same error.
   */
  headers?: RestHeaders | ((request: RestRequestInfo) => RestHeaders | Promise<RestHeaders>);
  /**
   * The `fetch` to use: a wrapper that adds tracing, a test double, a polyfill. Defaults to the
   * global `fetch`, looked up at each request (so a fetch patched later, as mocking tools do, is
   * used).
   */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /**
   * `fetch`'s `credentials`; set `'include'` for cookie auth against another origin. Default: the
   * browser's (`'same-origin'`).
   */
  credentials?: RequestCredentials;
  /**
   * Milliseconds one attempt may take, answer body included, before it is given up with a
   * `TimeoutError`. Default 15000. Each retry gets the full time again.
   */
  timeout?: number;
  /**
   * How many times a GET is sent again after a network error or an HTTP 429, 502, 503 or 504.
   * Default 2 (three attempts in all). 0 turns retries off.
   */
  retries?: number;
  /**
   * How many times a commit is sent again after a network error, a timeout or an HTTP 429 or 503:
   * the same body with the same `Idempotency-Key`, so a server that already applied it answers with
   * the first result instead of applying it twice. (A 429 or 503 says the request was not taken on;
   * with the same key a retry is safe even if it was.) Default 1.
   */
  commitRetries?: number;
  /**
   * Base of the exponential backoff between attempts, in milliseconds: about `retryDelay × 2^n`
   * before retry n (from 0), with random jitter so many clients do not retry in step. Default 300.
   * A `Retry-After` header on the answer replaces it.
   */
  retryDelay?: number;
  /** Longest wait before a retry, in milliseconds, `Retry-After` included. Default 10000. */
  maxRetryDelay?: number;
  /**
   * Whether the server offers the installation-licence endpoints (`/license`, `/license/key`,
   * `/license/log`). Default true. With `false` the adapter leaves out `getInstallationLicense`,
   * `applyLicenseKey` and `downloadLicenseLog`, and the widgets say that part is not available.
   */
  installationLicense?: boolean;
  /**
   * Live updates from `GET /licensing/events` (Server-Sent Events): pass `liveUpdates` from
   * `licence-kit/rest-adapter.js` and `subscribe` follows them. Without it, no `subscribe` (and a
   * page that does not want them ships none of their code).
   */
  liveUpdates?: LiveUpdatesFactory;
  /**
   * Whether the server offers `POST /licensing/assignments` (R12). Default true; a server without
   * it (404, 501) makes `assign` / `unassign` reject with `NotSupportedError`. With `false` the
   * adapter leaves them out, and the usage overview stays read-only.
   */
  assignment?: boolean;
}
