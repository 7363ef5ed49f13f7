import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explorerContext, recordContextValue } from '../../src/app/explorer/explorerContext';
import { recordLocationOf, type RecordNode } from '../../src/app/explorer/explorerNodes';
import { filterToQ, isRawQ, quoteQValue } from '../../src/app/explorer/filterToQ';
import { lineLabel, recordEntries, referenceTarget, sublistElementSchemaName } from '../../src/app/explorer/recordFields';
import { recordNamesQuery, suiteQLNameSource, typeNotebookQuery } from '../../src/app/explorer/recordNaming';
import { groupRecordTypes } from '../../src/app/explorer/recordTypeGroups';

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

describe('filterToQ refuses what NetSuite would not take, naming what it would', () => {
  const properties = {
    id: { type: 'string' },
    entityId: { type: 'string' },
    companyName: { type: 'string' },
    email: { type: 'string', format: 'email' },
    isInactive: { type: 'boolean' },
    balance: { type: 'number', format: 'double' },
    dateCreated: { type: 'string', format: 'date-time' },
    subsidiary: { $ref: '#/components/schemas/subsidiary' },
  };
  const context = { filterable: [...customerFilterable, 'dateCreated', 'subsidiary'], recordType: 'customer', properties };

  it('refuses an unknown operator and lists the ones for the field’s type', () => {
    expect(filterToQ('email CONTAINS barbara', context)).toEqual({
      kind: 'error',
      message: '"CONTAINS" is not a q operator: email is a String field; its operators are CONTAIN, CONTAIN_NOT, IS, IS_NOT, START_WITH, START_WITH_NOT, END_WITH, END_WITH_NOT, EMPTY, EMPTY_NOT.',
    });
    expect(filterToQ('balance > 100', context)).toMatchObject({ kind: 'q', raw: false }); // no operator word: text
    expect(filterToQ('dateCreated STARTS_WITH 2024', context)).toMatchObject({ kind: 'error', message: expect.stringContaining('dateCreated is a Date field; its operators are AFTER, AFTER_NOT, BEFORE') });
  });

  it('refuses a known operator the field’s type does not take', () => {
    expect(filterToQ('isInactive GREATER 1', context)).toEqual({ kind: 'error', message: '"GREATER" is not an operator for isInactive: isInactive is a Boolean field; its operators are IS, IS_NOT, EMPTY, EMPTY_NOT.' });
    expect(filterToQ('subsidiary ANY_OF [1, 2]', context)).toMatchObject({ kind: 'q', raw: true });
  });

  it('refuses an unknown field and lists the filterable ones', () => {
    expect(filterToQ('phone START_WITH 555', context)).toEqual({
      kind: 'error',
      message: '"phone" is not a field NetSuite lets you filter Customer records by. Filterable fields: id, entityId, companyName, email, isInactive, balance, dateCreated, subsidiary.',
    });
    expect(filterToQ('email IS "a@b.c" AND phne IS 5', context)).toMatchObject({ kind: 'error', message: expect.stringContaining('"phne" is not a field') });
    // Text that only looks like an expression is still a name search; a quoted value is not read as conditions.
    expect(filterToQ('IBM CORP', context)).toMatchObject({ kind: 'q', raw: false });
    expect(filterToQ('email IS "x AND phne IS z"', context)).toEqual({ kind: 'q', q: 'email IS "x AND phne IS z"', raw: true });
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

describe('record locations (the revealRecord argument)', () => {
  it('reads {accountId, recordType, id}, a number id, or an explorer record node', () => {
    expect(recordLocationOf({ accountId: 'TSTDRV1', recordType: 'salesOrder', id: '42' })).toEqual({ accountId: 'TSTDRV1', recordType: 'salesOrder', id: '42' });
    expect(recordLocationOf({ accountId: 'TSTDRV1', recordType: 'customer', id: 7 })).toEqual({ accountId: 'TSTDRV1', recordType: 'customer', id: '7' });
    const node: RecordNode = { kind: 'record', id: 'account:TSTDRV1/standard/customer/8', accountId: 'TSTDRV1', parent: undefined, recordType: 'customer', recordId: '8' };
    expect(recordLocationOf(node)).toEqual({ accountId: 'TSTDRV1', recordType: 'customer', id: '8' });
  });

  it('is undefined when anything is missing', () => {
    for (const argument of [undefined, null, 'customer 8', { accountId: 'A', recordType: 'customer' }, { accountId: 'A', id: '8' }, { recordType: 'customer', id: '8' }, { accountId: ' ', recordType: 'customer', id: '8' }]) {
      expect(recordLocationOf(argument), JSON.stringify(argument)).toBeUndefined();
    }
  });
});

type MenuEntry = { command: string; when?: string };
const itemMenus = (JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { menus: Record<string, MenuEntry[]> } }).contributes.menus['view/item/context'];

/** Which explorer row kinds (by contextValue) show `command` in their context menu, per package.json. */
function showsFor(command: string, contextValue: string): boolean {
  return itemMenus.some((entry) => {
    if (entry.command !== command || !entry.when?.includes('view == suitelens.explorer')) return false;
    const regex = /viewItem =~ \/(.+?)\/(?:\s|$)/.exec(entry.when);
    if (regex) return new RegExp(regex[1]).test(contextValue);
    const equal = /viewItem == ([\w.:-]+)/.exec(entry.when);
    return equal?.[1] === contextValue;
  });
}

describe('explorer context menus against the rows\' contextValues', () => {
  const record = (recordType: string, fieldTitle?: string): string => recordContextValue({ kind: 'record', id: 'x', accountId: 'A', parent: undefined, recordType, recordId: '1', fieldTitle });
  const order = record('salesorder');
  const customer = record('customer');
  const orderReference = record('salesOrder', 'Created From');
  const customerReference = record('customer', 'Customer');
  const typeRows = [explorerContext.recordType, explorerContext.recordTypeFiltered];

  it('gives record rows and references their lower-case type', () => {
    expect([order, customer, orderReference, customerReference]).toEqual(['suitelens.record:salesorder', 'suitelens.record:customer', 'suitelens.record.reference:salesorder', 'suitelens.record.reference:customer']);
  });

  it('keeps every record command on record rows and references, and off record type rows', () => {
    for (const command of ['suitelens.explorer.openJson', 'suitelens.explorer.openInNetSuite', 'suitelens.explorer.copyId', 'suitelens.explorer.copyJson', 'suitelens.editRecord', 'suitelens.deleteRecord', 'suitelens.explorer.refresh']) {
      for (const row of [order, customer, orderReference, customerReference]) expect(showsFor(command, row), `${command} on ${row}`).toBe(true);
    }
    for (const command of ['suitelens.explorer.openJson', 'suitelens.editRecord', 'suitelens.deleteRecord', 'suitelens.createInvoiceFromSalesOrder', 'suitelens.explorer.revealInTypeList']) {
      for (const row of typeRows) expect(showsFor(command, row), `${command} on ${row}`).toBe(false);
    }
    for (const row of typeRows) expect(showsFor('suitelens.newRecord', row)).toBe(true);
  });

  it('offers Create Invoice on sales orders only, and Reveal in Type List on references only', () => {
    expect(showsFor('suitelens.createInvoiceFromSalesOrder', order)).toBe(true);
    expect(showsFor('suitelens.createInvoiceFromSalesOrder', orderReference)).toBe(true);
    for (const row of [customer, customerReference, record('salesordertotal'), record('invoice')]) expect(showsFor('suitelens.createInvoiceFromSalesOrder', row), row).toBe(false);
    expect(showsFor('suitelens.explorer.revealInTypeList', customerReference)).toBe(true);
    expect(showsFor('suitelens.explorer.revealInTypeList', orderReference)).toBe(true);
    expect(showsFor('suitelens.explorer.revealInTypeList', customer)).toBe(false);
    expect(showsFor('suitelens.explorer.revealInTypeList', order)).toBe(false);
  });
});
