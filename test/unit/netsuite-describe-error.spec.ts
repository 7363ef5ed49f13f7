import { describe, expect, it } from 'vitest';
import { describeError } from '../../src/netsuite/describeError';
import { errorFromResponse, networkError } from '../../src/netsuite/errors';
import { recordNameOf } from '../../src/netsuite/recordNames';

describe('describeError: one text for a failure on every surface', () => {
  it("keeps NetSuite's detail and its advice", () => {
    const error = errorFromResponse(403, { 'o:errorDetails': [{ detail: 'Permission Violation: You need the \'Lists -> Customers\' permission at level View', 'o:errorCode': 'INSUFFICIENT_PERMISSION' }] }, 'GET /customer');
    const text = describeError(error);
    expect(text).toContain("You need the 'Lists -> Customers' permission");
    expect(text).toContain('Your NetSuite role lacks the "Lists -> Customers" permission at level View');
  });

  it('puts one full stop between a detail that ends a sentence and the advice (it printed "item.. NetSuite refused")', () => {
    const error = errorFromResponse(400, { 'o:errorDetails': [{ detail: 'Invalid Field Value 99999 for the following field: item.', 'o:errorPath': 'item' }] }, 'POST /salesOrder');
    expect(describeError(error)).toBe(
      'NetSuite answered 400: Invalid Field Value 99999 for the following field: item. NetSuite refused the request in field "item": correct it as the message says and try again.',
    );
    expect(describeError(networkError('GET /customer', new Error('ECONNRESET')))).toMatch(/: ECONNRESET\. Check your network connection/);
  });

  it('gives any other error its message', () => {
    expect(describeError(new Error('The record form backup is not valid JSON'))).toBe('The record form backup is not valid JSON');
    expect(describeError('plain')).toBe('plain');
  });
});

describe('one list of the fields that name a record', () => {
  it("names a company customer by its company name, not by NetSuite's auto-numbered entity id", () => {
    expect(recordNameOf({ entityId: 'CUST-0042', companyName: 'Acme Corp', isPerson: false })).toBe('Acme Corp');
  });

  it('names a person, a transaction, an item and a custom record by their own fields', () => {
    expect(recordNameOf({ entityId: 'Ada Lovelace', firstName: 'Ada' })).toBe('Ada Lovelace');
    expect(recordNameOf({ tranId: 'SO1001', memo: 'rush' })).toBe('SO1001');
    expect(recordNameOf({ itemId: 'ADA-100' })).toBe('ADA-100');
    expect(recordNameOf({ name: 'Gold', id: '3' })).toBe('Gold');
    expect(recordNameOf({ id: '3', companyName: '  ' })).toBeUndefined();
  });
});
