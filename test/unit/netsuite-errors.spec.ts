import { describe, expect, it } from 'vitest';
import { errorFromResponse, missingPermission, parseErrorDetails } from '../../src/netsuite/errors';

const envelope = (status: number, details: Record<string, string>[]) => ({ type: 'https://www.rfc-editor.org/rfc/rfc9110.html', title: 'x', status, 'o:errorDetails': details });

describe('NetSuiteError from o:errorDetails', () => {
  it('keeps the query parameter a SuiteQL error is about', () => {
    const error = errorFromResponse(
      400,
      envelope(400, [{ detail: "Invalid search query. Search error occurred: Unknown identifier 'subsidiary'.", 'o:errorQueryParam': 'q', 'o:errorCode': 'INVALID_PARAMETER' }]),
      'POST /services/rest/query/v1/suiteql',
    );
    expect(error.kind).toBe('invalid');
    expect(error.status).toBe(400);
    expect(error.code).toBe('INVALID_PARAMETER');
    expect(error.errorQueryParam).toBe('q');
    expect(error.message).toContain("Unknown identifier 'subsidiary'");
    expect(error.advice).toContain('parameter "q"');
  });

  it('keeps the field path of a record error for the form', () => {
    const error = errorFromResponse(
      400,
      envelope(400, [{ detail: 'You have entered an Invalid Field Value 9999 for the following field: item', 'o:errorPath': 'item.items[0].item', 'o:errorCode': 'INVALID_CONTENT' }]),
      'POST /x',
    );
    expect(error.errorPath).toBe('item.items[0].item');
    expect(error.advice).toContain('field "item.items[0].item"');
  });

  it.each([
    [401, 'INVALID_LOGIN', 'auth'],
    [403, 'INSUFFICIENT_PERMISSION', 'permission'],
    [404, 'NONEXISTENT_ID', 'notFound'],
    [409, 'IDEMPOTENCY_ERROR', 'conflict'],
    [400, 'IDEMPOTENCY_ERROR', 'conflict'],
    [429, 'CONCURRENCY_LIMIT_EXCEEDED', 'governance'],
    [500, 'UNEXPECTED_ERROR', 'server'],
  ])('maps %i %s to kind %s', (status, code, kind) => {
    expect(errorFromResponse(status, envelope(status, [{ detail: 'd', 'o:errorCode': code }]), 'GET /x').kind).toBe(kind);
  });

  it('names the missing permission in the advice for a 403', () => {
    const error = errorFromResponse(403, envelope(403, [{ detail: "Permission Violation: You need the 'Lists > Customers' permission to access this page.", 'o:errorCode': 'INSUFFICIENT_PERMISSION' }]), 'GET /x');
    expect(error.advice).toContain('"Lists > Customers" permission');
  });

  it('names the level too when NetSuite states it', () => {
    const detail = "Permission Violation: You need the 'Vendor' permission at level 'Create' to create a vendor record. Your role 'Narrow' has 'None'.";
    const error = errorFromResponse(403, envelope(403, [{ detail, 'o:errorCode': 'INSUFFICIENT_PERMISSION' }]), 'POST /x');
    expect(error.kind).toBe('permission');
    expect(error.advice).toContain('lacks the "Vendor" permission at level Create');
  });

  it('reads the flat 2020 envelope and OAuth error bodies too', () => {
    expect(parseErrorDetails({ type: 't', title: 'Bad Request', status: 400, 'o:errorCode': 'USER_ERROR', detail: 'Please enter value(s) for: Name' })).toEqual([
      { detail: 'Please enter value(s) for: Name', code: 'USER_ERROR' },
    ]);
    expect(parseErrorDetails({ error: 'invalid_grant', error_description: 'Refresh token expired' })[0]).toMatchObject({ code: 'invalid_grant', detail: 'Refresh token expired' });
  });

  it.each([
    ["You need the 'Transactions > Sales Order' permission", 'Transactions > Sales Order'],
    ['Your role lacks the "Customers" permission.', 'Customers'],
    ['Missing permission: Lists > Vendors', 'Lists > Vendors'],
    ['You do not have permission to access this resource.', undefined],
  ])('extracts the permission from %j', (detail, expected) => {
    expect(missingPermission(detail)).toBe(expected);
  });
});
