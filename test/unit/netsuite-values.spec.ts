import { describe, expect, it } from 'vitest';
import { catalogNameOfRef, columnTypesFromSchema } from '../../src/netsuite/metadata';
import { changedFields, idFromLocation } from '../../src/netsuite/records';
import { keysetQuery, withoutFinalOrderBy } from '../../src/netsuite/suiteql';
import { typeRow, typeValue } from '../../src/netsuite/suiteqlValues';

describe('SuiteQL values typed back', () => {
  it('types known columns, keeps the raw strings, and marks omitted (NULL) columns', () => {
    const row = typeRow({ id: '621', isinactive: 'F', balance: '12.50', startdate: '1/15/2024', name: 'Acme' }, { id: 'integer', isinactive: 'boolean', balance: 'number', startdate: 'date', email: 'string' }, 'MM/DD/YYYY');
    expect(row.values).toEqual({ id: 621, isinactive: false, balance: 12.5, startdate: '2024-01-15', name: 'Acme', email: null });
    expect(row.raw.balance).toBe('12.50');
  });

  it('reads dates in the user preference and leaves unparseable values as they came', () => {
    expect(typeValue('15.01.2024', 'date', 'DD.MM.YYYY')).toBe('2024-01-15');
    expect(typeValue('2024-01-15', 'date', 'MM/DD/YYYY')).toBe('2024-01-15');
    expect(typeValue('1/15/2024 1:05 pm', 'datetime', 'MM/DD/YYYY')).toBe('2024-01-15T13:05:00');
    expect(typeValue('13/45/2024', 'date', 'MM/DD/YYYY')).toBe('13/45/2024');
    expect(typeValue('1.5', 'integer', 'MM/DD/YYYY')).toBe('1.5');
    expect(typeValue('', 'number', 'MM/DD/YYYY')).toBe('');
    expect(typeValue('X', 'boolean', 'MM/DD/YYYY')).toBe('X');
  });

  it('drops only a final top-level ORDER BY for the cap count', () => {
    expect(withoutFinalOrderBy('SELECT id FROM customer ORDER BY id')).toBe('SELECT id FROM customer');
    expect(withoutFinalOrderBy('SELECT id FROM customer WHERE x = 1 order by id desc, name')).toBe('SELECT id FROM customer WHERE x = 1');
    expect(withoutFinalOrderBy('SELECT * FROM (SELECT id FROM customer ORDER BY id)')).toBe('SELECT * FROM (SELECT id FROM customer ORDER BY id)');
    expect(withoutFinalOrderBy('SELECT id FROM customer ORDER BY id FETCH FIRST 10 ROWS ONLY')).toBe('SELECT id FROM customer ORDER BY id FETCH FIRST 10 ROWS ONLY');
    expect(withoutFinalOrderBy('SELECT id FROM customer')).toBe('SELECT id FROM customer');
  });

  it('builds keyset chunks after the last id, quoting non-numeric keys', () => {
    expect(keysetQuery('SELECT id, email FROM customer;', 'id', undefined)).toBe('SELECT * FROM (SELECT id, email FROM customer) ORDER BY id');
    expect(keysetQuery('SELECT id FROM customer', 'id', '99000')).toBe('SELECT * FROM (SELECT id FROM customer) WHERE id > 99000 ORDER BY id');
    expect(keysetQuery('SELECT tranid FROM transaction', 'tranid', "O'1")).toContain("WHERE tranid > 'O''1'");
    expect(() => keysetQuery('SELECT 1', 'id; DROP', undefined)).toThrow(/plain column name/);
  });
});

describe('record helpers', () => {
  it('sends only changed fields, null for cleared ones, and compares references by id', () => {
    const original = { links: [], id: '7', companyName: 'Acme', email: 'a@x.io', phone: '1', subsidiary: { links: [], id: '1', refName: 'Parent' } };
    const edited = { id: '7', companyName: 'Acme Ltd', email: 'a@x.io', subsidiary: { id: '1' }, comments: 'new' };
    expect(changedFields(original, edited)).toEqual({ companyName: 'Acme Ltd', phone: null, comments: 'new' });
    expect(changedFields(original, { ...original, subsidiary: { id: '2' } })).toEqual({ subsidiary: { id: '2' } });
  });

  it('reads the new id from Location', () => {
    expect(idFromLocation('https://123.suitetalk.api.netsuite.com/services/rest/record/v1/customer/647')).toBe('647');
    expect(idFromLocation('http://127.0.0.1:9/services/rest/record/v1/invoice/12/')).toBe('12');
    expect(idFromLocation('/services/rest/async/v1/job/5')).toBeUndefined();
  });
});

describe('metadata helpers', () => {
  it('names the catalog entry of a $ref and derives SuiteQL column types from a schema', () => {
    expect(catalogNameOfRef('/services/rest/record/v1/metadata-catalog/salesOrder-itemCollection')).toBe('salesOrder-itemCollection');
    expect(catalogNameOfRef('#/components/schemas/nsResource')).toBe('nsResource');
    const types = columnTypesFromSchema({
      properties: {
        balance: { type: 'number', format: 'double' },
        isPerson: { type: 'boolean' },
        startDate: { type: 'string', format: 'date' },
        lastModifiedDate: { type: 'string', format: 'date-time' },
        custentity_integer: { type: 'integer' },
        subsidiary: { $ref: '/x' },
      },
    });
    expect(types).toEqual({ balance: 'number', isperson: 'boolean', startdate: 'date', lastmodifieddate: 'datetime', custentity_integer: 'integer' });
  });
});
