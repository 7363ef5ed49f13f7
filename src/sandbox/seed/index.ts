/** Deterministic demo data for the sandbox. */
export { generateSeedBatches, generateSeedData } from './generateSeedData';
export { baseSeedCounts, seedLayout, type SeedCounts, type SeedLayout, type SeedOptions } from './layout';
export { SEED_EPOCH } from './storedRecords';
export { hostileCustomerNames } from './vocabulary';
