/** The `q` filter language over real HTTP: operators by field type, AND/OR/parentheses, quoting, user-format dates. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox';
import { fixtureRecords } from './fixtureRecords';
import { call } from './sandboxTestClient';

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ seedRecords: fixtureRecords() });
});
afterAll(async () => {
  await sandbox?.stop();
});

async function ids(q: string): Promise<string[]> {
  const response = await call(sandbox, 'GET', `/services/rest/record/v1/customer?q=${encodeURIComponent(q)}`);
  expect(response.status, response.text).toBe(200);
  expect(response.json.totalResults).toBe(response.json.items.length);
  return response.json.items.map((item: { id: string }) => item.id);
}

async function qError(q: string): Promise<{ status: number; detail: string; param: string }> {
  const response = await call(sandbox, 'GET', `/services/rest/record/v1/customer?q=${encodeURIComponent(q)}`);
  const detail = response.json['o:errorDetails'][0];
  expect(detail['o:errorCode']).toBe('INVALID_PARAMETER');
  return { status: response.status, detail: detail.detail, param: detail['o:errorQueryParam'] };
}

describe('q filter', () => {
  it('filters strings case-insensitively with START_WITH, CONTAIN, END_WITH and IS (and their _NOT forms)', async () => {
    expect(await ids('email START_WITH BUYER1')).toEqual(['110', '112', '114', '116', '118']);
    expect(await ids(`companyName CONTAIN "o'brien"`)).toEqual(['100']);
    expect(await ids('email END_WITH example.org AND id LESS 106')).toEqual(['101', '103', '105']);
    expect(await ids('entityId IS cust7')).toEqual(['107']);
    expect(await ids('entityId IS_NOT CUST0 AND id LESS 103')).toEqual(['101', '102']);
    expect(await ids('companyName START_WITH_NOT Customer')).toEqual(['100', '101', '102', '103']);
  });

  it('reads quoted values with escaped quotes, and treats LIKE wildcards literally', async () => {
    expect(await ids('companyName IS "Say \\"hello\\", world"')).toEqual(['103']);
    expect(await ids('companyName CONTAIN "%"')).toEqual([]);
    expect(await ids('companyName CONTAIN "<img"')).toEqual(['102']);
  });

  it('compares numbers, lists and ranges on number fields and the id', async () => {
    expect(await ids('balance GREATER 220')).toEqual(['121', '122', '123', '124']);
    expect(await ids('balance BETWEEN [10, 32]')).toEqual(['101', '102', '103']);
    expect(await ids('id ANY_OF [100, 102, 124]')).toEqual(['100', '102', '124']);
    expect(await ids('id BETWEEN_NOT [101, 123]')).toEqual(['100', '124']);
    expect(await ids('balance LESS_OR_EQUAL 0')).toEqual(['100']);
  });

  it('filters booleans, enums and references', async () => {
    expect(await ids('isPerson IS true')).toEqual(['100', '105', '110', '115', '120']);
    expect(await ids('emailPreference ANY_OF [PDF] AND id LESS 107')).toEqual(['100', '103', '106']);
    expect(await ids('subsidiary ANY_OF_NOT [1]')).toEqual([]);
    expect(await ids('phone EMPTY AND id LESS 102')).toEqual(['100', '101']);
    expect(await ids('externalId EMPTY_NOT')).toEqual(['103']);
  });

  it('combines with AND binding tighter than OR, and parentheses, with case-insensitive keywords and operators', async () => {
    expect(await ids('id EQUAL 100 OR id EQUAL 101 AND isPerson IS true')).toEqual(['100']);
    expect(await ids('(id EQUAL 100 OR id EQUAL 105) and isPerson is true')).toEqual(['100', '105']);
    expect(await ids('email start_with buyer2 or (balance greater 240)')).toEqual(['102', '120', '122', '123', '124']);
  });

  it('reads dates in the user date format (MM/DD/YYYY by default), with or without a time', async () => {
    expect(await ids('startDate ON "01/05/2024"')).toEqual(['104']);
    expect(await ids('startDate ON_OR_AFTER 1/23/2024')).toEqual(['122', '123', '124']);
    expect(await ids('startDate BEFORE "01/03/2024"')).toEqual(['100', '101']);
    expect(await ids('lastModifiedDate AFTER "02/23/2024 09:30 AM"')).toEqual(['123', '124']);
    expect(await ids('dateCreated ON_OR_BEFORE "01/02/2024 9:30 AM"')).toEqual(['100', '101']);
  });

  it('answers a date in another format as NetSuite words it: the account\u2019s date format (Java letters) and time zone', async () => {
    expect(await qError('startDate AFTER "2024-01-20"')).toEqual({
      status: 400,
      detail: 'Search error occurred: Parse of date/time "2024-01-20" failed with date format "M/d/yyyy" in time zone America/Los_Angeles',
      param: 'q',
    });
    expect((await qError('startDate AFTER "02/30/2024"')).detail).toContain('Parse of date/time "02/30/2024" failed');
  });

  it('reads ISO-8601 date-times with a zone, as integrations send them, whatever the date format', async () => {
    expect(await ids('lastModifiedDate AFTER "2024-02-23T09:30:00Z"')).toEqual(await ids('lastModifiedDate AFTER "02/23/2024 09:30 AM"'));
    expect(await ids('lastModifiedDate ON_OR_AFTER "2024-02-23T09:30:00.000+00:00"')).toEqual(await ids('lastModifiedDate ON_OR_AFTER "02/23/2024 09:30 AM"'));
    // A plain ISO date is still the user's-format question Airbyte probes with.
    expect((await qError('startDate AFTER "2024-01-20"')).detail).toContain('Parse of date/time');
  });

  it('can answer with the older "Unparseable date" wording that Airbyte looks for, and refuse ISO date-times', async () => {
    const older = await startSandbox({ seedRecords: fixtureRecords(), timeZone: 'Europe/Berlin', queryDates: { errorWording: 'unparseable', isoDatetimes: false } });
    try {
      for (const q of ['startDate AFTER "2024-01-20"', 'lastModifiedDate AFTER "2024-02-23T09:30:00Z"']) {
        const response = await call(older, 'GET', `/services/rest/record/v1/customer?q=${encodeURIComponent(q)}`);
        expect(response.status).toBe(400);
        expect(response.json['o:errorDetails'][0].detail).toMatch(/^Unparseable date: "/);
      }
    } finally {
      await older.stop();
    }
  });

  it('refuses unknown fields, unfilterable fields, wrong operators and bad syntax with a specific message', async () => {
    expect((await qError('nope IS x')).detail).toContain("Unknown field 'nope'");
    expect((await qError('comments EMPTY')).detail).toContain("Field 'comments' on record type 'customer' cannot be used in a filter");
    expect((await qError('balance CONTAIN 5')).detail).toContain("Operator 'CONTAIN' cannot be used with field 'balance' of type Number");
    expect((await qError('balance GREATER abc')).detail).toContain("Invalid number 'abc'");
    expect((await qError('email START_WITH')).detail).toContain("Expected a value after 'START_WITH'");
    expect((await qError('(id EQUAL 1')).detail).toContain("Expected ')'");
    expect((await qError('id BETWEEN [1]')).detail).toContain('expects two values');
    expect((await qError('companyName IS "open')).detail).toContain('Unterminated string');
  });

  it('pages filtered results with the filter kept in the links', async () => {
    const response = await call(sandbox, 'GET', `/services/rest/record/v1/customer?q=${encodeURIComponent('email START_WITH buyer')}&limit=5`);
    expect(response.json.totalResults).toBe(13);
    const next = response.json.links.find((link: { rel: string }) => link.rel === 'next').href;
    expect(next).toBe(`${sandbox.baseUrl}/services/rest/record/v1/customer?q=email%20START_WITH%20buyer&limit=5&offset=5`);
    const page2 = await call(sandbox, 'GET', next.slice(sandbox.baseUrl.length));
    expect(page2.json.items.map((item: { id: string }) => item.id)).toEqual(['110', '112', '114', '116', '118']);
  });
});
