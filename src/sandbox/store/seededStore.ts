/**
 * Opens the sandbox's store with its seed data loaded: from the data dir when one is given (the seed is loaded
 * the first time only), else from a snapshot of the same seed when one was saved (snapshots.ts), else by loading
 * the seed and saving the snapshot for the next start.
 */
import type { RecordTypeDefinition, StoredRecord } from '../model/recordTypes';
import { RecordStore, type SuiteQLProjection } from './recordStore';
import { discardSnapshot, readSnapshot, snapshotPlan, writeSnapshot } from './snapshots';

export interface SeededStoreOptions {
  dataDir?: string;
  definitions: RecordTypeDefinition[];
  projection: SuiteQLProjection;
  /** What to load into an empty store; `key` names it (the seed options, or the records themselves). */
  seed: { key: unknown; batches: () => Iterable<StoredRecord[]> };
  /** The snapshot folder; false: never use or save snapshots. */
  snapshots: string | false;
}

export async function openSeededStore(options: SeededStoreOptions): Promise<RecordStore> {
  const { dataDir, definitions, projection } = options;
  const plan = dataDir || options.snapshots === false ? undefined : await snapshotPlan(options.snapshots, options.seed.key);
  const saved = plan ? await readSnapshot(plan) : undefined;
  if (plan && saved) {
    try {
      return await RecordStore.open({ definitions, projection, snapshot: saved });
    } catch {
      await discardSnapshot(plan); // damaged or from an incompatible PGlite: rebuild it below
    }
  }
  const store = await RecordStore.open({ dataDir, definitions, projection, logged: plan !== undefined });
  try {
    if (await store.isEmpty()) await store.load(options.seed.batches());
    // A snapshot that cannot be written (read-only temp folder, full disk) only costs the next start its speed.
    if (plan) await writeSnapshot(plan, await store.snapshot()).catch(() => undefined);
    return store;
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
}
