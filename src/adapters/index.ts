export type {
  AdapterMethod,
  CommitOptions,
  DownloadedFile,
  Failure,
  LicensingAdapter,
  RequestOptions,
} from './adapter.js';
export * from './errors.js';
export type { AssignOptions, AssignmentMethod, AssignmentResult } from './adapter.js';
export { AssignmentError } from './assignment-error.js';
