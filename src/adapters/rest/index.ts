// licence-kit's REST adapter: the LicensingAdapter for a backend serving docs/openapi.yaml.
export {
  RestAdapter,
  parseContentDispositionFilename,
  parseEtag,
  parseRetryAfter,
  type RestAdapterOptions,
  type RestHeaders,
  type RestRequestInfo,
} from './rest-adapter.js';
export {
  DecodeError,
  decodeChangeSet,
  decodeInstallationLicense,
  decodeLicensingSnapshot,
  decodeProblem,
  decodeUsagePage,
  type Problem,
} from './decode.js';
