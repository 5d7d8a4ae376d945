export * from './licensing-store.js';
export { licensingContext } from './context.js';
export {
  LicensingController,
  sharedStoreFor,
  storeFor,
  type LicensingControllerOptions,
  type LicensingHost,
} from './controller.js';
