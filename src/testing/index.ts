// licence-kit/testing: what an integrator needs to test an adapter or a host page.
export { describeAdapterConformance, type ConformanceOptions, type SuiteFunctions } from './conformance.js';
export type { RequestPair } from './requests-conformance.js';
