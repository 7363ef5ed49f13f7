/**
 * The demo account's data, deterministic for a seed: setup lists, then entities, items, the custom record and
 * transactions — the order a store must load them in (a record only points at records loaded before it, except
 * customers → their current milestone, which itself names its customer).
 *
 * `generateSeedBatches` yields batches so a 150,000-customer account (`scale: 500`) streams into the store
 * without holding every record at once; each record costs O(1), whatever the scale.
 */
import type { StoredRecord } from '../model/recordTypes';
import { contactRecord, customerRecord, employeeRecord, vendorRecord } from './entities';
import { inventoryItemRecord, milestoneCustomerId, projectMilestoneRecord } from './items';
import { seedLayout, type SeedOptions } from './layout';
import { seedListRecords } from './lists';
import { planTransactions } from './transactions';

export function* generateSeedBatches(options: SeedOptions = {}): Generator<StoredRecord[]> {
  const layout = seedLayout(options);
  const batchSize = Math.max(1, Math.trunc(options.batchSize ?? 5000));
  const { counts } = layout;
  const transactions = planTransactions(layout);
  const currentMilestone = new Map<string, string>();
  for (let index = 0; index < counts.projectMilestones; index++) currentMilestone.set(milestoneCustomerId(layout, index), layout.milestoneId(index));

  let batch: StoredRecord[] = [];
  function* emit(record: StoredRecord): Generator<StoredRecord[]> {
    batch.push(record);
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  const many = function* (count: number, build: (index: number) => StoredRecord) {
    for (let index = 0; index < count; index++) yield* emit(build(index));
  };

  for (const record of seedListRecords()) yield* emit(record);
  yield* many(counts.employees, (index) => employeeRecord(layout, index));
  yield* many(counts.customers, (index) => {
    const id = layout.customerId(index);
    return customerRecord(layout, index, transactions.customerTotals.get(id), currentMilestone.get(id));
  });
  yield* many(counts.contacts, (index) => contactRecord(layout, index));
  yield* many(counts.vendors, (index) => vendorRecord(layout, index, transactions.vendorBalances.get(layout.vendorId(index)) ?? 0));
  yield* many(counts.inventoryItems, (index) => inventoryItemRecord(layout, index));
  yield* many(counts.projectMilestones, (index) => projectMilestoneRecord(layout, index));
  for (const record of transactions.records) yield* emit(record);
  if (batch.length > 0) yield batch;
}

/** All seed records at once, in load order. */
export function generateSeedData(options: SeedOptions = {}): StoredRecord[] {
  const records: StoredRecord[] = [];
  for (const batch of generateSeedBatches(options)) records.push(...batch);
  return records;
}
