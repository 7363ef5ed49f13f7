import { afterEach, describe, expect, it, vi } from 'vitest';
import { findRecordType } from '../../src/sandbox/catalog';
import { createRecordBodyValidator } from '../../src/sandbox/catalog/recordBodyValidation';
import type { StoredRecord } from '../../src/sandbox/model/recordTypes';
import { baseSeedCounts, generateSeedBatches, generateSeedData, hostileCustomerNames, SEED_EPOCH } from '../../src/sandbox/seed';

const data = generateSeedData();
const ofType = (type: string) => data.filter((record) => record.type === type);
const byTypeAndId = new Map(data.map((record) => [`${record.type.toLowerCase()}:${record.id}`, record]));

/** The stored `{id}` values of every reference field (body and lines) with the type it must point at. */
function referencesOf(record: StoredRecord): { where: string; type: string; id: string }[] {
  const definition = findRecordType(record.type)!;
  const found: { where: string; type: string; id: string }[] = [];
  const collect = (fields: typeof definition.fields, values: Record<string, unknown>, where: string) => {
    for (const field of fields) {
      const value = values[field.id] as { id?: string } | undefined;
      if (field.kind !== 'reference' || !value || field.referenceRestExposed === false) continue;
      found.push({ where: `${where}.${field.id}`, type: field.referenceType!, id: String(value.id) });
    }
  };
  collect(definition.fields, record.fields, `${record.type}/${record.id}`);
  for (const sublist of definition.sublists) {
    (record.sublists[sublist.id] ?? []).forEach((line, index) => collect(sublist.fields, line, `${record.type}/${record.id}.${sublist.id}[${index}]`));
  }
  return found;
}

