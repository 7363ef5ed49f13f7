/** The SuiteQL library's file header: read back what was written, defaults from the file name, safe file names. */
import { describe, expect, it } from 'vitest';
import { libraryFileName, readLibraryQuery, writeLibraryQuery } from '../../src/app/notebook/libraryFile';

describe('library query files', () => {
  it('reads name, description and params from the header, the body without it', () => {
    const text = '-- name: Sales by month\n-- description: Invoice totals per month\n-- params: :since, :subsidiary\nSELECT 1 FROM dual\n-- a trailing comment\n';
    expect(readLibraryQuery(text, 'x.suiteql')).toEqual({ name: 'Sales by month', description: 'Invoice totals per month', params: ['since', 'subsidiary'], body: 'SELECT 1 FROM dual\n-- a trailing comment' });
  });

  it('falls back to the file name, and keeps an ordinary leading comment in the body', () => {
    expect(readLibraryQuery('-- open invoices\nSELECT id FROM transaction', 'open-invoices.suiteql')).toEqual({ name: 'open-invoices', params: [], body: '-- open invoices\nSELECT id FROM transaction' });
  });

  it('writes a header that reads back, replacing an older header and flattening line breaks', () => {
    const text = writeLibraryQuery('Top\ncustomers', 'by balance', '-- name: old\nSELECT id FROM customer WHERE balance > :min', ['min']);
    expect(text).toBe('-- name: Top customers\n-- description: by balance\n-- params: :min\nSELECT id FROM customer WHERE balance > :min\n');
    expect(readLibraryQuery(text, 'a.suiteql')).toMatchObject({ name: 'Top customers', description: 'by balance', params: ['min'] });
  });

  it('makes file names safe on every platform', () => {
    expect(libraryFileName('Sales by month (EU/US)')).toBe('sales-by-month-eu-us.suiteql');
    expect(libraryFileName('../../etc/passwd')).toBe('etc-passwd.suiteql');
    expect(libraryFileName('***')).toBe('query.suiteql');
  });
});
