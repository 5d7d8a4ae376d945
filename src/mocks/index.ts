// MSW handlers serving the licence-kit REST contract, for Storybook, the demo and tests.
export {
  createLicensingHandlers,
  type LicensingHandlers,
  type LicensingHandlersOptions,
} from './licensing-handlers.js';
