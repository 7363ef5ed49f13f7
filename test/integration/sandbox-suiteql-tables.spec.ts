import { describe, expect, it } from 'vitest';
import { findRecordType } from '../../src/sandbox/catalog/registry';
import { suiteQLRowsForRecord } from '../../src/sandbox/suiteql/rows';
import { suiteQLTableDDL, type SuiteQLTable } from '../../src/sandbox/suiteql/tables';
import { fixtureRecords, fixtureTables } from './sandbox-suiteql.fixture';

const table = (name: string): SuiteQLTable => {
  const found = fixtureTables.find((t) => t.name === name);
  if (!found) throw new Error(`no table ${name}`);
  return found;
};
const column = (tableName: string, name: string) => table(tableName).columns.find((c) => c.name === name);

describe('SuiteQL table description', () => {
  it('has the standard tables, the custom record and dual', () => {
    const names = fixtureTables.map((t) => t.name);
    for (const name of ['customer', 'vendor', 'employee', 'contact', 'entity', 'item', 'transaction', 'transactionline', 'account', 'subsidiary', 'currency', 'term', 'department', 'location', 'classification', 'customrecord_project_milestone', 'dual']) {
      expect(names).toContain(name);
    }
    expect(table('dual').fixedRows).toEqual([{ dummy: 'X' }]);
  });

  it('stores checkboxes as T/F text and references with their display column', () => {
    expect(column('customer', 'isinactive')).toEqual({ name: 'isinactive', type: 'text', boolean: true });
    expect(column('customer', 'subsidiary')?.references).toEqual({ table: 'subsidiary', displayColumn: 'name' });
    // transaction.entity points at customers or vendors: the shared entity table.
    expect(column('transaction', 'entity')?.references).toEqual({ table: 'entity', displayColumn: 'entitytitle' });
    expect(column('customer', 'emailpreference')?.displayValues).toMatchObject({ PDF: 'PDF', DEFAULT: 'Default' });
  });

  it('feeds transaction from three record types told apart by type, guarded by each', () => {
    const transaction = table('transaction');
    expect(transaction.feeds.map((feed) => [feed.recordType, feed.fixedValues.type])).toEqual([
      ['salesOrder', 'SalesOrd'],
      ['invoice', 'CustInvc'],
      ['vendorBill', 'VendBill'],
    ]);
    expect(transaction.guardedBy).toEqual(['salesorder', 'invoice', 'vendorbill']);
    expect(table('transactionline').parent).toEqual({ table: 'transaction', column: 'transaction' });
    expect(table('entity').discriminator?.valueByRecordType).toEqual({ employee: 'Employee', customer: 'CustJob', contact: 'Contact', vendor: 'Vendor' });
  });

  it('turns a sales order into its transaction row, its item lines and the main line', () => {
    const order = fixtureRecords.find((record) => record.type === 'salesOrder')!;
    const rows = suiteQLRowsForRecord(fixtureTables, findRecordType('salesOrder')!, order);
    expect(rows.find((row) => row.table === 'transaction')?.values).toMatchObject({ id: 1000, tranid: 'SO1000', type: 'SalesOrd', entity: 100, foreigntotal: 250 });
    const lines = rows.filter((row) => row.table === 'transactionline').map((row) => row.values);
    expect(lines).toEqual([
      expect.objectContaining({ transaction: 1000, id: 1, linesequencenumber: 1, mainline: 'F', item: 500, quantity: 2, foreignamount: 200 }),
      expect.objectContaining({ transaction: 1000, id: 2, linesequencenumber: 2, mainline: 'F', foreignamount: 50 }),
      expect.objectContaining({ transaction: 1000, id: 0, linesequencenumber: 0, mainline: 'T', subsidiary: 1 }),
    ]);
  });

  it('creates tables with lower-case columns and the primary key', () => {
    expect(suiteQLTableDDL(table('term'))).toMatch(/^CREATE TABLE IF NOT EXISTS "term" \("id" integer, .*"isinactive" text.*, PRIMARY KEY \("id"\)\)$/);
    expect(suiteQLTableDDL(table('transactionline'))).toContain('PRIMARY KEY ("transaction", "id")');
  });
});
