/**
 * Sales orders, the invoices billed from them (`createdFrom`) plus a few stand-alone ones, and vendor bills with
 * item and expense lines. Transactions are planned before the entities are written because entity balances are
 * derived from them: a customer's `balance` is what its open invoices still owe, `unbilledOrders` what its open
 * orders are worth — so the numbers a user sees in a record agree with what SuiteQL sums up.
 */
import type { StoredRecord } from '../model/recordTypes';
import { customerProfile, type CustomerTotals, type EntityProfile, vendorProfile } from './entities';
import { itemProfile } from './items';
import type { SeedLayout } from './layout';
import { seedClassIds, seedCurrencies, seedExpenseAccountIds, seedTerms } from './lists';
import { SeededRandom } from './random';
import { DAY_MS, isoDate, ref, SEED_EPOCH, storedRecord } from './storedRecords';

export interface TransactionPlan {
  /** Sales orders, then invoices, then vendor bills. */
  records: StoredRecord[];
  customerTotals: Map<string, CustomerTotals>;
  vendorBalances: Map<string, number>;
}

type Line = Record<string, unknown> & { line: number; amount: number };

const round2 = (value: number) => Math.round(value * 100) / 100;
const sum = (lines: Line[]) => round2(lines.reduce((total, line) => total + line.amount, 0));

const orderMemos = ['Rush order — ship "ASAP"', "Customer's PO attached", 'Per contract § 4.2 & addendum', 'Ünïcödé memo ✓'];
const expenseMemos = ['Office rent', "Team offsite at O'Malley's", 'Cloud "compute" & storage', 'Trade show booth — Köln', 'Printer toner'];

function exchangeRateOf(profile: EntityProfile): number {
  return seedCurrencies.find((currency) => currency.id === profile.subsidiary.currencyId)?.exchangeRate ?? 1;
}

/** An active item (retrying a few draws past inactive ones). */
function pickItem(random: SeededRandom, layout: SeedLayout) {
  let profile = itemProfile(layout, random.integer(0, layout.counts.inventoryItems - 1)).profile;
  for (let attempt = 0; attempt < 5 && profile.isInactive; attempt++) profile = itemProfile(layout, random.integer(0, layout.counts.inventoryItems - 1)).profile;
  return profile;
}

/** `closed` is given for sales-order lines only: invoices and bills have no `isClosed` column. */
function itemLines(random: SeededRandom, layout: SeedLayout, customerOrVendor: EntityProfile, priceOf: 'rate' | 'cost', count: number, closed?: boolean): Line[] {
  const exchangeRate = exchangeRateOf(customerOrVendor);
  return Array.from({ length: count }, (_, index) => {
    const item = pickItem(random, layout);
    const quantity = random.integer(1, 20);
    const rate = round2(item[priceOf] / exchangeRate);
    const line: Line = {
      line: index + 1,
      item: ref(item.id),
      quantity,
      rate,
      amount: round2(quantity * rate),
      location: ref(customerOrVendor.subsidiary.locationId),
      class: ref(random.pick(seedClassIds)),
    };
    if (closed !== undefined) line.isClosed = closed;
    if (random.chance(0.1)) line.description = 'Gift-wrap — "fragile" ✓';
    return line;
  });
}

/** When a transaction was entered and last touched: on its date, changed within a month, never after the epoch. */
function transactionDates(random: SeededRandom, tranDay: number) {
  const created = tranDay + random.integer(8 * 3600, 18 * 3600) * 1000;
  return { created, modified: Math.min(SEED_EPOCH, created + random.integer(0, 30) * DAY_MS) };
}

function commonBody(profile: EntityProfile, tranId: string, tranDay: number, status: string, lines: Line[]) {
  const total = sum(lines);
  return {
    tranId,
    tranDate: isoDate(tranDay),
    entity: ref(profile.id),
    subsidiary: ref(profile.subsidiary.id),
    currency: ref(profile.subsidiary.currencyId),
    exchangeRate: exchangeRateOf(profile),
    status: ref(status),
    location: ref(profile.subsidiary.locationId),
    subtotal: total,
    total,
  };
}

/** Terms, due date and what has been paid: older documents are mostly settled, some open ones partly. */
function payment(random: SeededRandom, profile: EntityProfile, tranDay: number, total: number) {
  const days = seedTerms.find((term) => term.id === profile.termsId)?.days ?? 30;
  const dueDay = tranDay + days * DAY_MS;
  const paidInFull = random.chance(dueDay < SEED_EPOCH - 15 * DAY_MS ? 0.85 : 0.2);
  const amountPaid = paidInFull ? total : random.chance(0.25) ? round2(total / 2) : 0;
  return {
    fields: { terms: ref(profile.termsId), dueDate: isoDate(dueDay), amountPaid, amountRemaining: round2(total - amountPaid), status: ref(paidInFull ? 'B' : 'A') },
    remaining: round2(total - amountPaid),
    overdue: dueDay < SEED_EPOCH,
  };
}

/** Midnight of the epoch's day: transaction dates are whole days. */
const EPOCH_DAY = SEED_EPOCH - (SEED_EPOCH % DAY_MS);

const openOrderStatuses = new Set(['A', 'B', 'D', 'E', 'F']);

