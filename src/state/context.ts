import { createContext } from '@lit/context';
import type { LicensingStore } from './licensing-store.js';

/** The context `<licence-provider>` provides its store through. */
export const licensingContext = createContext<LicensingStore | undefined>(Symbol('licence-kit.store'));
