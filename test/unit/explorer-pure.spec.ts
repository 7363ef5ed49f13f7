import { describe, expect, it } from 'vitest';
import { filterToQ, isRawQ, quoteQValue } from '../../src/vscode/explorer/filterToQ';
import { lineLabel, recordEntries, referenceTarget, sublistElementSchemaName } from '../../src/vscode/explorer/recordFields';
import { recordNamesQuery, suiteQLNameSource, typeNotebookQuery } from '../../src/vscode/explorer/recordNaming';
import { groupRecordTypes } from '../../src/vscode/explorer/recordTypeGroups';

const customerFilterable = ['id', 'entityId', 'companyName', 'email', 'isInactive', 'balance'];

describe('filterToQ', () => {
  it('searches plain text in every filterable name field, quoted', () => {
    expect(filterToQ('acme', { filterable: customerFilterable, recordType: 'customer' })).toEqual({
      kind: 'q',
      q: 'companyName CONTAIN "acme" OR entityId CONTAIN "acme"',
      raw: false,
    });
    expect(filterToQ('  SO10 ', { filterable: ['tranId', 'memo'], recordType: 'salesorder' })).toEqual({ kind: 'q', q: 'tranId CONTAIN "SO10"', raw: false });
  });

  it('escapes quotes and backslashes so a value cannot end the string early', () => {
    expect(quoteQValue('say "hi" \\ bye')).toBe('"say \\"hi\\" \\\\ bye"');
    const result = filterToQ('"Quoted" Supplies', { filterable: ['name'], recordType: 'term' });
    expect(result).toEqual({ kind: 'q', q: 'name CONTAIN "\\"Quoted\\" Supplies"', raw: false });
    // A value that looks like an operator stays a value.
    expect(filterToQ('x" OR id ANY_OF [1', { filterable: ['name'], recordType: 'term' })).toEqual({ kind: 'q', q: 'name CONTAIN "x\\" OR id ANY_OF [1"', raw: false });
  });

  it('passes a q expression on a filterable field through unchanged', () => {
    expect(filterToQ('email START_WITH barbara', { filterable: customerFilterable, recordType: 'customer' })).toEqual({ kind: 'q', q: 'email START_WITH barbara', raw: true });
    expect(filterToQ('(balance greater 100 OR isInactive IS true)', { filterable: customerFilterable, recordType: 'customer' })).toMatchObject({ raw: true });
    expect(isRawQ('id ANY_OF [1, 2]', customerFilterable)).toBe(true);
  });

  it('treats words that only look like an expression as text', () => {
    expect(isRawQ('acme is great', customerFilterable)).toBe(false);
    expect(filterToQ('acme is great', { filterable: customerFilterable, recordType: 'customer' })).toMatchObject({ raw: false, q: 'companyName CONTAIN "acme is great" OR entityId CONTAIN "acme is great"' });
  });

  it('clears on empty input and explains when a type has no filterable name', () => {
    expect(filterToQ('   ', { filterable: customerFilterable, recordType: 'customer' })).toEqual({ kind: 'none' });
    const result = filterToQ('acme', { filterable: ['balance'], recordType: 'thing' });
    expect(result.kind).toBe('error');
    expect(result.kind === 'error' && result.message).toMatch(/no name field of thing.*q expression/);
  });
});

describe('record names by SuiteQL', () => {
  it('names a whole page in one query against the right table and column', () => {
    expect(recordNamesQuery('customer', ['100', '101'])).toBe('SELECT id, entityid AS name FROM customer WHERE id IN (100, 101)');
    expect(recordNamesQuery('salesOrder', ['7'])).toBe('SELECT id, tranid AS name FROM transaction WHERE id IN (7)');
    expect(recordNamesQuery('inventoryitem', ['3'])).toBe('SELECT id, itemid AS name FROM item WHERE id IN (3)');
    expect(recordNamesQuery('customrecord_project_milestone', ['1'])).toBe('SELECT id, name AS name FROM customrecord_project_milestone WHERE id IN (1)');
  });

  it('drops ids that are not plain internal ids instead of quoting them', () => {
    expect(recordNamesQuery('customer', ['1', "1) OR (1=1", '2', '1'])).toBe('SELECT id, entityid AS name FROM customer WHERE id IN (1, 2)');
    expect(recordNamesQuery('customer', ['eid:ABC'])).toBeUndefined();
  });

  it('opens a type in a notebook with its own rows only', () => {
    expect(typeNotebookQuery('invoice')).toBe("SELECT *\nFROM transaction\nWHERE type = 'CustInvc'\nORDER BY id DESC");
    expect(typeNotebookQuery('vendor')).toBe('SELECT *\nFROM vendor\nORDER BY id DESC');
    expect(suiteQLNameSource('account').nameColumn).toBe('accountsearchdisplayname');
  });
});

