/**
 * How many records of each kind the seed makes and which internal id each gets. Ids follow NetSuite's id spaces:
 * all entities share one (the SuiteQL `entity` table unions them), all transactions another (`transaction`), all
 * items a third (`item`); lists and the custom record number their own. Knowing every id up front lets any record
 * refer to any other by index, without generating it first.
 */

export interface SeedOptions {
  /** Same seed → identical data. Default 1. */
  seed?: number;
  /** Multiplies customers and contacts (the tables big exports page through): 500 → 150,000 customers. Default 1. */
  scale?: number;
  /** Multiplies sales orders, invoices and vendor bills. Default 1. */
  transactionScale?: number;
  /** Records per batch from `generateSeedBatches`. Default 5,000. */
  batchSize?: number;
}

export interface SeedCounts {
  employees: number;
  vendors: number;
  customers: number;
  contacts: number;
  inventoryItems: number;
  projectMilestones: number;
  salesOrders: number;
  invoices: number;
  vendorBills: number;
}

export const baseSeedCounts: SeedCounts = {
  employees: 15,
  vendors: 40,
  customers: 300,
  contacts: 60,
  inventoryItems: 80,
  projectMilestones: 30,
  salesOrders: 400,
  invoices: 300,
  vendorBills: 150,
};

export interface SeedLayout {
  seed: number;
  counts: SeedCounts;
  employeeId(index: number): string;
  vendorId(index: number): string;
  customerId(index: number): string;
  contactId(index: number): string;
  itemId(index: number): string;
  milestoneId(index: number): string;
  salesOrderId(index: number): string;
  invoiceId(index: number): string;
  vendorBillId(index: number): string;
  /** Address-book line keys are unique account-wide, like NetSuite's address internal ids. */
  addressId(entityId: string, line: number): string;
}

function positiveNumber(value: number | undefined, fallback: number, name: string): number {
  const chosen = value ?? fallback;
  if (!Number.isFinite(chosen) || chosen <= 0) throw new Error(`Seed option '${name}' must be a positive number, got ${value}.`);
  return chosen;
}

export function seedLayout(options: SeedOptions = {}): SeedLayout {
  const seed = Math.trunc(options.seed ?? 1);
  const scale = positiveNumber(options.scale, 1, 'scale');
  const transactionScale = positiveNumber(options.transactionScale, 1, 'transactionScale');
  const counts: SeedCounts = {
    ...baseSeedCounts,
    customers: Math.round(baseSeedCounts.customers * scale),
    contacts: Math.round(baseSeedCounts.contacts * scale),
    salesOrders: Math.round(baseSeedCounts.salesOrders * transactionScale),
    invoices: Math.round(baseSeedCounts.invoices * transactionScale),
    vendorBills: Math.round(baseSeedCounts.vendorBills * transactionScale),
  };
  const vendorBase = counts.employees;
  const customerBase = vendorBase + counts.vendors;
  const contactBase = customerBase + counts.customers;
  const invoiceBase = counts.salesOrders;
  const billBase = invoiceBase + counts.invoices;
  const id = (base: number) => (index: number) => String(base + index + 1);
  return {
    seed,
    counts,
    employeeId: id(0),
    vendorId: id(vendorBase),
    customerId: id(customerBase),
    contactId: id(contactBase),
    itemId: id(0),
    milestoneId: id(0),
    salesOrderId: id(0),
    invoiceId: id(invoiceBase),
    vendorBillId: id(billBase),
    addressId: (entityId, line) => String(Number(entityId) * 2 + line),
  };
}
