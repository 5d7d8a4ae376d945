export type {
  AdapterMethod,
  CommitOptions,
  DownloadedFile,
  Failure,
  LicensingAdapter,
  RequestOptions,
} from './adapter.js';
export * from './errors.js';
