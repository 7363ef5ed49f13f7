/**
 * A small real PGlite database holding the SuiteQL tables described from the catalog's record types, filled
 * through the same `suiteQLRowsForRecord` the sandbox uses, for the translator and engine specs.
 */
import { PGlite } from '@electric-sql/pglite';
import { recordTypeDefinitions, findRecordType } from '../../src/sandbox/catalog/registry';
import type { StoredRecord } from '../../src/sandbox/model/recordTypes';
import { suiteQLRowsForRecord } from '../../src/sandbox/suiteql/rows';
import { describeSuiteQLTables, suiteQLTableDDL, type SuiteQLTable } from '../../src/sandbox/suiteql/tables';

const created = '2024-01-15T09:05:00Z';

function record(type: string, id: string, fields: Record<string, unknown>, sublists: StoredRecord['sublists'] = {}): StoredRecord {
  return { type, id, fields: { id, ...fields }, sublists, createdDate: created, lastModifiedDate: created };
}

/** Hostile but legal text: every character Postgres' record syntax must quote. */
export const awkwardComment = 'a,b "quoted" (paren) back\\slash\nsecond line';

export const fixtureRecords: StoredRecord[] = [
  record('currency', '1', { name: 'US Dollar', symbol: 'USD', exchangeRate: 1, isBaseCurrency: true }),
  record('currency', '2', { name: 'Euro', symbol: 'EUR', exchangeRate: 1.1 }),
  record('subsidiary', '1', { name: 'Parent Company', currency: { id: '1' } }),
  record('subsidiary', '2', { name: 'Europe', currency: { id: '2' } }),
  record('employee', '10', { entityId: 'Ann Rep', firstName: 'Ann', lastName: 'Rep', subsidiary: { id: '1' }, isSalesRep: true }),
  record('customer', '100', {
    entityId: 'CUST100',
    companyName: "O'Brien & Sons",
    email: 'obrien@example.com',
    subsidiary: { id: '1' },
    isInactive: false,
    creditLimit: 1500.5,
    emailPreference: { id: 'PDF' },
    startDate: '2024-02-03',
    dateCreated: created,
    salesRep: { id: '10' },
    comments: awkwardComment,
  }),
  record('customer', '101', { entityId: 'CUST101', companyName: 'Zoë Ltd', subsidiary: { id: '2' }, isInactive: true, creditLimit: 20 }),
  record('customer', '102', { entityId: 'CUST102', companyName: '<img src=x onerror=alert(1)>', subsidiary: { id: '1' }, isInactive: false }),
  record('vendor', '200', { entityId: 'VEND200', companyName: 'Acme Supplies', subsidiary: { id: '1' } }),
  record('inventoryItem', '500', { itemId: 'WIDGET-1', displayName: 'Widget', cost: 12.25 }),
  record('salesOrder', '1000', { tranId: 'SO1000', tranDate: '2024-03-01', entity: { id: '100' }, subsidiary: { id: '1' }, total: 250, currency: { id: '1' } }, {
    item: [
      { line: 1, item: { id: '500' }, quantity: 2, rate: 100, amount: 200 },
      { line: 2, item: { id: '500' }, quantity: 1, rate: 50, amount: 50 },
    ],
  }),
  record('vendorBill', '1001', { tranId: 'BILL1001', tranDate: '2024-03-05', entity: { id: '200' }, subsidiary: { id: '1' }, total: 75 }, {
    expense: [{ line: 1, account: { id: '1' }, amount: 75, memo: 'Office' }],
  }),
];

export const fixtureTables: SuiteQLTable[] = describeSuiteQLTables([...recordTypeDefinitions]);

/** Inserts `records`' SuiteQL rows (one statement per row: the fixture is small). */
export async function insertRecords(db: PGlite, records: StoredRecord[]): Promise<void> {
  for (const stored of records) {
    const definition = findRecordType(stored.type);
    if (!definition) throw new Error(`no definition for ${stored.type}`);
    for (const row of suiteQLRowsForRecord(fixtureTables, definition, stored)) {
      await db.query(`INSERT INTO "${row.table}" SELECT * FROM jsonb_populate_record(NULL::"${row.table}", $1::jsonb)`, [JSON.stringify(row.values)]);
    }
  }
}

export async function createFixtureDatabase(): Promise<PGlite> {
  const db = await PGlite.create();
  for (const table of fixtureTables) await db.exec(suiteQLTableDDL(table));
  await insertRecords(db, fixtureRecords);
  return db;
}