export function planTransactions(layout: SeedLayout): TransactionPlan {
  const { counts } = layout;
  const customerTotals = new Map<string, CustomerTotals>();
  const vendorBalances = new Map<string, number>();
  const totalsOf = (customerId: string) => {
    let totals = customerTotals.get(customerId);
    if (!totals) customerTotals.set(customerId, (totals = { balance: 0, overdueBalance: 0, unbilledOrders: 0 }));
    return totals;
  };
  const salesOrders: StoredRecord[] = [];
  const billedOrders: { order: StoredRecord; customer: EntityProfile; lines: Line[]; tranDay: number }[] = [];

  for (let index = 0; index < counts.salesOrders; index++) {
    const random = new SeededRandom(layout.seed, 'salesOrder', index);
    const { profile: customer } = customerProfile(layout, random.integer(0, counts.customers - 1));
    const ageDays = random.integer(0, 730);
    const tranDay = EPOCH_DAY - ageDays * DAY_MS;
    const draw = random.fraction();
    const status = ageDays > 45 ? (draw < 0.72 ? 'G' : draw < 0.82 ? 'H' : 'F') : draw < 0.3 ? 'A' : draw < 0.7 ? 'B' : draw < 0.85 ? 'D' : 'F';
    const lines = itemLines(random, layout, customer, 'rate', random.integer(1, 5), status === 'H');
    const fields: Record<string, unknown> = {
      ...commonBody(customer, `SO${1001 + index}`, tranDay, status, lines),
      salesRep: ref(customer.salesRepId!),
      department: ref('1'),
      shipDate: isoDate(tranDay + random.integer(3, 14) * DAY_MS),
      custbody_order_source: ref(random.integer(1, 4)),
    };
    if (random.chance(0.6)) fields.otherRefNum = `PO-${random.integer(10000, 99999)}`;
    if (random.chance(0.15)) fields.memo = random.pick(orderMemos);
    const order = storedRecord('salesOrder', layout.salesOrderId(index), fields, transactionDates(random, tranDay), { item: lines });
    salesOrders.push(order);
    if (status === 'G') billedOrders.push({ order, customer, lines, tranDay });
    if (openOrderStatuses.has(status)) totalsOf(customer.id).unbilledOrders = round2(totalsOf(customer.id).unbilledOrders + sum(lines));
  }

  const invoices: StoredRecord[] = [];
  for (let index = 0; index < counts.invoices; index++) {
    const random = new SeededRandom(layout.seed, 'invoice', index);
    const billed = billedOrders[index];
    const customer = billed?.customer ?? customerProfile(layout, random.integer(0, counts.customers - 1)).profile;
    const tranDay = billed ? Math.min(EPOCH_DAY, billed.tranDay + random.integer(1, 20) * DAY_MS) : EPOCH_DAY - random.integer(0, 730) * DAY_MS;
    const lines = billed ? billed.lines.map(({ isClosed: _closed, ...line }) => ({ ...line }) as Line) : itemLines(random, layout, customer, 'rate', random.integer(1, 4));
    const body = commonBody(customer, `INV${1001 + index}`, tranDay, 'A', lines);
    const paid = payment(random, customer, tranDay, body.total);
    const fields: Record<string, unknown> = { ...body, ...paid.fields, salesRep: ref(customer.salesRepId!), department: ref('1') };
    if (billed) {
      fields.createdFrom = ref(billed.order.id);
      if (billed.order.fields.otherRefNum) fields.otherRefNum = billed.order.fields.otherRefNum;
    }
    invoices.push(storedRecord('invoice', layout.invoiceId(index), fields, transactionDates(random, tranDay), { item: lines }));
    const totals = totalsOf(customer.id);
    totals.balance = round2(totals.balance + paid.remaining);
    if (paid.overdue) totals.overdueBalance = round2(totals.overdueBalance + paid.remaining);
  }

  const vendorBills: StoredRecord[] = [];
  for (let index = 0; index < counts.vendorBills; index++) {
    const random = new SeededRandom(layout.seed, 'vendorBill', index);
    const { profile: vendor } = vendorProfile(layout, random.integer(0, counts.vendors - 1));
    const tranDay = EPOCH_DAY - random.integer(0, 730) * DAY_MS;
    const items = random.chance(0.6) ? itemLines(random, layout, vendor, 'cost', random.integer(1, 3)) : [];
    const expenseCount = items.length === 0 ? random.integer(1, 3) : random.chance(0.4) ? random.integer(1, 2) : 0;
    // Line numbers run on across both sublists: they are one transaction's lines in `transactionline`.
    const expenses: Line[] = Array.from({ length: expenseCount }, (_, position) => ({
      line: items.length + position + 1,
      account: ref(random.pick(seedExpenseAccountIds)),
      amount: random.amount(40, 6000),
      memo: random.pick(expenseMemos),
      department: ref(random.pick(['2', '3', '4', '5'])),
      location: ref(vendor.subsidiary.locationId),
    }));
    const body = commonBody(vendor, `BILL${1001 + index}`, tranDay, 'A', [...items, ...expenses]);
    const paid = payment(random, vendor, tranDay, body.total);
    const sublists: Record<string, Record<string, unknown>[]> = { item: items, expense: expenses };
    vendorBills.push(storedRecord('vendorBill', layout.vendorBillId(index), { ...body, ...paid.fields, department: ref('4') }, transactionDates(random, tranDay), sublists));
    vendorBalances.set(vendor.id, round2((vendorBalances.get(vendor.id) ?? 0) + paid.remaining));
  }

  return { records: [...salesOrders, ...invoices, ...vendorBills], customerTotals, vendorBalances };
}
