export { MemoryAdapter, type MemoryAdapterOptions } from './memory-adapter.js';
export { createDemoSeed, generateAgents, demoCatalog, countHolders, type MemorySeed } from './demo-data.js';
export { makeLicenseKey, readLicenseKey, type LicenseKeyFields } from './license-key.js';
