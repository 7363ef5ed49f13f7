// Pure parts of the explorer's labels and ordering (issue 21): record type labels, numeric id order, the filter's q
// as SuiteQL, sortable columns and how a sorted value shows on a row.
import { describe, expect, it } from 'vitest';
import { recordTitle, recordTypeLabel } from '../../src/netsuite/recordTypeLabels';
import { compareIds } from '../../src/app/explorer/explorerModel';
import { qToSuiteQL } from '../../src/app/explorer/qToSuiteQL';
import { columnNameFor, formatColumnValue, sortableColumns } from '../../src/app/explorer/recordColumns';
import { recordListQuery } from '../../src/app/explorer/recordNaming';
import { groupRecordTypes } from '../../src/app/explorer/recordTypeGroups';

describe('record type labels', () => {
  it('names standard types as NetSuite does and keeps the id of a type it does not know', () => {
    expect(recordTypeLabel('salesorder')).toBe('Sales Order');
    expect(recordTypeLabel('salesOrder')).toBe('Sales Order');
    expect(recordTypeLabel('classification')).toBe('Class');
    expect(recordTypeLabel('customrecord_project_milestone')).toBe('customrecord_project_milestone');
    expect(recordTypeLabel('constructor')).toBe('constructor');
    expect(recordTitle('customer', '222')).toBe('Customer 222');
    expect(recordTitle('customer', '222', 'Acme')).toBe('Acme');
  });

  it('orders types by label and lets the type filter match the label', () => {
    expect(groupRecordTypes(['term', 'supportcase', 'classification', 'salesorder']).standard).toEqual(['supportcase', 'classification', 'salesorder', 'term']);
    expect(groupRecordTypes(['salesorder', 'customer', 'purchaseorder'], 'sales ord').standard).toEqual(['salesorder']);
  });
});

describe('list order', () => {
  it('puts internal ids in number order, not text order', () => {
    expect(['109', '355', '62', '1', '10'].sort(compareIds)).toEqual(['1', '10', '62', '109', '355']);
  });

  it('lists by SuiteQL ordered by id, or by the sorted column then id, with empty values last', () => {
    expect(recordListQuery('customer')).toBe('SELECT id, entityid AS name FROM customer ORDER BY id');
    expect(recordListQuery('invoice', { where: 'foreigntotal > 5', sort: { column: 'trandate', direction: 'desc' } })).toBe(
      "SELECT id, tranid AS name, trandate AS sortvalue FROM transaction WHERE type = 'CustInvc' AND (foreigntotal > 5) ORDER BY trandate DESC NULLS LAST, id",
    );
  });
});

describe('q filter as SuiteQL', () => {
  it('translates name searches, comparisons, lists, booleans and empties, with values quoted', () => {
    expect(qToSuiteQL('companyName CONTAIN "O\'Brien \\"x\\"" OR entityId START_WITH "ab"', 'customer')).toBe(
      `LOWER(companyname) LIKE '%o''brien "x"%' OR LOWER(entityid) LIKE 'ab%'`,
    );
    expect(qToSuiteQL('balance GREATER_OR_EQUAL 1000 AND (isInactive IS false OR email EMPTY)', 'customer')).toBe(
      "balancesearch >= 1000 AND (isinactive = 'F' OR email IS NULL)",
    );
    expect(qToSuiteQL('id ANY_OF [1, 2, 3]', 'customer')).toBe('id IN (1, 2, 3)');
    expect(qToSuiteQL('subsidiary ANY_OF_NOT [1]', 'customer')).toBe('NOT (subsidiary IN (1))');
    expect(qToSuiteQL('email IS_NOT "a@b.c"', 'customer')).toBe("email <> 'a@b.c'");
  });

  it('gives up (the caller keeps NetSuite q) on what has no one-to-one SuiteQL form', () => {
    expect(qToSuiteQL('dateCreated AFTER "1/1/2024"', 'customer')).toBeUndefined();
    expect(qToSuiteQL('balance GREATER "x"', 'customer')).toBeUndefined();
    expect(qToSuiteQL('companyName CONTAIN "unterminated', 'customer')).toBeUndefined();
    expect(qToSuiteQL('(email EMPTY', 'customer')).toBeUndefined();
    expect(qToSuiteQL('email EMPTY; DROP', 'customer')).toBeUndefined();
  });
});

describe('sortable columns', () => {
  it('offers the SuiteQL columns by label, mapping REST names to SuiteQL ones', () => {
    const columns = sortableColumns('customer', undefined);
    expect(columns.find((column) => column.label === 'Balance')).toEqual({ column: 'balancesearch', label: 'Balance', type: 'currency' });
    expect(columns.some((column) => column.column === 'salesrep')).toBe(false); // a reference sorts by id: left out
    expect(columnNameFor('customer', 'overdueBalance')).toBe('overduebalancesearch');
    expect(columnNameFor('customer', 'companyName')).toBe('companyname');
  });

  it('falls back to the REST schema for a table it does not describe', () => {
    const schema = { properties: { name: { title: 'Name', type: 'string' }, custrecord_due: { title: 'Due', type: 'string', format: 'date' }, owner: { $ref: 'x' } } };
    expect(sortableColumns('customrecord_x', schema)).toEqual([
      { column: 'custrecord_due', label: 'Due', type: 'date' },
      { column: 'name', label: 'Name', type: 'string' },
    ]);
  });

  it('shows money to two decimals with grouping, booleans as Yes/No', () => {
    expect(formatColumnValue('126861.9', 'currency', 'en-US')).toBe('126,861.90');
    expect(formatColumnValue(3, 'integer', 'en-US')).toBe('3');
    expect(formatColumnValue('T', 'boolean')).toBe('Yes');
    expect(formatColumnValue(null, 'currency')).toBe('');
  });
});