describe('record types', () => {
  it('groups standard and custom types, sorted, and filters by substring', () => {
    const types = ['vendor', 'customrecord_b', 'salesorder', 'customer', 'customrecord_a', 'purchaseorder', 'customlist_x'];
    expect(groupRecordTypes(types)).toEqual({ standard: ['customer', 'purchaseorder', 'salesorder', 'vendor'], custom: ['customlist_x', 'customrecord_a', 'customrecord_b'] });
    expect(groupRecordTypes(types, 'ORDER')).toEqual({ standard: ['purchaseorder', 'salesorder'], custom: [] });
  });
});

describe('record fields', () => {
  const base = 'https://x.suitetalk.api.netsuite.com/services/rest/record/v1';
  const record = {
    links: [{ rel: 'self', href: `${base}/customer/5` }],
    id: '5',
    companyName: '<img src=x onerror=alert(1)>',
    balance: 12.5,
    isInactive: false,
    comments: 'line one\nline two',
    salesRep: { links: [{ rel: 'self', href: `${base}/employee/8` }], id: '8', refName: 'Chloé Martin' },
    customForm: { id: '30', refName: 'Standard Customer Form' },
    emailPreference: { id: 'PDF', refName: 'PDF' },
    addressBook: { links: [{ rel: 'self', href: `${base}/customer/5/addressBook` }], items: [{ label: 'Billing', city: 'Austin' }], totalResults: 1 },
    contactRoles: { links: [{ rel: 'self', href: `${base}/customer/5/contactRoles` }] },
  };
  const schema = {
    properties: {
      companyName: { title: 'Company Name', type: 'string' },
      salesRep: { $ref: '/services/rest/record/v1/metadata-catalog/employee', title: 'Sales Rep' },
      balance: { title: 'Balance', type: 'number', format: 'double' },
      addressBook: { $ref: '/services/rest/record/v1/metadata-catalog/customer-addressBookCollection', title: 'Address Book' },
    },
  };

  it('gives fields their schema title, text value and type, in schema order', () => {
    const entries = recordEntries(record, schema);
    expect(entries.slice(0, 4).map((e) => e.field)).toEqual(['companyName', 'salesRep', 'balance', 'addressBook']);
    expect(entries[0]).toEqual({ kind: 'value', field: 'companyName', title: 'Company Name', value: '<img src=x onerror=alert(1)>', type: 'string' });
    expect(entries[2]).toMatchObject({ title: 'Balance', value: '12.5', type: 'number (double)' });
    expect(entries.find((e) => e.field === 'comments')).toMatchObject({ title: 'comments', value: 'line one ⏎ line two' });
    expect(entries.some((e) => e.field === 'links')).toBe(false);
  });

  it('makes linked references navigable and leaves enums and unexposed references as values', () => {
    const entries = recordEntries(record, schema);
    expect(entries.find((e) => e.field === 'salesRep')).toEqual({
      kind: 'reference',
      field: 'salesRep',
      title: 'Sales Rep',
      value: 'Chloé Martin (8)',
      type: 'reference → employee',
      target: { recordType: 'employee', id: '8' },
    });
    expect(entries.find((e) => e.field === 'customForm')).toMatchObject({ kind: 'value', value: 'Standard Customer Form (30)' });
    expect(entries.find((e) => e.field === 'emailPreference')).toMatchObject({ kind: 'value', value: 'PDF' });
    expect(referenceTarget({ id: '1', links: [{ rel: 'self', href: `${base}/currency/1` }] })).toEqual({ recordType: 'currency', id: '1' });
  });

  it('turns expanded sublists into lines and names each line', () => {
    const sublist = recordEntries(record, schema).find((e) => e.field === 'addressBook');
    expect(sublist).toMatchObject({ kind: 'sublist', title: 'Address Book', totalResults: 1, schemaRef: schema.properties.addressBook.$ref });
    expect(recordEntries(record, schema).find((e) => e.field === 'contactRoles')).toMatchObject({ kind: 'value', value: '(not expanded)' });
    expect(lineLabel({ label: 'Billing', city: 'Austin' }, 0)).toBe('Line 1: Billing');
    expect(lineLabel({ line: 2, class: { id: '2', refName: 'Software' }, item: { id: '62', refName: 'DRI-1061' }, quantity: 4 }, 1)).toBe('Line 2: DRI-1061');
    expect(sublistElementSchemaName({ properties: { items: { type: 'array', items: { $ref: '/services/rest/record/v1/metadata-catalog/salesOrder-itemElement' } } } })).toBe('salesOrder-itemElement');
  });
});
