// licence-kit's REST adapter: the LicensingAdapter for a backend serving docs/openapi.yaml.
export {
  RestAdapter,
  type RestAdapterOptions,
  type RestHeaders,
  type RestRequestInfo,
} from './rest-adapter.js';
export { liveUpdates, type LiveUpdatesFactory, type LiveAdapter, type RestStreamSource } from './events.js';
export { parseContentDispositionFilename, parseEtag, parseRetryAfter } from './headers.js';
export { DecodeError } from '../decode/fields.js';
export { decodeInstallationLicense, decodeLicensingSnapshot, decodeUsagePage } from '../decode/bodies.js';
export { decodeChangeSet } from './decode-changes.js';
export { decodeProblem, type Problem } from './problem.js';
