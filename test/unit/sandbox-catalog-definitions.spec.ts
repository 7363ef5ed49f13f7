import { describe, expect, it } from 'vitest';
import { findField, findRecordType, findSublist, recordTypeDefinitions } from '../../src/sandbox/catalog';

const allFields = recordTypeDefinitions.flatMap((definition) => [
  ...definition.fields.map((field) => ({ owner: definition.id, field })),
  ...definition.sublists.flatMap((sublist) => sublist.fields.map((field) => ({ owner: `${definition.id}.${sublist.id}`, field }))),
]);

describe('record-type catalog definitions', () => {
  it('finds record types case-insensitively, as NetSuite URLs allow', () => {
    expect(findRecordType('salesorder')?.id).toBe('salesOrder');
    expect(findRecordType('SALESORDER')?.id).toBe('salesOrder');
    expect(findRecordType('CustomRecord_Project_Milestone')?.id).toBe('customrecord_project_milestone');
    expect(findRecordType('transaction')).toBeUndefined();
  });

  it('covers the record types the demo account must have', () => {
    expect(recordTypeDefinitions.map((definition) => definition.id).sort()).toEqual(
      [
        'account', 'classification', 'contact', 'currency', 'customer', 'customrecord_project_milestone', 'department',
        'employee', 'inventoryItem', 'invoice', 'location', 'salesOrder', 'subsidiary', 'term', 'vendor', 'vendorBill',
      ].sort(),
    );
  });

  it('uses 2026.1 casing for REST ids and lower-case SuiteQL columns', () => {
    const customer = findRecordType('customer')!;
    expect(findField(customer, 'companyname')?.id).toBe('companyName');
    expect(findField(customer, 'isinactive')?.id).toBe('isInactive');
    expect(findSublist(customer, 'addressbook')?.id).toBe('addressBook');
    for (const { owner, field } of allFields) {
      if (field.column !== undefined) expect(field.column, `${owner}.${field.id}`).toBe(field.column.toLowerCase());
    }
  });

  it('points every reference at a record type of the catalog unless marked as not REST-exposed', () => {
    for (const { owner, field } of allFields.filter(({ field }) => field.kind === 'reference')) {
      if (field.referenceRestExposed === false) continue;
      expect(findRecordType(field.referenceType ?? ''), `${owner}.${field.id} → ${field.referenceType}`).toBeDefined();
    }
  });

  it('lists types so that each only references types listed earlier (seed and store load in this order)', () => {
    const seen = new Set<string>();
    // The one allowed forward reference: customers point at the custom record, which itself needs a customer.
    const forwardAllowed = new Set(['customer.custentity_current_milestone']);
    for (const definition of recordTypeDefinitions) {
      seen.add(definition.id);
      const references = [...definition.fields, ...definition.sublists.flatMap((sublist) => sublist.fields)].filter(
        (field) => field.kind === 'reference' && field.referenceRestExposed !== false,
      );
      for (const field of references) {
        if (forwardAllowed.has(`${definition.id}.${field.id}`)) continue;
        expect(seen.has(field.referenceType!), `${definition.id}.${field.id} → ${field.referenceType}`).toBe(true);
      }
    }
  });

  it('marks exactly the script-id fields as custom and gives enums their options', () => {
    for (const { owner, field } of allFields) {
      expect(Boolean(field.custom), `${owner}.${field.id}`).toBe(/^cust(entity|body|col|record)_/.test(field.id));
      if (field.kind === 'enum') expect(field.enumOptions?.length, `${owner}.${field.id}`).toBeGreaterThan(1);
    }
  });

  it('describes transactions the way SuiteQL and the transform endpoint need', () => {
    expect(findRecordType('salesOrder')).toMatchObject({ suiteqlTable: 'transaction', transactionTypeCode: 'SalesOrd', transformTargets: ['invoice'] });
    expect(findRecordType('invoice')).toMatchObject({ suiteqlTable: 'transaction', transactionTypeCode: 'CustInvc' });
    const bill = findRecordType('vendorBill')!;
    expect(bill.transactionTypeCode).toBe('VendBill');
    expect(bill.sublists.map((sublist) => [sublist.id, sublist.suiteqlTable, sublist.lineKey])).toEqual([
      ['item', 'transactionline', 'line'],
      ['expense', 'transactionline', 'line'],
    ]);
    expect(findField(bill, 'total')).toMatchObject({ readOnly: true, column: 'foreigntotal' });
  });

  it('gives every record a read-only string id and every type a name field it has', () => {
    for (const definition of recordTypeDefinitions) {
      expect(findField(definition, 'id'), definition.id).toMatchObject({ kind: 'string', readOnly: true, column: 'id' });
      expect(findField(definition, definition.nameField), definition.id).toBeDefined();
      const ids = definition.fields.map((field) => field.id);
      expect(new Set(ids).size, `${definition.id} has duplicate field ids`).toBe(ids.length);
    }
  });
});