describe('seed data', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is identical for the same seed and different for another, without Math.random', () => {
    vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('seed data must not use Math.random');
    });
    expect(generateSeedData({ seed: 1 })).toEqual(data);
    const other = generateSeedData({ seed: 2 });
    expect(other).not.toEqual(data);
    const names = (records: StoredRecord[]) => records.filter((record) => record.type === 'customer').map((record) => record.fields.entityId);
    expect(names(other).slice(20, 40)).not.toEqual(names(data).slice(20, 40));
  });

  it('has the default counts per record type', () => {
    expect(ofType('customer')).toHaveLength(baseSeedCounts.customers);
    expect(ofType('vendor')).toHaveLength(baseSeedCounts.vendors);
    expect(ofType('employee')).toHaveLength(baseSeedCounts.employees);
    expect(ofType('contact')).toHaveLength(baseSeedCounts.contacts);
    expect(ofType('inventoryItem')).toHaveLength(baseSeedCounts.inventoryItems);
    expect(ofType('salesOrder')).toHaveLength(baseSeedCounts.salesOrders);
    expect(ofType('invoice')).toHaveLength(baseSeedCounts.invoices);
    expect(ofType('vendorBill')).toHaveLength(baseSeedCounts.vendorBills);
    expect(ofType('customrecord_project_milestone')).toHaveLength(baseSeedCounts.projectMilestones);
    for (const list of ['subsidiary', 'currency', 'term', 'department', 'location', 'classification', 'account']) expect(ofType(list).length, list).toBeGreaterThan(2);
  });

  it('mixes companies and individuals, with addresses', () => {
    const customers = ofType('customer');
    const people = customers.filter((customer) => customer.fields.isPerson === true);
    expect(people.length).toBeGreaterThan(50);
    for (const person of people) expect(person.fields).toMatchObject({ firstName: expect.any(String), lastName: expect.any(String) });
    for (const company of customers.filter((customer) => customer.fields.isPerson === false)) expect(company.fields.companyName).toEqual(expect.any(String));
    expect(customers.every((customer) => customer.sublists.addressBook.length >= 1)).toBe(true);
    expect(customers.some((customer) => customer.sublists.addressBook.length === 2)).toBe(true);
  });

  it('contains the hostile but legal values, the XSS probe spelled exactly', () => {
    const names = ofType('customer').map((customer) => customer.fields.entityId);
    for (const hostile of hostileCustomerNames) expect(names).toContain(hostile);
    expect(ofType('customer').find((customer) => customer.fields.companyName === '<img src=x onerror=alert(1)>')).toBeDefined();
    const everyName = data.map((record) => String(record.fields.entityId ?? record.fields.name ?? ''));
    for (const text of ["O'Brien & Sons", 'Zoë', 'Müller GmbH', '株式会社', '"Quoted"']) expect(everyName.some((name) => name.includes(text)), text).toBe(true);
  });

  it('gives stable numeric string ids, unique within each SuiteQL id space', () => {
    const space = (record: StoredRecord) => findRecordType(record.type)!.suiteqlTable.replace(/^(customer|vendor|employee|contact)$/, 'entity');
    const seen = new Set<string>();
    for (const record of data) {
      expect(record.id).toMatch(/^[1-9]\d*$/);
      const key = `${space(record)}:${record.id}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
  });

  it('keeps entity names unique per type', () => {
    for (const type of ['customer', 'vendor', 'employee', 'contact']) {
      const names = ofType(type).map((record) => record.fields.entityId);
      expect(new Set(names).size, type).toBe(names.length);
    }
  });

  it('only references records that exist', () => {
    const references = data.flatMap(referencesOf);
    expect(references.length).toBeGreaterThan(5000);
    const dangling = references.filter((reference) => !byTypeAndId.has(`${reference.type.toLowerCase()}:${reference.id}`));
    expect(dangling).toEqual([]);
  });

  it('stores only defined fields, with required ones present, valid against the served schemas', () => {
    const validator = createRecordBodyValidator();
    for (const record of data) {
      const definition = findRecordType(record.type)!;
      const known = new Set(definition.fields.map((field) => field.id));
      expect(Object.keys(record.fields).filter((key) => !known.has(key)), record.type).toEqual([]);
      for (const field of definition.fields.filter((candidate) => candidate.required)) expect(record.fields[field.id], `${record.type}/${record.id}.${field.id}`).toBeDefined();
      for (const sublist of definition.sublists) {
        const knownLine = new Set(sublist.fields.map((field) => field.id));
        for (const line of record.sublists[sublist.id] ?? []) {
          expect(Object.keys(line).filter((key) => !knownLine.has(key))).toEqual([]);
          for (const field of sublist.fields.filter((candidate) => candidate.required)) expect(line[field.id], `${record.type}/${record.id}.${sublist.id}.${field.id}`).toBeDefined();
        }
      }
      const body = { ...record.fields, ...Object.fromEntries(Object.entries(record.sublists).map(([id, items]) => [id, { items }])) };
      expect(validator.validate(record.type, body), `${record.type}/${record.id}`).toEqual([]);
    }
  });

  it('numbers transaction lines uniquely across sublists and totals them', () => {
    for (const record of [...ofType('salesOrder'), ...ofType('invoice'), ...ofType('vendorBill')]) {
      const lines = [...(record.sublists.item ?? []), ...(record.sublists.expense ?? [])];
      expect(lines.length, `${record.type}/${record.id}`).toBeGreaterThan(0);
      expect(lines.map((line) => line.line)).toEqual(lines.map((_, index) => index + 1));
      const total = Math.round(lines.reduce((sum, line) => sum + Number(line.amount), 0) * 100) / 100;
      expect(record.fields.total).toBe(total);
    }
  });

  it('bills invoices from billed sales orders and derives customer balances from open invoices', () => {
    const invoices = ofType('invoice');
    const fromOrders = invoices.filter((invoice) => invoice.fields.createdFrom);
    expect(fromOrders.length).toBeGreaterThan(100);
    for (const invoice of fromOrders) {
      const order = byTypeAndId.get(`salesorder:${(invoice.fields.createdFrom as { id: string }).id}`)!;
      expect(order.fields.status).toEqual({ id: 'G' });
      expect(order.fields.entity).toEqual(invoice.fields.entity);
    }
    const owed = new Map<string, number>();
    for (const invoice of invoices) {
      const customerId = (invoice.fields.entity as { id: string }).id;
      owed.set(customerId, (owed.get(customerId) ?? 0) + Number(invoice.fields.amountRemaining));
    }
    for (const customer of ofType('customer')) expect(customer.fields.balance, customer.id).toBeCloseTo(owed.get(customer.id) ?? 0, 2);
  });

  it('dates everything before the fixed epoch in NetSuite formats', () => {
    const epoch = new Date(SEED_EPOCH).toISOString().replace(/\.\d{3}Z$/, 'Z');
    for (const record of data) {
      expect(record.createdDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(record.lastModifiedDate >= record.createdDate).toBe(true);
      expect(record.lastModifiedDate <= epoch).toBe(true);
    }
    for (const order of ofType('salesOrder')) expect(order.fields.tranDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('multiplies customers and contacts by scale, leaving the rest', () => {
    const scaled = generateSeedData({ scale: 2 });
    expect(scaled.filter((record) => record.type === 'customer')).toHaveLength(600);
    expect(scaled.filter((record) => record.type === 'contact')).toHaveLength(120);
    expect(scaled.filter((record) => record.type === 'salesOrder')).toHaveLength(400);
    // The n-th customer is the same whatever the scale.
    expect(scaled.filter((record) => record.type === 'customer')[42].fields.entityId).toBe(ofType('customer')[42].fields.entityId);
    expect(() => generateSeedData({ scale: 0 })).toThrow(/scale/);
  });

  it('streams 150,000 customers in bounded batches (scale 500)', { timeout: 180_000 }, () => {
    let customers = 0;
    let largestBatch = 0;
    let last: StoredRecord | undefined;
    for (const batch of generateSeedBatches({ scale: 500, batchSize: 10_000 })) {
      largestBatch = Math.max(largestBatch, batch.length);
      for (const record of batch) if (record.type === 'customer') customers++;
      last = batch.at(-1);
    }
    expect(customers).toBe(150_000);
    expect(largestBatch).toBeLessThanOrEqual(10_000);
    expect(last?.type).toBe('vendorBill');
  });
});
