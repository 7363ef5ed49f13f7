/**
 * Inventory items and the custom record (project milestones), each a pure function of (seed, index) like the
 * entities. Item descriptions carry inch marks and apostrophes (`12" Steel Bracket`) on purpose.
 */
import type { StoredRecord } from '../model/recordTypes';
import { companyCustomerNear } from './entities';
import type { SeedLayout } from './layout';
import { seedAccountIds, seedClassIds } from './lists';
import { SeededRandom } from './random';
import { DAY_MS, isoDate, ref, SEED_EPOCH, storedRecord } from './storedRecords';
import { productAdjectives, productNouns } from './vocabulary';

export interface ItemProfile {
  id: string;
  /** Selling price in USD. */
  rate: number;
  /** Purchase price in USD. */
  cost: number;
  isInactive: boolean;
}

export function itemProfile(layout: SeedLayout, index: number): { profile: ItemProfile; random: SeededRandom } {
  const random = new SeededRandom(layout.seed, 'inventoryItem', index);
  const rate = random.amount(4, 900);
  const profile: ItemProfile = { id: layout.itemId(index), rate, cost: Math.round(rate * random.amount(0.35, 0.7) * 100) / 100, isInactive: random.chance(0.04) };
  return { profile, random };
}

export function inventoryItemRecord(layout: SeedLayout, index: number): StoredRecord {
  const { profile, random } = itemProfile(layout, index);
  const noun = productNouns[index % productNouns.length];
  const adjective = random.pick(productAdjectives);
  const size = random.integer(1, 24);
  const vendorIndex = index % layout.counts.vendors;
  const created = SEED_EPOCH - random.integer(800, 1500) * DAY_MS;
  return storedRecord(
    'inventoryItem',
    profile.id,
    {
      itemId: `${noun.slice(0, 3).toUpperCase()}-${1000 + index}`,
      displayName: `${adjective} ${noun}`,
      salesDescription: `${size}" ${adjective} ${noun} — the customer's favourite`,
      purchaseDescription: `${noun} (${size} in), vendor part ${random.integer(100000, 999999)}`,
      upcCode: String(random.integer(100000, 999999)) + String(random.integer(100000, 999999)),
      vendorName: `VP-${random.integer(1000, 9999)}`,
      rate: profile.rate,
      cost: profile.cost,
      averageCost: Math.round(profile.cost * random.amount(0.95, 1.05) * 100) / 100,
      quantityOnHand: random.integer(0, 500),
      isTaxable: true,
      incomeAccount: ref(seedAccountIds.income),
      cogsAccount: ref(seedAccountIds.cogs),
      assetAccount: ref(seedAccountIds.inventoryAsset),
      vendor: ref(layout.vendorId(vendorIndex)),
      class: ref(random.pick(seedClassIds)),
      location: ref('1'),
      isInactive: profile.isInactive,
    },
    { created, modified: Math.min(SEED_EPOCH, created + random.integer(0, 700) * DAY_MS) },
    {},
    `ITEM-${1000 + index}`,
  );
}

const phases = ['Kickoff', 'Discovery', 'Design', 'Build', 'Data Migration', 'Training', 'Go-Live', 'Hypercare'];

/** Which customer a milestone belongs to; companies among the first few hundred customers run projects. */
export function milestoneCustomerId(layout: SeedLayout, index: number): string {
  const random = new SeededRandom(layout.seed, 'milestoneCustomer', index);
  return companyCustomerNear(layout, random.integer(0, Math.min(layout.counts.customers, 300) - 1)).id;
}

export function projectMilestoneRecord(layout: SeedLayout, index: number): StoredRecord {
  const random = new SeededRandom(layout.seed, 'customrecord_project_milestone', index);
  const customerId = milestoneCustomerId(layout, index);
  const status = random.integer(1, 4);
  const created = SEED_EPOCH - random.integer(30, 500) * DAY_MS;
  const fields: Record<string, unknown> = {
    name: `${phases[index % phases.length]} — "Phase ${Math.floor(index / phases.length) + 1}"`,
    owner: ref(layout.employeeId(random.integer(0, layout.counts.employees - 1))),
    custrecord_pm_customer: ref(customerId),
    custrecord_pm_status: ref(status),
    custrecord_pm_due_date: isoDate(SEED_EPOCH + random.integer(-120, 240) * DAY_MS),
    custrecord_pm_budget: random.amount(2000, 80000),
    custrecord_pm_percent_complete: status === 3 ? 100 : status === 1 ? 0 : random.integer(5, 95),
    isInactive: false,
  };
  if (random.chance(0.3)) fields.custrecord_pm_notes = "Client's IT asked for a <b>bold</b> cut-over plan & sign-off";
  return storedRecord('customrecord_project_milestone', layout.milestoneId(index), fields, {
    created,
    modified: Math.min(SEED_EPOCH, created + random.integer(0, 200) * DAY_MS),
  });
}
