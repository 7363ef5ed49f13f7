/**
 * The SuiteQL route over real HTTP: request checks (paging, `{"q"}` body, Prefer: transient in strict mode),
 * NetSuite's response wrapping, 400 INVALID_PARAMETER for bad queries, roles, and SuiteQL seeing REST writes.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox';
import { fixtureRecords } from './fixtureRecords';
import { call, idFromLocation, type CallOptions } from './sandboxTestClient';

let sandbox: RunningSandbox;
const suiteql = '/services/rest/query/v1/suiteql';

beforeAll(async () => {
  // Also the non-default options: strict Prefer: transient and the documented 400 for a replayed idempotency key.
  sandbox = await startSandbox({ seedRecords: fixtureRecords(), strictTransient: true, idempotencyDuplicateStatus: 400 });
});
afterAll(async () => {
  await sandbox?.stop();
});

function query(q: unknown, parameters = '', options: CallOptions = {}) {
  return call(sandbox, 'POST', `${suiteql}${parameters}`, { body: { q }, ...options, headers: { prefer: 'transient', ...options.headers } });
}

describe('SuiteQL route', () => {
  it('wraps a page as NetSuite does: links [] first in each item, count, hasMore, offset, totalResults and paging links', async () => {
    const response = await query('SELECT id, companyname, isperson FROM customer ORDER BY id', '?limit=10&offset=10');
    expect(response.status, response.text).toBe(200);
    const body = response.json;
    expect(Object.keys(body)).toEqual(['links', 'count', 'hasMore', 'items', 'offset', 'totalResults']);
    expect(body).toMatchObject({ count: 10, hasMore: true, offset: 10, totalResults: 25 });
    expect(body.items[0]).toEqual({ links: [], id: '110', companyname: 'Customer 10', isperson: 'T' });
    expect(Object.keys(body.items[0])[0]).toBe('links');
    expect(body.links.map((link: { rel: string }) => link.rel)).toEqual(['first', 'prev', 'next', 'last', 'self']);
    expect(body.links.find((link: { rel: string }) => link.rel === 'next').href).toBe(`${sandbox.baseUrl}${suiteql}?limit=10&offset=20`);
  });

  it('answers bad queries with 400 INVALID_PARAMETER in NetSuite wording', async () => {
    const response = await query('SELECT nosuchcolumn FROM customer');
    expect(response.status).toBe(400);
    expect(response.json['o:errorDetails'][0]).toMatchObject({ 'o:errorCode': 'INVALID_PARAMETER', 'o:errorQueryParam': 'q' });
    expect(response.json['o:errorDetails'][0].detail).toMatch(/^Invalid search query\. Detailed unprocessed description follows\./);
    const table = await query('SELECT id FROM transactiontablethatdoesnotexist');
    expect(table.json['o:errorDetails'][0].detail).toBe('Invalid search query. Detailed unprocessed description follows. Invalid search type: transactiontablethatdoesnotexist.');
  });

  it('checks the body, the paging parameters and, in strict mode, Prefer: transient', async () => {
    const noQ = await call(sandbox, 'POST', suiteql, { body: { query: 'SELECT 1 FROM dual' }, headers: { prefer: 'transient' } });
    expect(noQ.status).toBe(400);
    expect(noQ.json['o:errorDetails'][0].detail).toContain('"q"');
    expect((await query('SELECT id FROM customer', '?limit=0')).json['o:errorDetails'][0]['o:errorQueryParam']).toBe('limit');
    expect((await query('SELECT id FROM customer', '?limit=1001')).status).toBe(400);
    expect((await query('SELECT id FROM customer', '?limit=10&offset=15')).json['o:errorDetails'][0]['o:errorQueryParam']).toBe('offset');
    const noPrefer = await call(sandbox, 'POST', suiteql, { body: { q: 'SELECT id FROM customer' } });
    expect(noPrefer.status).toBe(400);
    expect(noPrefer.json['o:errorDetails'][0]['o:errorHeader']).toBe('Prefer');
  });

  it('shows each role only the tables it may view', async () => {
    const narrow = await query('SELECT id FROM vendor', '', { credentials: sandbox.narrowCredentials.tba });
    expect(narrow.status).toBe(400);
    expect(narrow.json['o:errorDetails'][0].detail).toContain("Record 'vendor' was not found.");
    const customers = await query('SELECT COUNT(*) AS n FROM customer', '', { credentials: sandbox.narrowCredentials.tba });
    expect(customers.json.items[0].n).toBe('25');
  });

  it('sees REST creates, updates and deletes at once', async () => {
    const lookup = async () => (await query(`SELECT id, companyname FROM customer WHERE entityid = 'SQL-SEES-ME'`)).json.items;
    const created = await call(sandbox, 'POST', '/services/rest/record/v1/customer', { body: { entityId: 'SQL-SEES-ME', companyName: 'Before', subsidiary: { id: '1' } } });
    expect(created.status).toBe(204);
    const id = idFromLocation(created);
    expect(await lookup()).toEqual([{ links: [], id, companyname: 'Before' }]);
    await call(sandbox, 'PATCH', `/services/rest/record/v1/customer/${id}`, { body: { companyName: 'After' } });
    expect(await lookup()).toEqual([{ links: [], id, companyname: 'After' }]);
    await call(sandbox, 'DELETE', `/services/rest/record/v1/customer/${id}`);
    expect(await lookup()).toEqual([]);
  });

  it('answers a replayed idempotency key on an async create with 400 when configured so (the documented status)', async () => {
    const headers = { prefer: 'respond-async', 'X-NetSuite-Idempotency-Key': randomUUID() };
    const body = { entityId: 'IDEMPOTENT-400', subsidiary: { id: '1' } };
    expect((await call(sandbox, 'POST', '/services/rest/record/v1/customer', { body, headers })).status).toBe(202);
    const replay = await call(sandbox, 'POST', '/services/rest/record/v1/customer', { body, headers });
    expect(replay.status).toBe(400);
    expect(replay.json['o:errorDetails'][0]['o:errorCode']).toBe('IDEMPOTENCY_ERROR');
    expect((await query(`SELECT COUNT(*) AS n FROM customer WHERE entityid = 'IDEMPOTENT-400'`)).json.items[0].n).toBe('1');
  });

  it('sees sublist lines written over REST in transactionline', async () => {
    const created = await call(sandbox, 'POST', '/services/rest/record/v1/salesOrder', {
      body: { entity: { id: '102' }, item: { items: [{ item: { id: '200' }, quantity: 4, rate: 10 }] } },
    });
    expect(created.status, created.text).toBe(204);
    const id = idFromLocation(created);
    const lines = await query(`SELECT t.type, tl.item, tl.quantity FROM transaction t JOIN transactionline tl ON tl.transaction = t.id WHERE t.id = ${id} AND tl.mainline = 'F'`);
    expect(lines.json.items).toEqual([{ links: [], type: 'SalesOrd', item: '200', quantity: '4' }]);
  });
});
