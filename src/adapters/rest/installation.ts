// The installation licence of the REST contract (docs/openapi.yaml): `GET /license`,
// `PUT /license/key` and `GET /license/log`. Kept apart from rest-adapter.ts, which keeps the
// transport (retries, timeout, errors) and hands these three methods the exchange to run them on;
// the adapter leaves them out altogether with `installationLicense: false`.
import type { InstallationLicense } from '../../core/index.js';
import type { DownloadedFile, RequestOptions } from '../adapter.js';
import { decodeInstallationLicense } from '../decode/bodies.js';
import { parseContentDispositionFilename } from './headers.js';
import type { RetryPolicy } from './retry.js';

/** One call these methods make. */
export interface InstallationCall {
  readonly method: 'GET' | 'PUT';
  readonly path: string;
  readonly body?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly retry: RetryPolicy;
  readonly read: 'text' | 'blob';
  readonly signal: AbortSignal | undefined;
}

/** What the adapter lends them: its exchange, and the error of an answer that cannot be read. */
export interface InstallationTransport {
  /** Sends `call` and decodes its JSON answer with `decode`. */
  readonly send: <T>(call: InstallationCall, decode: (body: unknown) => T) => Promise<T>;
  /** Sends `call` (a blob read) and resolves with the 2xx answer's headers and body. */
  readonly file: (call: InstallationCall) => Promise<{ headers: Headers; blob: Blob }>;
  readonly badResponse: (call: InstallationCall, what: string) => Error;
}

/** The three optional methods of `LicensingAdapter` for the installation licence. */
export interface InstallationMethods {
  getInstallationLicense(options?: RequestOptions): Promise<InstallationLicense>;
  applyLicenseKey(key: string, options?: RequestOptions): Promise<InstallationLicense>;
  downloadLicenseLog(options?: RequestOptions): Promise<DownloadedFile>;
}

export function restInstallation({ send, file, badResponse }: InstallationTransport): InstallationMethods {
  return {
    getInstallationLicense: (options = {}) =>
      send(
        { method: 'GET', path: '/license', retry: 'read', read: 'text', signal: options.signal },
        decodeInstallationLicense,
      ),

    applyLicenseKey: (key, options = {}) =>
      send(
        {
          method: 'PUT',
          path: '/license/key',
          body: JSON.stringify({ key }),
          headers: { 'Content-Type': 'application/json' },
          // Not retried: a lost answer is shown, and the user still has the key in the field to apply.
          retry: 'never',
          read: 'text',
          signal: options.signal,
        },
        decodeInstallationLicense,
      ),

    downloadLicenseLog: async (options = {}) => {
      const call: InstallationCall = {
        method: 'GET',
        path: '/license/log',
        retry: 'read',
        read: 'blob',
        signal: options.signal,
      };
      const answer = await file(call);
      const type = answer.headers.get('Content-Type') ?? '';
      // A dev server or proxy that falls back to the app's index.html answers 200 with a page: saving
      // that as the log would hand the user a file that is not one.
      if (/^\s*text\/html\b/i.test(type)) throw badResponse(call, 'the log file is an HTML page, not a log');
      return {
        filename: parseContentDispositionFilename(answer.headers.get('Content-Disposition')) ?? 'license.log',
        blob: answer.blob,
      };
    },
  };
}
